import { Box, Button, Text } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useRef, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsMailboxCreateDocument,
  SettingsMailboxesDocument,
  type SettingsMailboxesQuery,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { cellStyle, QueryView } from "../settings/common";
import { Section } from "../ui/fields";
import { EmptyState, SaveStatus, VisuallyHidden } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { InboundReview } from "./InboundReview";
import { MailboxFields } from "./MailboxFields";
import {
  blankMailboxForm,
  lastFetch,
  type MailboxForm,
  mailboxInput,
  type SavedMailbox,
} from "./mailboxForm";
import { type CreatedSecret, mailboxHref, SecretOnce } from "./SecretOnce";

/** #/settings/mailboxes: the mailboxes, adding one, and the messages waiting for staff. */
export function MailboxesSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsMailboxesDocument, {});
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedSecret | null>(null);

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      {created && <SecretOnce created={created} onClose={() => setCreated(null)} />}
      <QueryView query={query}>
        {(data) => (
          <Section
            title={t("mail.section")}
            actions={
              <Button type="button" variant="primary" onClick={() => setAdding(true)}>
                {t("mail.add")}
              </Button>
            }
          >
            <Text color="default2">{t("mail.intro")}</Text>
            {adding && (
              <AddMailbox
                data={data}
                onCancel={() => setAdding(false)}
                onCreated={(secret) => {
                  setAdding(false);
                  setCreated(secret);
                  void query.refetch();
                }}
              />
            )}
            <MailboxTable mailboxes={data.helpdeskMailboxes ?? []} />
          </Section>
        )}
      </QueryView>
      <InboundReview onDecided={() => void query.refetch()} />
    </Box>
  );
}

function AddMailbox({
  data,
  onCancel,
  onCreated,
}: {
  data: SettingsMailboxesQuery;
  onCancel: () => void;
  onCreated: (secret: CreatedSecret | null) => void;
}) {
  const { t, lang } = useI18n();
  const host = useHost();
  const channels = data.helpdeskChannels ?? [];
  const [form, setForm] = useState<MailboxForm>(() =>
    blankMailboxForm(channels.length === 1 ? channels[0]!.id : "", lang),
  );
  const [create] = useMutation(SettingsMailboxCreateDocument);
  const [saveState, runSave] = useSaver();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let secret: CreatedSecret | null = null;
    const ok = await runSave(async () => {
      const input = mailboxInput(form, t);

      if (input.problem !== null) return input.problem;
      const result = await create({ input: input.value });

      if (result.status === "done" && result.payload.mailbox && result.payload.pushSecret) {
        const mailbox = result.payload.mailbox;

        secret = {
          id: mailbox.id,
          name: mailbox.name,
          secret: result.payload.pushSecret,
          pushUrl: mailbox.pushUrl,
        };
      }

      return result.problem;
    });

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      onCreated(secret);
    }
  };

  return (
    <Box
      as="form"
      onSubmit={submit}
      aria-label={t("mail.add")}
      display="flex"
      flexDirection="column"
      gap={3}
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      backgroundColor="default2"
    >
      <Text as="h3" ref={headingRef} tabIndex={-1} size={4} fontWeight="bold">
        {t("mail.add")}
      </Text>
      <Text size={2} color="default2">
        {t("mail.createdDisabled")}
      </Text>
      <MailboxFields
        form={form}
        set={(patch) => setForm((f) => ({ ...f, ...patch }))}
        saved={null}
        channels={channels}
        contacts={(data.ticketContacts ?? []).filter((c) => c.isActive)}
      />
      <Box display="flex" gap={2} alignItems="center">
        <Button type="submit" variant="primary" disabled={saveState.status === "saving"}>
          {t("settings.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("dialog.cancel")}
        </Button>
        <SaveStatus state={saveState} />
      </Box>
    </Box>
  );
}

function MailboxTable({ mailboxes }: { mailboxes: SavedMailbox[] }) {
  const i18n = useI18n();
  const { t } = i18n;

  if (mailboxes.length === 0) return <EmptyState title={t("mail.none")} />;
  const headers = [
    t("settings.name"),
    t("mail.address"),
    t("mail.kind"),
    t("mail.channel"),
    t("mail.active"),
    t("mail.lastFetch"),
    t("mail.toReview"),
  ];

  return (
    <Box overflowX="auto">
      <table style={{ width: "100%", borderCollapse: "collapse" }}>
        <caption>
          <VisuallyHidden>{t("mail.mailboxes")}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" style={cellStyle}>
                <Text size={2} color="default2">
                  {header}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {mailboxes.map((mailbox) => {
            const fetched = lastFetch(mailbox, i18n);

            return (
              <tr key={mailbox.id} data-testid="mailbox-row">
                <td style={cellStyle}>
                  <Text size={3}>
                    <a href={mailboxHref(mailbox.id)}>{mailbox.name}</a>
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size={3}>{mailbox.address}</Text>
                </td>
                <td style={cellStyle}>
                  <Text size={3}>{t(`mail.kindShort.${mailbox.kind}`)}</Text>
                </td>
                <td style={cellStyle}>
                  <Text size={3}>{mailbox.channel.name}</Text>
                </td>
                <td style={cellStyle}>
                  <Text size={3} color={mailbox.isActive ? "success1" : "default2"}>
                    {mailbox.isActive ? t("mail.isActive") : t("mail.isInactive")}
                  </Text>
                </td>
                <td style={cellStyle}>
                  <Text size={3} color={fetched.failed ? "critical1" : "default1"}>
                    {fetched.text}
                  </Text>
                  {fetched.failed && mailbox.lastFetchError && (
                    <Text as="p" size={2} color="critical1">
                      {mailbox.lastFetchError}
                    </Text>
                  )}
                </td>
                <td style={cellStyle}>
                  <Text
                    size={3}
                    fontWeight={mailbox.reviewCount ? "bold" : "regular"}
                    color={mailbox.reviewCount ? "warning1" : "default2"}
                  >
                    {mailbox.reviewCount}
                  </Text>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Box>
  );
}
