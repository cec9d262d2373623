import { Box, Button, Modal, Text } from "@saleor/macaw-ui";
import { type ReactNode, useId } from "react";

import { useI18n } from "../i18n";

/** A modal dialog (macaw-ui's Radix-based Modal) with a title and a close button. */
export function Dialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = useId();

  return (
    <Modal open={open} onChange={(next) => !next && onClose()}>
      <Modal.Content
        dialogContentProps={{ "aria-labelledby": titleId, "aria-describedby": undefined }}
      >
        <Box
          position="fixed"
          __left="50%"
          __top="50%"
          __transform="translate(-50%, -50%)"
          __width="min(560px, 95vw)"
          backgroundColor="default1"
          boxShadow="defaultModal"
          borderRadius={4}
          padding={6}
          display="flex"
          flexDirection="column"
          gap={4}
        >
          <Box display="flex" justifyContent="space-between" alignItems="center">
            <Text as="h2" id={titleId} size={6} fontWeight="bold">
              {title}
            </Text>
            <Button variant="tertiary" onClick={onClose} aria-label={t("dialog.close")}>
              ×
            </Button>
          </Box>
          {children}
        </Box>
      </Modal.Content>
    </Modal>
  );
}
