import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState, type FormEvent } from "react";
import { errorMessage, mutationErrors } from "../api/client";
import { useClient, useQuery } from "../api/context";
import { RetentionPreviewDocument, RetentionSettingsDocument, RetentionSettingsUpdateDocument, type HelpdeskRetentionActionEnum } from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";
import { Dialog } from "../ui/Dialog";

/** "" → null (kept); a whole number → that; anything else → NaN. */
function months(value: string): number | null {
  const text = value.trim();
  if (!text) return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

type Counts = { ticketsToAnonymize: number; ticketsToDelete: number; attachmentsToRemove: number };

/** The retention policy of a channel (or the shop's defaults). Saving shows first what a
 * run would do with the new values (a dry run) and asks for confirmation. */
export function RetentionEditor({ channel }: { channel: string | null }) {
  const query = useQuery(RetentionSettingsDocument, { channel });
  const settings = query.data?.helpdeskChannelSettings;
  if (!settings) return null;
  return <RetentionForm key={`${channel}-${JSON.stringify(settings)}`} channel={channel} settings={settings} onSaved={() => void query.refetch()} />;
}

function RetentionForm({
  channel,
  settings,
  onSaved,
}: {
  channel: string | null;
  settings: { ticketRetentionMonths?: number | null; ticketRetentionAction?: HelpdeskRetentionActionEnum; attachmentRetentionMonths?: number | null };
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const host = useHost();
  const [ticketMonths, setTicketMonths] = useState(settings.ticketRetentionMonths == null ? "" : String(settings.ticketRetentionMonths));
  const [action, setAction] = useState<HelpdeskRetentionActionEnum>(settings.ticketRetentionAction ?? "ANONYMIZE");
  const [fileMonths, setFileMonths] = useState(settings.attachmentRetentionMonths == null ? "" : String(settings.attachmentRetentionMonths));
  const [preview, setPreview] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const values = () => ({ channel, months: months(ticketMonths), action, fileMonths: months(fileMonths) });

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = values();
    if (Number.isNaN(wanted.months) || Number.isNaN(wanted.fileMonths)) {
      setError(t("retention.invalid"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await client.request(RetentionPreviewDocument, wanted);
      setPreview(answer.helpdeskRetentionPreview ?? null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const wanted = values();
    setBusy(true);
    setError(null);
    try {
      const answer = await client.request(RetentionSettingsUpdateDocument, {
        channel,
        input: { ticketRetentionMonths: wanted.months, ticketRetentionAction: action, attachmentRetentionMonths: wanted.fileMonths },
      });
      const problem = mutationErrors(answer.helpdeskChannelSettingsUpdate?.errors);
      if (problem) {
        setError(problem);
        return;
      }
      setPreview(null);
      host.notify({ status: "success", title: t("state.saved") });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="form" onSubmit={check} aria-label={t("retention.title")} display="flex" flexDirection="column" gap={2} padding={4} borderRadius={3} borderWidth={1} borderStyle="solid" borderColor="default1">
      <Text as="h3" size={5} fontWeight="bold">
        {t("retention.title")}
      </Text>
      <Text size={2} color="default2">
        {t("retention.intro")}
      </Text>
      <Input label={t("retention.ticketMonths")} helperText={t("retention.keptWhenEmpty")} inputMode="numeric" value={ticketMonths} onChange={(e) => setTicketMonths(e.target.value)} />
      <SelectField
        label={t("retention.action")}
        value={action}
        options={[
          { value: "ANONYMIZE", label: t("retention.anonymize") },
          { value: "DELETE", label: t("retention.delete") },
        ]}
        onChange={(value) => setAction(value as HelpdeskRetentionActionEnum)}
      />
      <Input label={t("retention.fileMonths")} helperText={t("retention.keptWhenEmpty")} inputMode="numeric" value={fileMonths} onChange={(e) => setFileMonths(e.target.value)} />
      {error && (
        <Text color="critical1" role="alert">
          {error}
        </Text>
      )}
      <Box>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("retention.check")}
        </Button>
      </Box>
      <Dialog open={preview !== null} onClose={() => setPreview(null)} title={t("retention.confirmTitle")}>
        {preview && (
          <Text data-testid="retention-preview">
            {t("retention.wouldDo", {
              anonymize: String(preview.ticketsToAnonymize),
              delete: String(preview.ticketsToDelete),
              files: String(preview.attachmentsToRemove),
            })}
          </Text>
        )}
        <Box display="flex" gap={2} justifyContent="flex-end">
          <Button variant="secondary" onClick={() => setPreview(null)}>
            {t("privacy.cancel")}
          </Button>
          <Button disabled={busy} onClick={() => void save()}>
            {t("retention.save")}
          </Button>
        </Box>
      </Dialog>
    </Box>
  );
}
