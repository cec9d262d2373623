import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { errorMessage } from "../api/client";
import { useClient } from "../api/context";
import { useI18n } from "../i18n";
import { Dialog } from "../ui/Dialog";

/** How much of a message the dialog shows; the download has all of it. */
export const SHOWN_BYTES = 200 * 1024;

type Original = { text: string; truncated: boolean; blob: Blob };

function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();

    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The raw message as text: its first `SHOWN_BYTES`, undecodable bytes as U+FFFD. */
export async function originalText(blob: Blob, limit = SHOWN_BYTES): Promise<Original> {
  const bytes = await readBytes(blob.slice(0, limit));

  return { text: new TextDecoder().decode(bytes), truncated: blob.size > limit, blob };
}

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");

  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "View original": the message as it arrived, fetched with the caller's token (a bare
 * link would carry none), shown as its source with a download of the .eml file.
 */
export function OriginalMessageButton({
  url,
  from,
  size = "small",
}: {
  url: string | null;
  from: string;
  size?: "small" | "medium";
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);

  if (!url)
    return (
      <Text size={1} color="default2">
        {t("mail.originalMissing")}
      </Text>
    );

  return (
    <>
      <Button
        type="button"
        size={size}
        variant="tertiary"
        aria-label={t("mail.originalOf", { from })}
        onClick={() => setOpen(true)}
      >
        ✉ {t("mail.original")}
      </Button>
      {open && <OriginalMessageDialog url={url} onClose={() => setOpen(false)} />}
    </>
  );
}

function OriginalMessageDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const [original, setOriginal] = useState<Original | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;

    client
      .fetchFile(url)
      .then(originalText)
      .then((loaded) => !cancelled && setOriginal(loaded))
      .catch((err) => !cancelled && setError(errorMessage(err)));

    return () => {
      cancelled = true;
    };
  }, [client, url]);

  return (
    <Dialog open onClose={onClose} title={t("mail.originalTitle")}>
      {error && (
        <Text role="alert" color="critical1">
          {t("mail.originalFailed", { message: error })}
        </Text>
      )}
      {!original && !error && <Text role="status">{t("mail.originalLoading")}</Text>}
      {original && (
        <>
          {original.truncated && (
            <Text size={2} color="default2">
              {t("mail.originalTruncated", { size: `${SHOWN_BYTES / 1024} KB` })}
            </Text>
          )}
          <Box
            as="pre"
            data-testid="original-message"
            margin={0}
            padding={3}
            borderRadius={3}
            backgroundColor="default2"
            fontSize={2}
            overflow="auto"
            __maxHeight="60vh"
            style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}
          >
            {original.text}
          </Box>
          <Box>
            <Button
              type="button"
              variant="secondary"
              onClick={() => saveBlob(original.blob, "message.eml")}
            >
              {t("mail.download")}
            </Button>
          </Box>
        </>
      )}
    </Dialog>
  );
}
