import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useRef, useState } from "react";

import { useI18n } from "../i18n";

/**
 * Put text on the clipboard. Inside the Dashboard's iframe the Clipboard API may be
 * refused (the frame needs the `clipboard-write` permission), so a selected text area
 * and the older copy command are tried next. Resolves whether either worked.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, "writeText"> | undefined = navigator.clipboard,
  doc: Document = document,
): Promise<boolean> {
  try {
    if (clipboard) {
      await clipboard.writeText(text);

      return true;
    }
  } catch {
    // Refused: try the copy command below.
  }
  const area = doc.createElement("textarea");

  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  const focused = doc.activeElement as HTMLElement | null;

  doc.body.appendChild(area);
  area.focus();
  area.select();
  try {
    return typeof doc.execCommand === "function" && doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    // The keyboard stays where it was (the copy button).
    focused?.focus?.();
  }
}

/**
 * A value to copy (a URL, a secret): shown in full and selectable, with a button that
 * copies it and says whether that worked.
 */
export function CopyField({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Text size={2} color="default2">
        {label}
      </Text>
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <Box
          as="code"
          data-testid={testId}
          padding={2}
          borderRadius={3}
          backgroundColor="default2"
          style={{ wordBreak: "break-all", userSelect: "all" }}
        >
          {value}
        </Box>
        <Button
          type="button"
          size="small"
          variant="secondary"
          aria-label={t("mail.copyItem", { what: label })}
          onClick={async () => {
            window.clearTimeout(timer.current);
            setState((await copyText(value)) ? "copied" : "failed");
            timer.current = window.setTimeout(() => setState("idle"), 4000);
          }}
        >
          {t("mail.copy")}
        </Button>
        {state !== "idle" && (
          <Text size={2} role="status" color={state === "copied" ? "success1" : "critical1"}>
            {state === "copied" ? t("mail.copied") : t("mail.copyFailed")}
          </Text>
        )}
      </Box>
    </Box>
  );
}
