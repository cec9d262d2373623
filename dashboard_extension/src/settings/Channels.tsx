import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsChannelDocument,
  type SettingsChannelQuery,
  SettingsChannelUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { type Route } from "../router";
import { SatisfactionSettings } from "../satisfaction/SatisfactionSettings";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { ChannelPicker } from "./ChannelPicker";
import { CheckField, parseOptionalInt, QueryView, splitList, TextAreaField } from "./common";

type ChannelSettings = NonNullable<SettingsChannelQuery["helpdeskChannelSettings"]>;
type PolicyForm = {
  attachmentsAllowed: boolean;
  maxAttachmentSize: string;
  maxAttachmentsPerComment: string;
  maxAttachmentsPerTicket: string;
  allowedContentTypes: string;
  guestTicketsAllowed: boolean;
  customerMayClose: boolean;
  customerMayReopen: boolean;
  reopenWindowDays: string;
  autoCloseOnFullRefund: boolean;
  senderEmail: string;
  senderName: string;
  signature: string;
  defaultResponsible: string;
};

export function policyForm(s: ChannelSettings): PolicyForm {
  return {
    attachmentsAllowed: s.attachmentsAllowed,
    maxAttachmentSize: String(Math.round((s.maxAttachmentSize / (1024 * 1024)) * 100) / 100),
    maxAttachmentsPerComment: String(s.maxAttachmentsPerComment),
    maxAttachmentsPerTicket: String(s.maxAttachmentsPerTicket),
    allowedContentTypes: s.allowedContentTypes.join(", "),
    guestTicketsAllowed: s.guestTicketsAllowed,
    customerMayClose: s.customerMayClose,
    customerMayReopen: s.customerMayReopen,
    reopenWindowDays: s.reopenWindowDays === null ? "" : String(s.reopenWindowDays),
    autoCloseOnFullRefund: s.autoCloseOnFullRefund,
    senderEmail: s.senderEmail,
    senderName: s.senderName,
    signature: s.signature,
    defaultResponsible: s.defaultResponsible?.id ?? "",
  };
}

/** Per-channel policies: `?channel=<slug>` picks the channel; without it, the shop's defaults. */
export function ChannelSettingsScreen({ route }: { route: Route }) {
  const { t } = useI18n();
  const channel = route.query.get("channel") || null;
  const query = useQuery(SettingsChannelDocument, { channel });

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <ChannelPicker
        path="/settings/channels"
        channel={channel}
        title={t("settings.channels")}
        intro={t("settings.channelsIntro")}
      />
      <QueryView query={query}>
        {(data) =>
          data.helpdeskChannelSettings ? (
            <PolicyEditor
              key={`${channel}-${JSON.stringify(data.helpdeskChannelSettings)}`}
              channel={channel}
              settings={data.helpdeskChannelSettings}
              agents={data.supportAgents ?? []}
              onSaved={() => void query.refetch()}
            />
          ) : (
            <EmptyState title={t("settings.channelUnknown", { channel: channel ?? "" })} />
          )
        }
      </QueryView>
      <SatisfactionSettings channel={channel} />
    </Box>
  );
}

function PolicyEditor({
  channel,
  settings,
  agents,
  onSaved,
}: {
  channel: string | null;
  settings: ChannelSettings;
  agents: NonNullable<SettingsChannelQuery["supportAgents"]>;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [updateSettings] = useMutation(SettingsChannelUpdateDocument);
  const [form, setForm] = useState(() => policyForm(settings));
  const [saveState, runSave] = useSaver();
  const set = (patch: Partial<PolicyForm>) => setForm((f) => ({ ...f, ...patch }));
  const agentOptions = agents.map((a) => ({ value: a.user.id, label: personName(a.user) }));

  if (
    settings.defaultResponsible &&
    !agentOptions.some((o) => o.value === settings.defaultResponsible!.id)
  ) {
    agentOptions.push({
      value: settings.defaultResponsible.id,
      label: personName(settings.defaultResponsible),
    });
  }
  const title = channel
    ? t("settings.channelPolicies", { channel: settings.channel?.name ?? channel })
    : t("settings.shopDefaults");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(async () => {
      const mib = Number(form.maxAttachmentSize.replace(",", "."));
      const perComment = parseOptionalInt(form.maxAttachmentsPerComment);
      const perTicket = parseOptionalInt(form.maxAttachmentsPerTicket);
      const reopenDays = parseOptionalInt(form.reopenWindowDays);

      if (!Number.isFinite(mib) || mib <= 0)
        return t("settings.invalidNumber", { field: t("settings.maxAttachmentSize") });
      if (perComment === null || Number.isNaN(perComment))
        return t("settings.invalidNumber", { field: t("settings.maxAttachmentsPerComment") });
      if (perTicket === null || Number.isNaN(perTicket))
        return t("settings.invalidNumber", { field: t("settings.maxAttachmentsPerTicket") });
      if (Number.isNaN(reopenDays))
        return t("settings.invalidNumber", { field: t("settings.reopenWindowDays") });
      const result = await updateSettings({
        channel,
        input: {
          attachmentsAllowed: form.attachmentsAllowed,
          maxAttachmentSize: Math.round(mib * 1024 * 1024),
          maxAttachmentsPerComment: perComment,
          maxAttachmentsPerTicket: perTicket,
          allowedContentTypes: splitList(form.allowedContentTypes),
          guestTicketsAllowed: form.guestTicketsAllowed,
          customerMayClose: form.customerMayClose,
          customerMayReopen: form.customerMayReopen,
          reopenWindowDays: reopenDays,
          autoCloseOnFullRefund: form.autoCloseOnFullRefund,
          senderEmail: form.senderEmail.trim(),
          senderName: form.senderName.trim(),
          signature: form.signature,
          defaultResponsible: form.defaultResponsible || null,
        },
      });

      return result.problem;
    });

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      onSaved();
    }
  };

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
        <Box
          as="fieldset"
          display="flex"
          flexDirection="column"
          gap={2}
          borderWidth={0}
          padding={0}
          margin={0}
        >
          <legend>
            <Text fontWeight="bold">{t("settings.attachments")}</Text>
          </legend>
          <CheckField
            label={t("settings.attachmentsAllowed")}
            checked={form.attachmentsAllowed}
            onChange={(v) => set({ attachmentsAllowed: v })}
          />
          <Input
            label={t("settings.maxAttachmentSize")}
            inputMode="decimal"
            value={form.maxAttachmentSize}
            onChange={(e) => set({ maxAttachmentSize: e.target.value })}
          />
          <Input
            label={t("settings.maxAttachmentsPerComment")}
            type="number"
            value={form.maxAttachmentsPerComment}
            onChange={(e) => set({ maxAttachmentsPerComment: e.target.value })}
          />
          <Input
            label={t("settings.maxAttachmentsPerTicket")}
            type="number"
            value={form.maxAttachmentsPerTicket}
            onChange={(e) => set({ maxAttachmentsPerTicket: e.target.value })}
          />
          <Input
            label={t("settings.allowedContentTypes")}
            helperText={t("settings.allowedContentTypesHint")}
            value={form.allowedContentTypes}
            onChange={(e) => set({ allowedContentTypes: e.target.value })}
          />
        </Box>
        <Box
          as="fieldset"
          display="flex"
          flexDirection="column"
          gap={2}
          borderWidth={0}
          padding={0}
          margin={0}
        >
          <legend>
            <Text fontWeight="bold">{t("settings.customers")}</Text>
          </legend>
          <CheckField
            label={t("settings.guestTicketsAllowed")}
            checked={form.guestTicketsAllowed}
            onChange={(v) => set({ guestTicketsAllowed: v })}
          />
          <CheckField
            label={t("settings.customerMayClose")}
            checked={form.customerMayClose}
            onChange={(v) => set({ customerMayClose: v })}
          />
          <CheckField
            label={t("settings.customerMayReopen")}
            checked={form.customerMayReopen}
            onChange={(v) => set({ customerMayReopen: v })}
          />
          <Input
            label={t("settings.reopenWindowDays")}
            helperText={t("settings.reopenWindowDaysHint")}
            type="number"
            value={form.reopenWindowDays}
            onChange={(e) => set({ reopenWindowDays: e.target.value })}
          />
          <CheckField
            label={t("settings.autoCloseOnFullRefund")}
            checked={form.autoCloseOnFullRefund}
            onChange={(v) => set({ autoCloseOnFullRefund: v })}
          />
        </Box>
        <Box
          as="fieldset"
          display="flex"
          flexDirection="column"
          gap={2}
          borderWidth={0}
          padding={0}
          margin={0}
        >
          <legend>
            <Text fontWeight="bold">{t("settings.emailSender")}</Text>
          </legend>
          <Input
            label={t("settings.senderEmail")}
            type="email"
            value={form.senderEmail}
            onChange={(e) => set({ senderEmail: e.target.value })}
          />
          <Input
            label={t("settings.senderName")}
            value={form.senderName}
            onChange={(e) => set({ senderName: e.target.value })}
          />
          <TextAreaField
            label={t("settings.signature")}
            rows={3}
            value={form.signature}
            onChange={(v) => set({ signature: v })}
          />
          <SelectField
            label={t("settings.defaultResponsible")}
            value={form.defaultResponsible}
            placeholder={t("panel.nobody")}
            options={agentOptions}
            onChange={(v) => set({ defaultResponsible: v })}
          />
        </Box>
        <Box display="flex" gap={2} alignItems="center">
          <Button type="submit" variant="primary" disabled={saveState.status === "saving"}>
            {t("settings.save")}
          </Button>
          <SaveStatus state={saveState} />
        </Box>
      </Box>
    </Section>
  );
}
