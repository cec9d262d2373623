import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useRef } from "react";

import { useI18n } from "../i18n";
import { CopyField } from "../ui/CopyField";

/** What a push mailbox's creation answered: shown once, then gone for good. */
export type CreatedSecret = { name: string; secret: string; pushUrl: string; id: string };

export const mailboxHref = (id: string) => `#/settings/mailboxes/${encodeURIComponent(id)}`;

/** The push secret of a mailbox just made (or given a new secret): shown this once. */
export function SecretOnce({ created, onClose }: { created: CreatedSecret; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => ref.current?.focus(), [created.secret]);

  return (
    <Box
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={t("mail.secretLabel")}
      data-testid="push-secret-once"
      padding={4}
      borderRadius={3}
      backgroundColor="warning1"
      display="flex"
      flexDirection="column"
      gap={3}
    >
      <Text fontWeight="bold">{t("mail.secretOnce", { name: created.name })}</Text>
      <CopyField label={t("mail.secretLabel")} value={created.secret} testId="push-secret" />
      <CopyField label={t("mail.pushUrl")} value={created.pushUrl} testId="push-url" />
      <Box display="flex" gap={2} alignItems="center">
        <a href={mailboxHref(created.id)}>{t("mail.open", { name: created.name })}</a>
        <Button type="button" size="small" variant="secondary" onClick={onClose}>
          {t("dialog.close")}
        </Button>
      </Box>
    </Box>
  );
}
