import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useLazyQuery } from "../api/useLazyQuery";
import { useMutation } from "../api/useMutation";
import {
  type HelpdeskRetentionActionEnum,
  PrivacyRetentionDocument,
  PrivacyRetentionPreviewDocument,
  type PrivacyRetentionPreviewQuery,
  type PrivacyRetentionQuery,
  PrivacyRetentionUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { PrivacyActions } from "../privacy/PrivacyActions";
import { type Route } from "../router";
import { Dialog } from "../ui/Dialog";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { ChannelPicker } from "./ChannelPicker";
import { parseOptionalInt, QueryView } from "./common";

type Retention = NonNullable<PrivacyRetentionQuery["helpdeskChannelSettings"]>;
export type RetentionCounts = NonNullable<PrivacyRetentionPreviewQuery["helpdeskRetentionPreview"]>;
type RetentionForm = {
  ticketRetentionMonths: string;
  ticketRetentionAction: HelpdeskRetentionActionEnum;
  attachmentRetentionMonths: string;
};
type RetentionValues = {
  ticketRetentionMonths: number | null;
  ticketRetentionAction: HelpdeskRetentionActionEnum;
  attachmentRetentionMonths: number | null;
};

const ACTIONS: HelpdeskRetentionActionEnum[] = ["ANONYMIZE", "DELETE"];

export function retentionForm(s: Retention): RetentionForm {
  return {
    ticketRetentionMonths: s.ticketRetentionMonths === null ? "" : String(s.ticketRetentionMonths),
    ticketRetentionAction: s.ticketRetentionAction,
    attachmentRetentionMonths:
      s.attachmentRetentionMonths === null ? "" : String(s.attachmentRetentionMonths),
  };
}

/** Whether saving would make the next run erase more than it would with the saved settings. */
export function erasesMore(next: RetentionCounts, saved: RetentionCounts): boolean {
  return (
    next.ticketsToAnonymize > saved.ticketsToAnonymize ||
    next.ticketsToDelete > saved.ticketsToDelete ||
    next.attachmentsToRemove > saved.attachmentsToRemove
  );
}

/**
 * Privacy: the retention policy per channel (`?channel=<slug>`; without it the shop's
 * defaults) with its dry run, and export or erasure by e-mail address for guests.
 */
export function PrivacySettings({ route }: { route: Route }) {
  const { t } = useI18n();
  const channel = route.query.get("channel") || null;
  const query = useQuery(PrivacyRetentionDocument, { channel });

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <ChannelPicker
        path="/settings/privacy"
        channel={channel}
        title={t("privacy.retentionTitle")}
        intro={t("privacy.retentionIntro")}
      />
      <QueryView query={query}>
        {(data) =>
          data.helpdeskChannelSettings ? (
            <RetentionEditor
              key={`${channel}-${JSON.stringify(data.helpdeskChannelSettings)}`}
              channel={channel}
              settings={data.helpdeskChannelSettings}
              onSaved={() => void query.refetch()}
            />
          ) : (
            <EmptyState title={t("settings.channelUnknown", { channel: channel ?? "" })} />
          )
        }
      </QueryView>
      <GuestData />
    </Box>
  );
}

function RetentionEditor({
  channel,
  settings,
  onSaved,
}: {
  channel: string | null;
  settings: Retention;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const host = useHost();
  const [loadCounts] = useLazyQuery(PrivacyRetentionPreviewDocument);
  const [updateRetention] = useMutation(PrivacyRetentionUpdateDocument);
  const [form, setForm] = useState(() => retentionForm(settings));
  const [preview, setPreview] = useState<{ form: RetentionForm; counts: RetentionCounts } | null>(
    null,
  );
  const [previewState, setPreviewState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  const [confirm, setConfirm] = useState<{
    values: RetentionValues;
    counts: RetentionCounts;
  } | null>(null);
  const [saveState, runSave] = useSaver();
  const set = (patch: Partial<RetentionForm>) => setForm((f) => ({ ...f, ...patch }));
  const name = channel ? settings.channel?.name ?? channel : t("settings.shopDefaults");
  const title = t("privacy.retentionFor", { name });

  /** The form as the API takes it, or the message saying which field is wrong. */
  const parse = (): RetentionValues | string => {
    const months = parseOptionalInt(form.ticketRetentionMonths);
    const fileMonths = parseOptionalInt(form.attachmentRetentionMonths);

    if (Number.isNaN(months))
      return t("settings.invalidNumber", { field: t("privacy.ticketRetentionMonths") });
    if (Number.isNaN(fileMonths))
      return t("settings.invalidNumber", { field: t("privacy.attachmentRetentionMonths") });

    return {
      ticketRetentionMonths: months,
      ticketRetentionAction: form.ticketRetentionAction,
      attachmentRetentionMonths: fileMonths,
    };
  };
  /** What the next run would do with these values (null: with the saved settings), or why that is unknown. */
  const countsFor = async (
    values: RetentionValues | null,
  ): Promise<{ counts: RetentionCounts; problem: null } | { counts: null; problem: string }> => {
    const result = await loadCounts(values ? { channel, ...values } : { channel });

    if (result.status === "failed") return { counts: null, problem: result.problem };
    const counts = result.data.helpdeskRetentionPreview;

    return counts ? { counts, problem: null } : { counts: null, problem: "—" };
  };

  const runPreview = async () => {
    const values = parse();

    if (typeof values === "string") {
      setPreviewState({ busy: false, error: values });

      return;
    }
    setPreviewState({ busy: true, error: null });
    const answer = await countsFor(values);

    if (answer.counts === null) {
      setPreviewState({ busy: false, error: answer.problem });

      return;
    }
    setPreview({ form, counts: answer.counts });
    setPreviewState({ busy: false, error: null });
  };

  const save = async (values: RetentionValues) => {
    const ok = await runSave(
      async () => (await updateRetention({ channel, input: values })).problem,
    );

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      onSaved();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = parse();

    if (typeof values === "string") {
      await runSave(async () => values);

      return;
    }
    /*
     * Before saving, the dry run: what the next run would do with these settings against
     * what it would do with the saved ones; more erasure needs a confirmation.
     */
    const [next, saved] = await Promise.all([countsFor(values), countsFor(null)]);

    if (next.counts === null || saved.counts === null) {
      await runSave(async () =>
        t("privacy.previewFailed", { message: next.problem ?? saved.problem }),
      );

      return;
    }
    setPreview({ form, counts: next.counts });
    if (erasesMore(next.counts, saved.counts)) setConfirm({ values, counts: next.counts });
    else await save(values);
  };

  const fresh = preview && JSON.stringify(preview.form) === JSON.stringify(form);

  return (
    <Section title={title}>
      {channel && settings.inheritsShopDefaults && (
        <Text color="default2">{t("settings.inheritsDefaults")}</Text>
      )}
      <Box
        as="form"
        onSubmit={submit}
        aria-label={title}
        display="flex"
        flexDirection="column"
        gap={3}
      >
        <Input
          label={t("privacy.ticketRetentionMonths")}
          helperText={t("privacy.ticketRetentionMonthsHint")}
          type="number"
          min={1}
          max={360}
          value={form.ticketRetentionMonths}
          onChange={(e) => set({ ticketRetentionMonths: e.target.value })}
        />
        <SelectField
          label={t("privacy.ticketRetentionAction")}
          value={form.ticketRetentionAction}
          options={ACTIONS.map((action) => ({
            value: action,
            label: label("privacy.action", action),
          }))}
          onChange={(value) => set({ ticketRetentionAction: value as HelpdeskRetentionActionEnum })}
        />
        <Input
          label={t("privacy.attachmentRetentionMonths")}
          helperText={t("privacy.attachmentRetentionMonthsHint")}
          type="number"
          min={1}
          max={360}
          value={form.attachmentRetentionMonths}
          onChange={(e) => set({ attachmentRetentionMonths: e.target.value })}
        />
        {preview && (
          <Box
            role="status"
            data-testid="retention-preview"
            display="flex"
            flexDirection="column"
            gap={1}
            padding={3}
            borderRadius={3}
            backgroundColor="default2"
          >
            <Text fontWeight="bold">{t("privacy.previewTitle")}</Text>
            <Text>
              {t("privacy.previewCounts", {
                anonymize: preview.counts.ticketsToAnonymize,
                delete: preview.counts.ticketsToDelete,
                attachments: preview.counts.attachmentsToRemove,
              })}
            </Text>
            {!fresh && (
              <Text size={2} color="default2">
                {t("privacy.previewStale")}
              </Text>
            )}
          </Box>
        )}
        {previewState.error && (
          <Text role="alert" color="critical1">
            {t("privacy.previewFailed", { message: previewState.error })}
          </Text>
        )}
        <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
          <Button
            type="button"
            variant="secondary"
            onClick={() => void runPreview()}
            disabled={previewState.busy}
          >
            {previewState.busy ? t("privacy.previewing") : t("privacy.preview")}
          </Button>
          <Button type="submit" variant="primary" disabled={saveState.status === "saving"}>
            {t("settings.save")}
          </Button>
          <SaveStatus state={saveState} />
        </Box>
      </Box>
      {confirm && (
        <Dialog open onClose={() => setConfirm(null)} title={t("privacy.saveConfirmTitle")}>
          <Text>
            {t("privacy.saveConfirmText", {
              anonymize: confirm.counts.ticketsToAnonymize,
              delete: confirm.counts.ticketsToDelete,
              attachments: confirm.counts.attachmentsToRemove,
            })}
          </Text>
          <Box display="flex" gap={2} justifyContent="flex-end">
            <Button variant="secondary" onClick={() => setConfirm(null)}>
              {t("dialog.cancel")}
            </Button>
            <Button
              variant="error"
              onClick={() => {
                const values = confirm.values;

                setConfirm(null);
                void save(values);
              }}
            >
              {t("privacy.saveConfirm")}
            </Button>
          </Box>
        </Dialog>
      )}
    </Section>
  );
}

/** Export or erase by e-mail address: guests have no account to open a widget on. */
function GuestData() {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const address = email.trim();

  return (
    <Section title={t("privacy.guestTitle")}>
      <Text color="default2">{t("privacy.guestIntro")}</Text>
      <Input
        label={t("privacy.guestEmail")}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Text size={2} color="default2">
        {t("privacy.needsPermissions")}
      </Text>
      <PrivacyActions
        key={address}
        subject={{ email: address }}
        who={address || "—"}
        validate={() => (address ? null : t("privacy.guestEmailMissing"))}
      />
    </Section>
  );
}
