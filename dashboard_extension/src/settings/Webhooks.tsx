import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  HelpdeskChannelsDocument,
  type HelpdeskWebhookDeliveryStatusEnum,
  type HelpdeskWebhookSigningEnum,
  SettingsWebhookCreateDocument,
  SettingsWebhookDeleteDocument,
  SettingsWebhookDocument,
  type SettingsWebhookQuery,
  SettingsWebhookRedeliverDocument,
  SettingsWebhooksDocument,
  type SettingsWebhooksQuery,
  SettingsWebhookUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { navigate } from "../router";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { cellStyle, CheckField, DeleteButton, EntityEditor, QueryView, yesNo } from "./common";

type Webhook = NonNullable<SettingsWebhooksQuery["webhookSubscriptions"]>[number];
type Topic = { name: string; description: string };
export type WebhookForm = {
  name: string;
  targetUrl: string;
  events: string[];
  channels: string[];
  isActive: boolean;
  includeInternalComments: boolean;
  signing: HelpdeskWebhookSigningEnum;
};

export const webhookForm = (w: Webhook): WebhookForm => ({
  name: w.name,
  targetUrl: w.targetUrl,
  events: [...w.events],
  channels: [...w.channels],
  isActive: w.isActive,
  includeInternalComments: w.includeInternalComments,
  signing: w.signing,
});

export const webhookInput = (form: WebhookForm) => ({
  name: form.name.trim(),
  targetUrl: form.targetUrl.trim(),
  events: form.events,
  channels: form.channels,
  isActive: form.isActive,
  includeInternalComments: form.includeInternalComments,
  signing: form.signing,
});

function WebhookFields({
  form,
  set,
  topics,
}: {
  form: WebhookForm;
  set: (patch: Partial<WebhookForm>) => void;
  topics: Topic[];
}) {
  const { t } = useI18n();

  return (
    <>
      <Input
        label={t("settings.name")}
        required
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <Input
        label={t("settings.targetUrl")}
        type="url"
        required
        value={form.targetUrl}
        onChange={(e) => set({ targetUrl: e.target.value })}
      />
      <Box
        as="fieldset"
        display="flex"
        flexDirection="column"
        gap={1}
        borderWidth={0}
        padding={0}
        margin={0}
      >
        <legend>
          <Text size={2} color="default2">
            {t("settings.events")}
          </Text>
        </legend>
        {topics.map((topic) => (
          <Box key={topic.name} display="flex" flexDirection="column">
            <CheckField
              label={topic.name}
              checked={form.events.includes(topic.name)}
              onChange={(checked) =>
                set({
                  events: checked
                    ? [...form.events, topic.name]
                    : form.events.filter((e) => e !== topic.name),
                })
              }
            />
            <Text size={1} color="default2" paddingLeft={6}>
              {topic.description}
            </Text>
          </Box>
        ))}
      </Box>
      <WebhookChannels value={form.channels} onChange={(channels) => set({ channels })} />
      <SelectField
        label={t("settings.signing")}
        value={form.signing}
        options={[
          { value: "HMAC", label: t("settings.signing.HMAC") },
          { value: "SALEOR", label: t("settings.signing.SALEOR") },
        ]}
        onChange={(v) => set({ signing: v as HelpdeskWebhookSigningEnum })}
      />
      <CheckField
        label={t("settings.isActive")}
        checked={form.isActive}
        onChange={(v) => set({ isActive: v })}
      />
      <CheckField
        label={t("settings.includeInternalComments")}
        checked={form.includeInternalComments}
        onChange={(v) => set({ includeInternalComments: v })}
      />
    </>
  );
}

/** The channels a subscription is limited to: ticked from the caller's helpdesk channels (slugs). */
function WebhookChannels({
  value,
  onChange,
}: {
  value: string[];
  onChange: (slugs: string[]) => void;
}) {
  const { t } = useI18n();
  const channels = useQuery(HelpdeskChannelsDocument, {});
  const list = channels.data?.helpdeskChannels ?? [];
  // Slugs saved before (or of channels the caller does not work in) stay, ticked, so saving keeps them.
  const unknown = value.filter((slug) => !list.some((c) => c.slug === slug));
  const options = [
    ...list.map((c) => ({ slug: c.slug, label: c.name })),
    ...unknown.map((slug) => ({ slug, label: t("settings.unknownChannel", { channel: slug }) })),
  ];

  return (
    <Box
      as="fieldset"
      display="flex"
      flexDirection="column"
      gap={1}
      borderWidth={0}
      padding={0}
      margin={0}
    >
      <legend>
        <Text size={2} color="default2">
          {t("settings.webhookChannels")}
        </Text>
      </legend>
      <Text size={1} color="default2">
        {t("settings.webhookChannelsHint")}
      </Text>
      {channels.error && (
        <Text color="critical1">{t("state.error", { message: channels.error })}</Text>
      )}
      {channels.data && options.length === 0 && <Text size={2}>{t("settings.noChannels")}</Text>}
      {options.map((option) => (
        <CheckField
          key={option.slug}
          label={option.label}
          checked={value.includes(option.slug)}
          onChange={(checked) =>
            onChange(
              checked ? [...value, option.slug] : value.filter((slug) => slug !== option.slug),
            )
          }
        />
      ))}
    </Box>
  );
}

export function WebhooksSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsWebhooksDocument, {});
  const [updateWebhook] = useMutation(SettingsWebhookUpdateDocument);
  const [createWebhook] = useMutation(SettingsWebhookCreateDocument);
  const [deleteWebhook] = useMutation(SettingsWebhookDeleteDocument);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      {secret && (
        <Box
          role="status"
          padding={4}
          borderRadius={3}
          backgroundColor="warning1"
          display="flex"
          flexDirection="column"
          gap={2}
        >
          <Text fontWeight="bold">{t("settings.webhookSecret")}</Text>
          <code data-testid="webhook-secret">{secret}</code>
          <Box>
            <Button type="button" size="small" variant="secondary" onClick={() => setSecret(null)}>
              {t("dialog.close")}
            </Button>
          </Box>
        </Box>
      )}
      <QueryView query={query}>
        {(data) => {
          const topics = data.webhookTopics ?? [];

          return (
            <EntityEditor<Webhook, WebhookForm>
              title={t("settings.webhooks")}
              intro={t("settings.webhooksIntro")}
              addLabel={t("settings.addWebhook")}
              emptyText={t("settings.noWebhooks")}
              items={data.webhookSubscriptions ?? []}
              itemName={(w) => w.name}
              columns={[
                {
                  header: t("settings.name"),
                  cell: (w) => (
                    <a href={`#/settings/webhooks/${encodeURIComponent(w.id)}`}>{w.name}</a>
                  ),
                },
                { header: t("settings.targetUrl"), cell: (w) => w.targetUrl },
                { header: t("settings.events"), cell: (w) => w.events.join(", ") || "—" },
                { header: t("settings.isActive"), cell: (w) => yesNo(t, w.isActive) },
              ]}
              blank={() => ({
                name: "",
                targetUrl: "",
                events: [],
                channels: [],
                isActive: true,
                includeInternalComments: false,
                signing: "HMAC",
              })}
              fromItem={webhookForm}
              renderForm={(form, set) => <WebhookFields form={form} set={set} topics={topics} />}
              save={async (form, item) => {
                if (item)
                  return (await updateWebhook({ id: item.id, input: webhookInput(form) })).problem;
                const result = await createWebhook({ input: webhookInput(form) });

                if (result.status === "done" && result.payload.secret)
                  setSecret(result.payload.secret);

                return result.problem;
              }}
              remove={async (w) => (await deleteWebhook({ id: w.id })).problem}
              onSaved={() => void query.refetch()}
            />
          );
        }}
      </QueryView>
    </Box>
  );
}

const DELIVERY_STATUSES: HelpdeskWebhookDeliveryStatusEnum[] = [
  "PENDING",
  "SENDING",
  "SUCCEEDED",
  "FAILED",
];
const PAGE = 20;

type Subscription = NonNullable<SettingsWebhookQuery["webhookSubscription"]>;
type Delivery = NonNullable<
  NonNullable<NonNullable<Subscription["deliveries"]>["edges"][number]>["node"]
>;

/** One subscription: its settings and its delivery log with redelivery. */
export function WebhookDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const host = useHost();
  const [status, setStatus] = useState<HelpdeskWebhookDeliveryStatusEnum | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const query = useQuery(SettingsWebhookDocument, {
    id,
    status: status || null,
    first: PAGE,
    after,
  });
  const subscription = query.data?.webhookSubscription;

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box>
        <a href="#/settings/webhooks">{t("settings.backToWebhooks")}</a>
      </Box>
      <QueryView query={query}>
        {(data) =>
          !data.webhookSubscription ? (
            <EmptyState title={t("settings.webhookNotFound")} />
          ) : (
            <>
              <WebhookEditForm
                key={data.webhookSubscription.updatedAt}
                subscription={data.webhookSubscription}
                topics={data.webhookTopics ?? []}
                onSaved={() => void query.refetch()}
                onDeleted={() => {
                  host.notify({
                    status: "success",
                    title: t("settings.deleted", { name: data.webhookSubscription!.name }),
                  });
                  navigate("/settings/webhooks");
                }}
              />
              <Section title={t("settings.deliveries")}>
                <Box display="flex" gap={3} alignItems="flex-end" flexWrap="wrap">
                  <SelectField
                    label={t("settings.deliveryStatus")}
                    value={status}
                    placeholder={t("inbox.filter.any")}
                    options={DELIVERY_STATUSES.map((s) => ({
                      value: s,
                      label: t(`delivery.${s}`),
                    }))}
                    onChange={(v) => {
                      setStatus(v as HelpdeskWebhookDeliveryStatusEnum | "");
                      setCursors([]);
                    }}
                  />
                  <Text size={2} color="default2">
                    {t("settings.deliveryCount", {
                      count: subscription?.deliveries?.totalCount ?? 0,
                    })}
                  </Text>
                  <Button
                    type="button"
                    size="small"
                    variant="tertiary"
                    onClick={() => void query.refetch()}
                  >
                    {t("settings.reload")}
                  </Button>
                </Box>
                {query.error && (
                  <Text role="alert" color="critical1">
                    {t("state.error", { message: query.error })}
                  </Text>
                )}
                <DeliveryLog
                  deliveries={(subscription?.deliveries?.edges ?? []).flatMap((e) =>
                    e?.node ? [e.node] : [],
                  )}
                  onRedelivered={() => void query.refetch()}
                />
                <Box display="flex" gap={2}>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    disabled={cursors.length === 0}
                    onClick={() => setCursors((c) => c.slice(0, -1))}
                  >
                    {t("inbox.prev")}
                  </Button>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    disabled={!subscription?.deliveries?.pageInfo.hasNextPage}
                    onClick={() => {
                      const end = subscription?.deliveries?.pageInfo.endCursor;

                      if (end) setCursors((c) => [...c, end]);
                    }}
                  >
                    {t("inbox.next")}
                  </Button>
                </Box>
              </Section>
            </>
          )
        }
      </QueryView>
    </Box>
  );
}

function WebhookEditForm({
  subscription,
  topics,
  onSaved,
  onDeleted,
}: {
  subscription: Subscription;
  topics: Topic[];
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const [updateWebhook] = useMutation(SettingsWebhookUpdateDocument);
  const [deleteWebhook] = useMutation(SettingsWebhookDeleteDocument);
  const [form, setForm] = useState(() => webhookForm(subscription));
  const [saveState, runSave] = useSaver();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(
      async () => (await updateWebhook({ id: subscription.id, input: webhookInput(form) })).problem,
    );

    if (ok) onSaved();
  };

  return (
    <Section
      title={subscription.name}
      actions={
        <DeleteButton
          name={subscription.name}
          onDelete={async () => {
            setDeleteError(null);
            const { problem } = await deleteWebhook({ id: subscription.id });

            if (problem) {
              setDeleteError(problem);

              return false;
            }
            onDeleted();

            return true;
          }}
        />
      }
    >
      {deleteError && (
        <Text role="alert" color="critical1">
          {t("settings.deleteFailed", { message: deleteError })}
        </Text>
      )}
      {subscription.suspendedReason && (
        <Text role="status" color="critical1">
          {t("settings.webhookSuspended", { reason: subscription.suspendedReason })}
        </Text>
      )}
      <Box
        as="form"
        onSubmit={submit}
        aria-label={t("settings.editItem", { name: subscription.name })}
        display="flex"
        flexDirection="column"
        gap={3}
      >
        <WebhookFields
          form={form}
          set={(patch) => setForm((f) => ({ ...f, ...patch }))}
          topics={topics}
        />
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

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function DeliveryLog({
  deliveries,
  onRedelivered,
}: {
  deliveries: Delivery[];
  onRedelivered: () => void;
}) {
  const { t } = useI18n();

  if (deliveries.length === 0) return <EmptyState title={t("settings.noDeliveries")} />;

  return (
    <Box
      as="ul"
      display="flex"
      flexDirection="column"
      gap={2}
      padding={0}
      margin={0}
      style={{ listStyle: "none" }}
    >
      {deliveries.map((d) => (
        <DeliveryItem key={d.id} delivery={d} onRedelivered={onRedelivered} />
      ))}
    </Box>
  );
}

function DeliveryItem({
  delivery: d,
  onRedelivered,
}: {
  delivery: Delivery;
  onRedelivered: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [redeliver] = useMutation(SettingsWebhookRedeliverDocument);
  const [state, run] = useSaver();
  const [localStatus, setLocalStatus] = useState<string | null>(null);

  useEffect(() => setLocalStatus(null), [d.status, d.attempts]);
  const statusLabel = t(
    `delivery.${(localStatus ?? d.status) as HelpdeskWebhookDeliveryStatusEnum}`,
  );

  return (
    <Box
      as="li"
      data-testid="delivery"
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      borderRadius={3}
      padding={2}
    >
      <details>
        <summary style={{ cursor: "pointer" }}>
          <Text size={3}>
            {formatDate(d.createdAt)} · <code>{d.topic}</code> · <strong>{statusLabel}</strong> ·{" "}
            {t("settings.attempts", { count: d.attempts })}
            {d.lastStatusCode !== null ? ` · HTTP ${d.lastStatusCode}` : ""}
          </Text>
        </summary>
        <Box display="flex" flexDirection="column" gap={2} paddingTop={2}>
          {d.lastError && (
            <Text color="critical1">{t("settings.lastError", { message: d.lastError })}</Text>
          )}
          {d.nextAttemptAt && (
            <Text size={2}>{t("settings.nextAttempt", { date: formatDate(d.nextAttemptAt) })}</Text>
          )}
          {d.deliveredAt && (
            <Text size={2}>{t("settings.deliveredAt", { date: formatDate(d.deliveredAt) })}</Text>
          )}
          {d.lastResponseExcerpt && (
            <Box>
              <Text size={2} color="default2">
                {t("settings.response")}
              </Text>
              <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{d.lastResponseExcerpt}</pre>
            </Box>
          )}
          {d.attemptLog.length > 0 && (
            <table style={{ borderCollapse: "collapse" }}>
              <caption style={{ textAlign: "left" }}>{t("settings.attemptLog")}</caption>
              <thead>
                <tr>
                  {[
                    "#",
                    t("settings.date"),
                    "HTTP",
                    t("settings.duration"),
                    t("settings.error"),
                  ].map((h) => (
                    <th key={h} scope="col" style={cellStyle}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.attemptLog.map((a) => (
                  <tr key={a.id}>
                    <td style={cellStyle}>{a.number}</td>
                    <td style={cellStyle}>{formatDate(a.createdAt)}</td>
                    <td style={cellStyle}>{a.statusCode ?? "—"}</td>
                    <td style={cellStyle}>{a.durationMs} ms</td>
                    <td style={cellStyle}>{a.error || a.responseExcerpt || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.payload === null ? (
            <Text size={2} color="default2">
              {t("settings.payloadHidden")}
            </Text>
          ) : (
            <details>
              <summary>{t("settings.payload")}</summary>
              <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{prettyJson(d.payload)}</pre>
            </details>
          )}
          <Box display="flex" gap={2} alignItems="center">
            <Button
              type="button"
              size="small"
              variant="secondary"
              disabled={state.status === "saving"}
              aria-label={t("settings.redeliverItem", {
                topic: d.topic,
                date: formatDate(d.createdAt),
              })}
              onClick={async () => {
                const ok = await run(async () => {
                  const result = await redeliver({ id: d.id });

                  if (result.status === "done" && result.payload.delivery)
                    setLocalStatus(result.payload.delivery.status);

                  return result.problem;
                });

                if (ok) onRedelivered();
              }}
            >
              {t("settings.redeliver")}
            </Button>
            <SaveStatus state={state} />
          </Box>
        </Box>
      </details>
    </Box>
  );
}
