import { Box, Button, Checkbox, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { errorMessage, mutationErrors, type HelpdeskClient } from "../api/client";
import { useClient } from "../api/context";
import { CustomerDataEraseDocument } from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { Dialog } from "../ui/Dialog";

/** Who the actions are about: a Saleor customer (User ID) or an e-mail address. */
export type PrivacySubject = { customer: string } | { email: string };

/** `…/saleor.helpdesk/privacy/export/?customer=…`, next to the GraphQL endpoint. */
export function exportUrl(client: HelpdeskClient, subject: PrivacySubject): string {
  const base = client.endpoint ?? "graphql/";
  const url = new URL("../privacy/export/", new URL(base, window.location.href));
  if ("customer" in subject) url.searchParams.set("customer", subject.customer);
  else url.searchParams.set("email", subject.email);
  return url.toString();
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}

type Props = {
  subject: PrivacySubject | null;
  onErased?: () => void;
  /** How a download is saved; tests pass their own. */
  save?: (blob: Blob, filename: string) => void;
};

/** Export and erase, each behind a confirmation dialog. */
export function PrivacyActions({ subject, onErased, save = saveBlob }: Props) {
  const { t } = useI18n();
  const client = useClient();
  const host = useHost();
  const [open, setOpen] = useState<"export" | "erase" | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const close = () => {
    setOpen(null);
    setUnderstood(false);
    setError(null);
  };

  const runExport = async () => {
    if (!subject) return;
    setBusy(true);
    setError(null);
    try {
      const blob = await client.fetchFile(exportUrl(client, subject));
      save(blob, "helpdesk-export.zip");
      host.notify({ status: "success", title: t("privacy.exported") });
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const runErase = async () => {
    if (!subject) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await client.request(CustomerDataEraseDocument, subject);
      const problem = mutationErrors(answer.customerDataErase?.errors);
      const erasure = answer.customerDataErase?.erasure;
      if (problem || !erasure) {
        setError(problem ?? "—");
        return;
      }
      const text = erasure.nothingToErase
        ? t("privacy.nothingToErase")
        : t("privacy.erased", {
            tickets: String(erasure.ticketCount),
            files: String(erasure.attachmentCount),
            emails: String(erasure.emailCount),
            deliveries: String(erasure.webhookDeliveryCount),
          });
      setResult(text);
      host.notify({ status: "success", title: text });
      close();
      onErased?.();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Box display="flex" gap={2} flexWrap="wrap">
        <Button size="small" variant="secondary" disabled={!subject} onClick={() => setOpen("export")}>
          {t("privacy.export")}
        </Button>
        <Button size="small" variant="error" disabled={!subject} onClick={() => setOpen("erase")}>
          {t("privacy.erase")}
        </Button>
      </Box>
      {result && (
        <Text size={2} role="status">
          {result}
        </Text>
      )}
      <Dialog open={open === "export"} onClose={close} title={t("privacy.exportTitle")}>
        <Text>{t("privacy.exportText")}</Text>
        {error && (
          <Text color="critical1" role="alert">
            {error}
          </Text>
        )}
        <Box display="flex" gap={2} justifyContent="flex-end">
          <Button variant="secondary" onClick={close}>
            {t("privacy.cancel")}
          </Button>
          <Button disabled={busy} onClick={() => void runExport()}>
            {t("privacy.exportConfirm")}
          </Button>
        </Box>
      </Dialog>
      <Dialog open={open === "erase"} onClose={close} title={t("privacy.eraseTitle")}>
        <Text>{t("privacy.eraseText")}</Text>
        <Checkbox checked={understood} onCheckedChange={(value) => setUnderstood(value === true)}>
          <Text>{t("privacy.eraseUnderstood")}</Text>
        </Checkbox>
        {error && (
          <Text color="critical1" role="alert">
            {error}
          </Text>
        )}
        <Box display="flex" gap={2} justifyContent="flex-end">
          <Button variant="secondary" onClick={close}>
            {t("privacy.cancel")}
          </Button>
          <Button variant="error" disabled={busy || !understood} onClick={() => void runErase()}>
            {t("privacy.eraseConfirm")}
          </Button>
        </Box>
      </Dialog>
    </Box>
  );
}

/** The settings section: export or erase by e-mail address (guests included). */
export function PrivacySettings({ save }: { save?: (blob: Blob, filename: string) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const address = email.trim();
  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Text as="h2" size={7} fontWeight="bold">
        {t("privacy.title")}
      </Text>
      <Text>{t("privacy.intro")}</Text>
      <Box __maxWidth="420px">
        <Input label={t("privacy.email")} type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
      </Box>
      <PrivacyActions subject={address.includes("@") ? { email: address } : null} save={save} />
    </Box>
  );
}
