import { Box, Button, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsMailboxDeleteDocument,
  SettingsMailboxDisableDocument,
  SettingsMailboxDocument,
  SettingsMailboxEnableDocument,
  SettingsMailboxPushSecretRotateDocument,
  type SettingsMailboxQuery,
  SettingsMailboxUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { navigate } from "../router";
import { DeleteButton, QueryView } from "../settings/common";
import { CopyField } from "../ui/CopyField";
import { Field, Section } from "../ui/fields";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { InboundReview } from "./InboundReview";
import { MailboxFields } from "./MailboxFields";
import {
  CONNECTION_CODES,
  connectionProblem,
  lastFetch,
  mailboxForm,
  mailboxInput,
  type SavedMailbox,
} from "./mailboxForm";
import { type CreatedSecret, SecretOnce } from "./SecretOnce";

type Loaded = NonNullable<SettingsMailboxQuery["helpdeskMailbox"]>;

/** #/settings/mailboxes/<id>: one mailbox, its state, its settings and its messages. */
export function MailboxDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(SettingsMailboxDocument, { id });
  const [secret, setSecret] = useState<CreatedSecret | null>(null);
  const refresh = () => void query.refetch();

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box>
        <a href="#/settings/mailboxes">{t("mail.back")}</a>
      </Box>
      {secret && <SecretOnce created={secret} onClose={() => setSecret(null)} />}
      <QueryView query={query}>
        {(data) =>
          !data.helpdeskMailbox ? (
            <EmptyState title={t("mail.notFound")} />
          ) : (
            <>
              <MailboxState mailbox={data.helpdeskMailbox} onChanged={refresh} />
              {data.helpdeskMailbox.kind === "PUSH" && (
                <PushSection
                  mailbox={data.helpdeskMailbox}
                  onSecret={(made) => {
                    setSecret(made);
                    refresh();
                  }}
                />
              )}
              <MailboxEditForm
                key={data.helpdeskMailbox.updatedAt}
                mailbox={data.helpdeskMailbox}
                data={data}
                onSaved={refresh}
              />
              <InboundReview mailbox={data.helpdeskMailbox.id} onDecided={refresh} />
            </>
          )
        }
      </QueryView>
    </Box>
  );
}

/** Name, active or not (with enable / disable), the last fetch, and delete. */
function MailboxState({ mailbox, onChanged }: { mailbox: Loaded; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const host = useHost();
  const [enable, enabling] = useMutation(SettingsMailboxEnableDocument);
  const [disable, disabling] = useMutation(SettingsMailboxDisableDocument);
  const [remove] = useMutation(SettingsMailboxDeleteDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const fetched = lastFetch(mailbox, i18n);
  const toggle = async () => {
    setProblem(null);
    const result = mailbox.isActive
      ? await disable({ id: mailbox.id })
      : await enable({ id: mailbox.id });

    if (result.problem) {
      // A refused login comes with the server's code: say what to check.
      const login = result.errors.find((e) =>
        (CONNECTION_CODES as readonly string[]).includes(e.code ?? ""),
      );

      setProblem(
        t("mail.notEnabled", {
          message: login ? connectionProblem(login.code, login.message, t) : result.problem,
        }),
      );

      return;
    }
    host.notify({
      status: "success",
      title: t(mailbox.isActive ? "mail.disabled" : "mail.enabled", { name: mailbox.name }),
    });
    onChanged();
  };

  return (
    <Section
      title={mailbox.name}
      actions={
        <Box display="flex" gap={2} alignItems="center">
          <Button
            type="button"
            variant={mailbox.isActive ? "secondary" : "primary"}
            disabled={enabling.busy || disabling.busy}
            onClick={() => void toggle()}
          >
            {mailbox.isActive ? t("mail.disable") : t("mail.enable")}
          </Button>
          <DeleteButton
            name={mailbox.name}
            onDelete={async () => {
              setProblem(null);
              const { problem: refused } = await remove({ id: mailbox.id });

              if (refused) {
                setProblem(t("settings.deleteFailed", { message: refused }));

                return false;
              }
              host.notify({
                status: "success",
                title: t("settings.deleted", { name: mailbox.name }),
              });
              navigate("/settings/mailboxes");

              return true;
            }}
          />
        </Box>
      }
    >
      {problem && (
        <Text role="alert" color="critical1" data-testid="mailbox-problem">
          {problem}
        </Text>
      )}
      <Field label={t("mail.address")}>{mailbox.address}</Field>
      <Field label={t("mail.active")}>
        <Text color={mailbox.isActive ? "success1" : "default2"} data-testid="mailbox-active">
          {mailbox.isActive ? t("mail.isActive") : t("mail.isInactive")}
        </Text>
      </Field>
      <Field label={t("mail.kind")}>{t(`mail.kind.${mailbox.kind}`)}</Field>
      <Field label={t("mail.channel")}>{mailbox.channel.name}</Field>
      <Field label={t("mail.lastFetch")}>
        <Text color={fetched.failed ? "critical1" : "default1"}>{fetched.text}</Text>
      </Field>
      {fetched.failed && mailbox.lastFetchError && (
        <Text role="note" color="critical1">
          {t("mail.fetchError", { message: mailbox.lastFetchError })}
        </Text>
      )}
      <Field label={t("mail.toReview")}>{mailbox.reviewCount}</Field>
    </Section>
  );
}

/** Where a push mailbox's messages are sent, and a new secret (the old one stops). */
function PushSection({
  mailbox,
  onSecret,
}: {
  mailbox: Loaded;
  onSecret: (made: CreatedSecret) => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [rotate, { busy }] = useMutation(SettingsMailboxPushSecretRotateDocument);
  const [confirming, setConfirming] = useState(false);
  const run = async () => {
    const result = await rotate({ id: mailbox.id });

    setConfirming(false);
    if (result.status !== "done" || !result.payload.pushSecret) {
      host.notify({
        status: "error",
        title: t("state.saveFailed", { message: result.problem ?? "—" }),
      });

      return;
    }
    onSecret({
      id: mailbox.id,
      name: mailbox.name,
      secret: result.payload.pushSecret,
      pushUrl: mailbox.pushUrl,
    });
  };

  return (
    <Section title={t("mail.push")}>
      <Text color="default2">{t("mail.pushIntro")}</Text>
      <CopyField label={t("mail.pushUrl")} value={mailbox.pushUrl} />
      <Text data-testid="push-secret-state">
        {mailbox.hasPushSecret ? t("mail.secretSet") : t("mail.secretNone")}
      </Text>
      <Box display="flex" gap={2}>
        {!confirming || !mailbox.hasPushSecret ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => (mailbox.hasPushSecret ? setConfirming(true) : void run())}
          >
            {t("mail.rotate")}
          </Button>
        ) : (
          <>
            <Button type="button" variant="error" disabled={busy} onClick={() => void run()}>
              {t("mail.rotateConfirm")}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setConfirming(false)}>
              {t("dialog.cancel")}
            </Button>
          </>
        )}
      </Box>
      {mailbox.webhookUrls.length > 0 && (
        <details>
          <summary style={{ cursor: "pointer" }}>{t("mail.webhookUrls")}</summary>
          <Box display="flex" flexDirection="column" gap={2} paddingTop={2}>
            {mailbox.webhookUrls.map((hook) => (
              <CopyField key={hook.esp} label={hook.esp} value={hook.url} />
            ))}
          </Box>
        </details>
      )}
    </Section>
  );
}

function MailboxEditForm({
  mailbox,
  data,
  onSaved,
}: {
  mailbox: SavedMailbox;
  data: SettingsMailboxQuery;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [update] = useMutation(SettingsMailboxUpdateDocument);
  const [form, setForm] = useState(() => mailboxForm(mailbox));
  const [saveState, runSave] = useSaver();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(async () => {
      const input = mailboxInput(form, t);

      if (input.problem !== null) return input.problem;

      return (await update({ id: mailbox.id, input: input.value })).problem;
    });

    if (ok) onSaved();
  };

  return (
    <Section title={t("mail.settings")}>
      <Box
        as="form"
        onSubmit={submit}
        aria-label={t("settings.editItem", { name: mailbox.name })}
        display="flex"
        flexDirection="column"
        gap={3}
      >
        <MailboxFields
          form={form}
          set={(patch) => setForm((f) => ({ ...f, ...patch }))}
          saved={mailbox}
          channels={data.helpdeskChannels ?? []}
          contacts={(data.ticketContacts ?? []).filter(
            (c) => c.isActive || c.id === mailbox.contact?.id,
          )}
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
