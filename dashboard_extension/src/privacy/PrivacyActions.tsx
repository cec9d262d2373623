import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { ApiError, type Download, errorMessage } from "../api/client";
import { useClient } from "../api/context";
import { problemLine, useMutation } from "../api/useMutation";
import { CustomerDataEraseDocument, type CustomerDataEraseMutation } from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { CheckField } from "../settings/common";
import { Dialog } from "../ui/Dialog";

/** Whose data: a customer's account (Saleor User ID) or an e-mail address (guests). */
export type DataSubject = { customer: string } | { email: string };

export const EXPORT_PATH = "privacy/export/";

/**
 * The permissions each action needs (the API checks them; the UI only hides what it
 * knows would be refused).
 */
export const EXPORT_PERMISSIONS = ["MANAGE_USERS", "MANAGE_ORDERS"] as const;
export const ERASE_PERMISSIONS = ["MANAGE_USERS"] as const;

/** Whether the user may: true/false when the host knows the user's permissions, true otherwise. */
export function allowed(
  permissions: readonly string[] | undefined,
  needed: readonly string[],
): boolean {
  return !permissions || needed.every((permission) => permissions.includes(permission));
}

/** Save a downloaded file through a temporary Blob link. */
export function saveDownload({ blob, filename }: Download, fallbackName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");

  link.href = url;
  link.download = filename ?? fallbackName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Erasure = NonNullable<NonNullable<CustomerDataEraseMutation["customerDataErase"]>["erasure"]>;

/**
 * "Export data" and "Erase personal data" for one person, each behind a confirmation;
 * the result (or the API's refusal) shows below the buttons.
 */
export function PrivacyActions({
  subject,
  who,
  size = "medium",
  validate,
}: {
  subject: DataSubject;
  who: string;
  size?: "small" | "medium";
  validate?: () => string | null;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [dialog, setDialog] = useState<"export" | "erase" | null>(null);
  const [outcome, setOutcome] = useState<
    | { kind: "error"; message: string }
    | { kind: "erased"; erasure: Erasure }
    | { kind: "exported"; filename: string }
    | null
  >(null);
  const mayExport = allowed(host.permissions, EXPORT_PERMISSIONS);
  const mayErase = allowed(host.permissions, ERASE_PERMISSIONS);

  if (!mayExport && !mayErase) return null;

  const open = (which: "export" | "erase") => {
    const problem = validate?.() ?? null;

    if (problem) {
      setOutcome({ kind: "error", message: problem });

      return;
    }
    setOutcome(null);
    setDialog(which);
  };

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Box display="flex" gap={2} flexWrap="wrap">
        {mayExport && (
          <Button type="button" size={size} variant="secondary" onClick={() => open("export")}>
            {t("privacy.export")}
          </Button>
        )}
        {mayErase && (
          <Button type="button" size={size} variant="error" onClick={() => open("erase")}>
            {t("privacy.erase")}
          </Button>
        )}
      </Box>
      {outcome?.kind === "error" && (
        <Text role="alert" color="critical1">
          {outcome.message}
        </Text>
      )}
      {outcome?.kind === "exported" && (
        <Text role="status" color="success1">
          {t("privacy.exported", { filename: outcome.filename })}
        </Text>
      )}
      {outcome?.kind === "erased" && (
        <Text role="status" data-testid="erasure-result">
          {outcome.erasure.nothingToErase
            ? t("privacy.nothingToErase")
            : t("privacy.erasedCounts", {
                tickets: outcome.erasure.ticketCount,
                attachments: outcome.erasure.attachmentCount,
                emails: outcome.erasure.emailCount,
                deliveries: outcome.erasure.webhookDeliveryCount,
              })}
        </Text>
      )}
      {dialog === "export" && (
        <ExportDialog
          subject={subject}
          who={who}
          onClose={() => setDialog(null)}
          onDone={(filename) => {
            setDialog(null);
            setOutcome({ kind: "exported", filename });
          }}
        />
      )}
      {dialog === "erase" && (
        <EraseDialog
          subject={subject}
          who={who}
          onClose={() => setDialog(null)}
          onDone={(erasure) => {
            setDialog(null);
            setOutcome({ kind: "erased", erasure });
            host.notify({ status: "success", title: t("privacy.erased") });
          }}
        />
      )}
    </Box>
  );
}

/** An API refusal as the user should read it: a missing permission says so plainly. */
function useRefusalText() {
  const { t } = useI18n();

  return (code: string | null | undefined, message: string) =>
    code === "PERMISSION_DENIED" || code === "permission_denied"
      ? t("privacy.permissionDenied", { message })
      : message;
}

function ExportDialog({
  subject,
  who,
  onClose,
  onDone,
}: {
  subject: DataSubject;
  who: string;
  onClose: () => void;
  onDone: (filename: string) => void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const refusal = useRefusalText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const download = await client.download(
        EXPORT_PATH,
        "customer" in subject ? { customer: subject.customer } : { email: subject.email },
      );
      const filename = download.filename ?? "helpdesk-export.zip";

      saveDownload(download, filename);
      onDone(filename);
    } catch (err) {
      setError(
        t("privacy.exportFailed", {
          message:
            err instanceof ApiError
              ? refusal(err.code?.toUpperCase(), err.message)
              : errorMessage(err),
        }),
      );
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={t("privacy.exportConfirmTitle")}>
      <Text>{t("privacy.exportConfirmText", { who })}</Text>
      {error && (
        <Text role="alert" color="critical1">
          {error}
        </Text>
      )}
      <Box display="flex" gap={2} justifyContent="flex-end">
        <Button variant="secondary" onClick={onClose}>
          {t("dialog.cancel")}
        </Button>
        <Button variant="primary" onClick={run} disabled={busy}>
          {busy ? t("privacy.exporting") : t("privacy.exportConfirm")}
        </Button>
      </Box>
    </Dialog>
  );
}

function EraseDialog({
  subject,
  who,
  onClose,
  onDone,
}: {
  subject: DataSubject;
  who: string;
  onClose: () => void;
  onDone: (erasure: Erasure) => void;
}) {
  const { t } = useI18n();
  const refusal = useRefusalText();
  const [erase, { busy }] = useMutation(CustomerDataEraseDocument);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!confirmed) return;
    setError(null);
    const result = await erase(
      "customer" in subject ? { customer: subject.customer } : { email: subject.email },
    );

    if (result.status === "done" && result.payload.erasure) {
      onDone(result.payload.erasure);

      return;
    }
    const message =
      result.status === "failed"
        ? result.problem
        : result.errors.length
        ? result.errors.map((e) => refusal(e.code, problemLine([e]))).join("; ")
        : "—";

    setError(t("privacy.eraseFailed", { message }));
  };

  return (
    <Dialog open onClose={onClose} title={t("privacy.eraseTitle")}>
      <Text fontWeight="bold">{t("privacy.eraseOf", { who })}</Text>
      <Text>{t("privacy.eraseWhat")}</Text>
      <Box as="ul" margin={0} paddingLeft={6} display="flex" flexDirection="column" gap={1}>
        <li>
          <Text>{t("privacy.eraseItemNames")}</Text>
        </li>
        <li>
          <Text>{t("privacy.eraseItemMessages")}</Text>
        </li>
        <li>
          <Text>{t("privacy.eraseItemFiles")}</Text>
        </li>
        <li>
          <Text>{t("privacy.eraseItemEmails")}</Text>
        </li>
      </Box>
      <Text>{t("privacy.eraseKeeps")}</Text>
      <Text fontWeight="bold" color="critical1">
        {t("privacy.eraseIrreversible")}
      </Text>
      <CheckField
        label={t("privacy.eraseConfirmCheck")}
        checked={confirmed}
        onChange={setConfirmed}
      />
      {error && (
        <Text role="alert" color="critical1">
          {error}
        </Text>
      )}
      <Box display="flex" gap={2} justifyContent="flex-end">
        <Button variant="secondary" onClick={onClose}>
          {t("dialog.cancel")}
        </Button>
        <Button variant="error" onClick={run} disabled={!confirmed || busy}>
          {busy ? t("privacy.erasing") : t("privacy.eraseConfirm")}
        </Button>
      </Box>
    </Dialog>
  );
}
