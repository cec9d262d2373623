import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useState, type FormEvent } from "react";
import { errorMessage } from "../api/client";
import { useClient, useQuery } from "../api/context";
import {
  SettingsAgentAddDocument,
  SettingsAgentRemoveDocument,
  SettingsAgentUpdateDocument,
  SettingsChannelDocument,
  SettingsChannelUpdateDocument,
  SettingsPreviewTicketsDocument,
  SettingsRefundReasonSetDocument,
  SettingsRefundReasonsDocument,
  SettingsResponseTemplateCreateDocument,
  SettingsResponseTemplateDeleteDocument,
  SettingsResponseTemplatePreviewDocument,
  SettingsResponseTemplatesDocument,
  SettingsResponseTemplateUpdateDocument,
  SettingsTeamDocument,
  type ComplaintReasonEnum,
  type SettingsChannelQuery,
  type SettingsResponseTemplatesQuery,
  type SettingsTeamQuery,
  type TicketKindEnum,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { type Route } from "../router";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { Html } from "../ui/html";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { CheckField, EntityEditor, parseOptionalInt, problemOf, QueryView, splitList, TextAreaField, yesNo } from "./common";
import { ChannelPicker } from "./ChannelPicker";
import { StaffUserPicker, type StaffCandidate } from "./StaffUserPicker";
import { KINDS } from "./Workflow";

type Agent = NonNullable<SettingsTeamQuery["supportAgents"]>[number];
/** `user`: the staff user a new member is (picked by search); null when editing. */
type AgentForm = { user: StaffCandidate | null; signature: string; isActive: boolean; contacts: string[] };

export function TeamSettings() {
  const { t, formatDate } = useI18n();
  const client = useClient();
  const query = useQuery(SettingsTeamDocument, {});
  return (
    <QueryView query={query}>
      {(data) => {
        const contacts = data.ticketContacts ?? [];
        return (
          <EntityEditor<Agent, AgentForm>
            title={t("settings.team")}
            intro={t("settings.teamIntro")}
            addLabel={t("settings.addAgent")}
            emptyText={t("settings.noAgents")}
            items={data.supportAgents ?? []}
            itemName={(a) => personName(a.user)}
            columns={[
              { header: t("settings.name"), cell: (a) => personName(a.user) },
              { header: t("settings.email"), cell: (a) => a.user.email },
              { header: t("settings.contacts"), cell: (a) => a.contacts.map((c) => c.name).join(", ") || "—" },
              { header: t("settings.isActive"), cell: (a) => yesNo(t, a.isActive) },
              { header: t("settings.since"), cell: (a) => formatDate(a.createdAt, false) },
            ]}
            blank={() => ({ user: null, signature: "", isActive: true, contacts: [] })}
            fromItem={(a) => ({ user: null, signature: a.signature, isActive: a.isActive, contacts: a.contacts.map((c) => c.id) })}
            renderForm={(form, set, item) => (
              <>
                {!item && <StaffUserPicker value={form.user} onChange={(user) => set({ user })} />}
                <TextAreaField label={t("settings.signature")} value={form.signature} rows={3} onChange={(v) => set({ signature: v })} />
                <CheckField label={t("settings.isActive")} checked={form.isActive} onChange={(v) => set({ isActive: v })} />
                <Box as="fieldset" display="flex" flexDirection="column" gap={1} borderWidth={0} padding={0} margin={0}>
                  <legend>
                    <Text size={2} color="default2">
                    {t("settings.agentContacts")}
                  </Text>
                  </legend>
                  {contacts.length === 0 && <Text size={2}>{t("settings.noContacts")}</Text>}
                  {contacts.map((c) => (
                    <CheckField
                      key={c.id}
                      label={c.name}
                      checked={form.contacts.includes(c.id)}
                      onChange={(checked) => set({ contacts: checked ? [...form.contacts, c.id] : form.contacts.filter((id) => id !== c.id) })}
                    />
                  ))}
                </Box>
              </>
            )}
            save={async (form, item) => {
              const input = { signature: form.signature, isActive: form.isActive, contacts: form.contacts };
              if (item) return problemOf((await client.request(SettingsAgentUpdateDocument, { id: item.id, input })).supportAgentUpdate);
              if (!form.user) return t("settings.staffRequired");
              return problemOf((await client.request(SettingsAgentAddDocument, { user: form.user.id, input })).supportAgentAdd);
            }}
            remove={async (a) => problemOf((await client.request(SettingsAgentRemoveDocument, { id: a.id })).supportAgentRemove)}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}

type Template = NonNullable<SettingsResponseTemplatesQuery["responseTemplates"]>[number];
type TemplateForm = { name: string; languageCode: string; subject: string; body: string; kind: string; isActive: boolean };

export function ResponseTemplatesSettings() {
  const { t, label, lang } = useI18n();
  const client = useClient();
  const query = useQuery(SettingsResponseTemplatesDocument, {});
  return (
    <QueryView query={query}>
      {(data) => {
        const placeholders = data.responseTemplatePlaceholders ?? [];
        return (
          <EntityEditor<Template, TemplateForm>
            title={t("settings.templates")}
            intro={t("settings.templatesIntro")}
            addLabel={t("settings.addTemplate")}
            emptyText={t("settings.noTemplates")}
            items={data.responseTemplates ?? []}
            itemName={(r) => r.name}
            columns={[
              { header: t("settings.name"), cell: (r) => r.name },
              { header: t("settings.languageCode"), cell: (r) => r.languageCode },
              { header: t("inbox.filter.kind"), cell: (r) => (r.kind ? label("kind", r.kind) : t("settings.anyKind")) },
              { header: t("settings.subject"), cell: (r) => r.subject || "—" },
              { header: t("settings.isActive"), cell: (r) => yesNo(t, r.isActive) },
            ]}
            blank={() => ({ name: "", languageCode: lang, subject: "", body: "", kind: "", isActive: true })}
            fromItem={(r) => ({ name: r.name, languageCode: r.languageCode, subject: r.subject, body: r.body, kind: r.kind ?? "", isActive: r.isActive })}
            renderForm={(form, set, item) => (
              <>
                <Input label={t("settings.name")} required value={form.name} onChange={(e) => set({ name: e.target.value })} />
                <Input label={t("settings.languageCode")} required value={form.languageCode} onChange={(e) => set({ languageCode: e.target.value })} />
                <SelectField label={t("inbox.filter.kind")} value={form.kind} placeholder={t("settings.anyKind")} options={KINDS.map((k) => ({ value: k, label: label("kind", k) }))} onChange={(v) => set({ kind: v })} />
                <Input label={t("settings.subject")} value={form.subject} onChange={(e) => set({ subject: e.target.value })} />
                <TextAreaField label={t("settings.body")} hint={t("settings.bodyHint")} rows={8} value={form.body} onChange={(v) => set({ body: v })} />
                <Placeholders items={placeholders} onInsert={(name) => set({ body: `${form.body}{{ ${name} }}` })} />
                <CheckField label={t("settings.isActive")} checked={form.isActive} onChange={(v) => set({ isActive: v })} />
                {item ? <TemplatePreview templateId={item.id} /> : <Text size={2} color="default2">{t("settings.previewAfterSave")}</Text>}
              </>
            )}
            save={async (form, item) => {
              const input = {
                name: form.name.trim(),
                languageCode: form.languageCode.trim(),
                subject: form.subject,
                body: form.body,
                kind: (form.kind || null) as TicketKindEnum | null,
                isActive: form.isActive,
              };
              if (item) return problemOf((await client.request(SettingsResponseTemplateUpdateDocument, { id: item.id, input })).responseTemplateUpdate);
              return problemOf((await client.request(SettingsResponseTemplateCreateDocument, { input })).responseTemplateCreate);
            }}
            remove={async (r) => problemOf((await client.request(SettingsResponseTemplateDeleteDocument, { id: r.id })).responseTemplateDelete)}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}

/** The placeholders a text may use, each insertable with a button. */
export function Placeholders({ items, onInsert }: { items: ReadonlyArray<{ name: string; description: string }>; onInsert: (name: string) => void }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Box as="details">
      <Box as="summary" cursor="pointer">
        <Text size={2}>{t("settings.placeholders", { count: items.length })}</Text>
      </Box>
      <Box as="ul" display="flex" flexDirection="column" gap={1} paddingLeft={0} style={{ listStyle: "none" }}>
        {items.map((p) => (
          <Box as="li" key={p.name} display="flex" gap={2} alignItems="center">
            <Button type="button" size="small" variant="tertiary" onClick={() => onInsert(p.name)} aria-label={t("settings.insertPlaceholder", { name: p.name })}>
              <code>{`{{ ${p.name} }}`}</code>
            </Button>
            <Text size={2} color="default2">
              {p.description}
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** A ticket to fill previews with: one of the recent tickets. */
export function PreviewTicketPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const tickets = useQuery(SettingsPreviewTicketsDocument, {});
  const options = (tickets.data?.tickets?.edges ?? []).flatMap((e) => (e?.node ? [{ value: e.node.id, label: `#${e.node.number} ${e.node.subject}` }] : []));
  useEffect(() => {
    if (!value && options[0]) onChange(options[0].value);
  }, [value, options[0]?.value]); // eslint-disable-line react-hooks/exhaustive-deps
  if (tickets.error) return <Text color="critical1">{t("state.error", { message: tickets.error })}</Text>;
  if (tickets.data && options.length === 0) return <Text size={2} color="default2">{t("settings.previewNoTickets")}</Text>;
  return <SelectField label={t("settings.previewTicket")} value={value} options={options} onChange={onChange} disabled={!tickets.data} />;
}

function TemplatePreview({ templateId }: { templateId: string }) {
  const { t } = useI18n();
  const client = useClient();
  const [ticket, setTicket] = useState("");
  const [state, setState] = useState<{ status: "idle" | "loading" } | { status: "error"; message: string } | { status: "done"; subject: string; body: string }>({ status: "idle" });
  const run = async () => {
    setState({ status: "loading" });
    try {
      const result = await client.request(SettingsResponseTemplatePreviewDocument, { id: templateId, ticket });
      const preview = result.responseTemplatePreview;
      if (!preview) setState({ status: "error", message: t("settings.previewUnavailable") });
      else setState({ status: "done", subject: preview.subject, body: preview.body });
    } catch (error) {
      setState({ status: "error", message: errorMessage(error) });
    }
  };
  return (
    <Box as="section" aria-label={t("settings.preview")} display="flex" flexDirection="column" gap={2} padding={3} borderRadius={3} borderStyle="solid" borderWidth={1} borderColor="default1">
      <Text size={2} color="default2">
        {t("settings.previewSavedHint")}
      </Text>
      <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
        <PreviewTicketPicker value={ticket} onChange={setTicket} />
        <Button type="button" variant="secondary" disabled={!ticket || state.status === "loading"} onClick={() => void run()}>
          {t("settings.showPreview")}
        </Button>
      </Box>
      <Box aria-live="polite">
        {state.status === "loading" && <Text size={2}>{t("state.loading")}</Text>}
        {state.status === "error" && (
          <Text role="alert" color="critical1">
            {t("state.error", { message: state.message })}
          </Text>
        )}
        {state.status === "done" && (
          <Box data-testid="template-preview" display="flex" flexDirection="column" gap={1}>
            <Text fontWeight="bold">{state.subject}</Text>
            <Html html={state.body} />
          </Box>
        )}
      </Box>
    </Box>
  );
}

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
      <ChannelPicker path="/settings/channels" channel={channel} title={t("settings.channels")} intro={t("settings.channelsIntro")} />
      <QueryView query={query}>
        {(data) =>
          data.helpdeskChannelSettings ? (
            <PolicyEditor key={`${channel}-${JSON.stringify(data.helpdeskChannelSettings)}`} channel={channel} settings={data.helpdeskChannelSettings} agents={data.supportAgents ?? []} onSaved={() => void query.refetch()} />
          ) : (
            <EmptyState title={t("settings.channelUnknown", { channel: channel ?? "" })} />
          )
        }
      </QueryView>
    </Box>
  );
}

function PolicyEditor({ channel, settings, agents, onSaved }: { channel: string | null; settings: ChannelSettings; agents: NonNullable<SettingsChannelQuery["supportAgents"]>; onSaved: () => void }) {
  const { t } = useI18n();
  const client = useClient();
  const host = useHost();
  const [form, setForm] = useState(() => policyForm(settings));
  const [saveState, runSave] = useSaver();
  const set = (patch: Partial<PolicyForm>) => setForm((f) => ({ ...f, ...patch }));
  const agentOptions = agents.map((a) => ({ value: a.user.id, label: personName(a.user) }));
  if (settings.defaultResponsible && !agentOptions.some((o) => o.value === settings.defaultResponsible!.id)) {
    agentOptions.push({ value: settings.defaultResponsible.id, label: personName(settings.defaultResponsible) });
  }
  const title = channel ? t("settings.channelPolicies", { channel: settings.channel?.name ?? channel }) : t("settings.shopDefaults");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(async () => {
      const mib = Number(form.maxAttachmentSize.replace(",", "."));
      const perComment = parseOptionalInt(form.maxAttachmentsPerComment);
      const perTicket = parseOptionalInt(form.maxAttachmentsPerTicket);
      const reopenDays = parseOptionalInt(form.reopenWindowDays);
      if (!Number.isFinite(mib) || mib <= 0) return t("settings.invalidNumber", { field: t("settings.maxAttachmentSize") });
      if (perComment === null || Number.isNaN(perComment)) return t("settings.invalidNumber", { field: t("settings.maxAttachmentsPerComment") });
      if (perTicket === null || Number.isNaN(perTicket)) return t("settings.invalidNumber", { field: t("settings.maxAttachmentsPerTicket") });
      if (Number.isNaN(reopenDays)) return t("settings.invalidNumber", { field: t("settings.reopenWindowDays") });
      const result = await client.request(SettingsChannelUpdateDocument, {
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
      return problemOf(result.helpdeskChannelSettingsUpdate);
    });
    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      onSaved();
    }
  };

  return (
    <Section title={title}>
      {channel && settings.inheritsShopDefaults && <Text color="default2">{t("settings.inheritsDefaults")}</Text>}
      <Box as="form" onSubmit={submit} aria-label={title} display="flex" flexDirection="column" gap={3}>
        <Box as="fieldset" display="flex" flexDirection="column" gap={2} borderWidth={0} padding={0} margin={0}>
          <legend>
            <Text fontWeight="bold">
            {t("settings.attachments")}
          </Text>
          </legend>
          <CheckField label={t("settings.attachmentsAllowed")} checked={form.attachmentsAllowed} onChange={(v) => set({ attachmentsAllowed: v })} />
          <Input label={t("settings.maxAttachmentSize")} inputMode="decimal" value={form.maxAttachmentSize} onChange={(e) => set({ maxAttachmentSize: e.target.value })} />
          <Input label={t("settings.maxAttachmentsPerComment")} type="number" value={form.maxAttachmentsPerComment} onChange={(e) => set({ maxAttachmentsPerComment: e.target.value })} />
          <Input label={t("settings.maxAttachmentsPerTicket")} type="number" value={form.maxAttachmentsPerTicket} onChange={(e) => set({ maxAttachmentsPerTicket: e.target.value })} />
          <Input label={t("settings.allowedContentTypes")} helperText={t("settings.allowedContentTypesHint")} value={form.allowedContentTypes} onChange={(e) => set({ allowedContentTypes: e.target.value })} />
        </Box>
        <Box as="fieldset" display="flex" flexDirection="column" gap={2} borderWidth={0} padding={0} margin={0}>
          <legend>
            <Text fontWeight="bold">
            {t("settings.customers")}
          </Text>
          </legend>
          <CheckField label={t("settings.guestTicketsAllowed")} checked={form.guestTicketsAllowed} onChange={(v) => set({ guestTicketsAllowed: v })} />
          <CheckField label={t("settings.customerMayClose")} checked={form.customerMayClose} onChange={(v) => set({ customerMayClose: v })} />
          <CheckField label={t("settings.customerMayReopen")} checked={form.customerMayReopen} onChange={(v) => set({ customerMayReopen: v })} />
          <Input label={t("settings.reopenWindowDays")} helperText={t("settings.reopenWindowDaysHint")} type="number" value={form.reopenWindowDays} onChange={(e) => set({ reopenWindowDays: e.target.value })} />
          <CheckField label={t("settings.autoCloseOnFullRefund")} checked={form.autoCloseOnFullRefund} onChange={(v) => set({ autoCloseOnFullRefund: v })} />
        </Box>
        <Box as="fieldset" display="flex" flexDirection="column" gap={2} borderWidth={0} padding={0} margin={0}>
          <legend>
            <Text fontWeight="bold">
            {t("settings.emailSender")}
          </Text>
          </legend>
          <Input label={t("settings.senderEmail")} type="email" value={form.senderEmail} onChange={(e) => set({ senderEmail: e.target.value })} />
          <Input label={t("settings.senderName")} value={form.senderName} onChange={(e) => set({ senderName: e.target.value })} />
          <TextAreaField label={t("settings.signature")} rows={3} value={form.signature} onChange={(v) => set({ signature: v })} />
          <SelectField label={t("settings.defaultResponsible")} value={form.defaultResponsible} placeholder={t("panel.nobody")} options={agentOptions} onChange={(v) => set({ defaultResponsible: v })} />
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

export const COMPLAINT_REASONS: ComplaintReasonEnum[] = ["DEFECTIVE", "DAMAGED_IN_TRANSIT", "WRONG_ITEM", "MISSING_ITEM", "NOT_AS_DESCRIBED", "NOT_DELIVERED", "OTHER"];

/** Which shop refund reason each complaint reason preselects in the refund dialog. */
export function RefundReasonsSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsRefundReasonsDocument, {});
  return (
    <Section title={t("settings.refundReasons")}>
      <Text color="default2">{t("settings.refundReasonsIntro")}</Text>
      <QueryView query={query}>
        {(data) => (
          <Box display="flex" flexDirection="column" gap={3}>
            {data.refundReasons === null || data.refundReasons === undefined ? (
              <Text role="note" color="default2">
                {t("settings.noRefundReasons")}
              </Text>
            ) : null}
            {COMPLAINT_REASONS.map((reason) => (
              <RefundReasonRow
                key={reason}
                reason={reason}
                reasons={data.refundReasons ?? []}
                current={data.refundReasonMappings?.find((m) => m.complaintReason === reason)?.reasonId ?? ""}
                onSaved={() => void query.refetch()}
              />
            ))}
          </Box>
        )}
      </QueryView>
    </Section>
  );
}

function RefundReasonRow({ reason, reasons, current, onSaved }: { reason: ComplaintReasonEnum; reasons: ReadonlyArray<{ id: string; title: string }>; current: string; onSaved: () => void }) {
  const { t, label } = useI18n();
  const client = useClient();
  const [value, setValue] = useState(current);
  const [saveState, runSave] = useSaver();
  useEffect(() => setValue(current), [current]);
  const options = reasons.map((r) => ({ value: r.id, label: r.title }));
  // A mapping to a page that is no longer a refund reason stays visible (and can be cleared).
  if (current && !reasons.some((r) => r.id === current)) options.push({ value: current, label: t("settings.refundReasonUnknown", { id: current }) });
  return (
    <Box
      as="form"
      aria-label={label("reason", reason)}
      display="flex"
      gap={2}
      alignItems="flex-end"
      flexWrap="wrap"
      onSubmit={async (event: FormEvent) => {
        event.preventDefault();
        const ok = await runSave(async () => problemOf((await client.request(SettingsRefundReasonSetDocument, { input: { complaintReason: reason, reasonId: value || null } })).refundReasonMappingSet));
        if (ok) onSaved();
      }}
    >
      <Box __minWidth="320px">
        <SelectField label={t("settings.refundReasonFor", { reason: label("reason", reason) })} value={value} placeholder={t("settings.refundReasonNone")} options={options} onChange={setValue} />
      </Box>
      <Button type="submit" size="small" variant="secondary">
        {t("settings.save")}
      </Button>
      <SaveStatus state={saveState} />
    </Box>
  );
}
