import { Box, Button, Skeleton, Text } from "@saleor/macaw-ui";
import type { ReactNode } from "react";

import { useI18n } from "../i18n";

export function Loading({ rows = 3, label }: { rows?: number; label?: string }) {
  const { t } = useI18n();

  return (
    <Box
      role="status"
      aria-live="polite"
      aria-busy="true"
      display="flex"
      flexDirection="column"
      gap={2}
      padding={2}
    >
      <VisuallyHidden>{label ?? t("state.loading")}</VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={5} />
      ))}
    </Box>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();

  return (
    <Box
      role="alert"
      display="flex"
      flexDirection="column"
      gap={2}
      padding={4}
      borderRadius={3}
      backgroundColor="critical1"
    >
      <Text color="critical1">{t("state.error", { message })}</Text>
      {onRetry && (
        <Box>
          <Button variant="secondary" onClick={onRetry}>
            {t("state.retry")}
          </Button>
        </Box>
      )}
    </Box>
  );
}

export function EmptyState({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children?: ReactNode;
}) {
  return (
    <Box
      display="flex"
      flexDirection="column"
      alignItems="center"
      gap={2}
      padding={8}
      textAlign="center"
    >
      <Text size={5} fontWeight="medium">
        {title}
      </Text>
      {hint && <Text color="default2">{hint}</Text>}
      {children}
    </Box>
  );
}

const hiddenStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  padding: 0,
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={hiddenStyle}>{children}</span>;
}

/** "Saving… / Saved / Not saved: …" next to a field, read out by screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useI18n();

  if (state.status === "idle") return null;
  const text =
    state.status === "saving"
      ? t("state.saving")
      : state.status === "saved"
      ? t("state.saved")
      : t("state.saveFailed", { message: state.message });

  return (
    <Text
      size={2}
      role={state.status === "error" ? "alert" : "status"}
      color={
        state.status === "error" ? "critical1" : state.status === "saved" ? "success1" : "default2"
      }
    >
      {text}
    </Text>
  );
}

export type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved" }
  | { status: "error"; message: string };
