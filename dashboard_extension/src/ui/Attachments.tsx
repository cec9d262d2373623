import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { errorMessage } from "../api/client";
import { useClient } from "../api/context";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";

export type AttachmentInfo = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
  isInternal: boolean;
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;

  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file of the helpdesk: downloaded with the caller's token, not a bare link. */
export function AttachmentLink({ attachment }: { attachment: AttachmentInfo }) {
  const client = useClient();
  const host = useHost();
  const { t } = useI18n();
  const download = async () => {
    try {
      const blob = await client.fetchFile(attachment.url);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement("a");

      anchor.href = url;
      anchor.download = attachment.name;
      anchor.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      host.notify({ status: "error", title: t("state.error", { message: errorMessage(error) }) });
    }
  };

  return (
    <Button
      variant="tertiary"
      size="small"
      onClick={download}
      aria-label={t("ticket.download", { name: attachment.name })}
    >
      📎 {attachment.name} ({formatSize(attachment.size)})
      {attachment.isInternal ? ` · ${t("ticket.internalFile")}` : ""}
    </Button>
  );
}

export function AttachmentList({ attachments }: { attachments: AttachmentInfo[] }) {
  if (!attachments.length) return null;

  return (
    <Box display="flex" flexWrap="wrap" gap={1}>
      {attachments.map((attachment) => (
        <AttachmentLink key={attachment.id} attachment={attachment} />
      ))}
    </Box>
  );
}

/** An image attachment (a complaint photo), fetched with the token. */
export function AuthorizedImage({ attachment }: { attachment: AttachmentInfo }) {
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;

    client
      .fetchFile(attachment.url)
      .then((blob) => {
        if (cancelled || typeof URL.createObjectURL !== "function") return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch((err) => !cancelled && setError(errorMessage(err)));

    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, attachment.url]);

  return (
    <Box as="figure" display="flex" flexDirection="column" gap={1} margin={0}>
      {src ? (
        <img
          src={src}
          alt={attachment.name}
          style={{ maxWidth: 180, maxHeight: 180, objectFit: "cover", borderRadius: 6 }}
        />
      ) : (
        <Box
          __width="180px"
          __height="120px"
          backgroundColor="default2"
          borderRadius={3}
          display="flex"
          alignItems="center"
          justifyContent="center"
        >
          <Text size={1} color={error ? "critical1" : "default2"}>
            {error ?? "…"}
          </Text>
        </Box>
      )}
      <figcaption>
        <AttachmentLink attachment={attachment} />
      </figcaption>
    </Box>
  );
}
