import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useMutation } from "../api/useMutation";
import {
  type HelpdeskMailboxAfterFetchEnum,
  type HelpdeskMailboxKindEnum,
  type HelpdeskMailboxSecurityEnum,
  SettingsMailboxConnectionTestDocument,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";
import {
  connectionInput,
  connectionProblem,
  type MailboxForm,
  needsPasswordAgain,
  type SavedMailbox,
  USUAL_PORT,
} from "./mailboxForm";

export type Choice = { id: string; name: string };

const KINDS: HelpdeskMailboxKindEnum[] = ["IMAP", "PUSH"];
const SECURITY: HelpdeskMailboxSecurityEnum[] = ["SSL", "STARTTLS", "NONE"];
const AFTER_FETCH: HelpdeskMailboxAfterFetchEnum[] = ["MARK_READ", "MOVE"];
const LANGUAGES = ["de", "en"];

function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <Box
      as="fieldset"
      display="flex"
      flexDirection="column"
      gap={3}
      borderWidth={0}
      padding={0}
      margin={0}
    >
      <legend>
        <Text size={3} fontWeight="bold">
          {legend}
        </Text>
      </legend>
      {children}
    </Box>
  );
}

/**
 * The fields of a mailbox (new or saved), with the IMAP server's fields for an IMAP
 * mailbox and the connection test, which tries the form's values before they are saved.
 */
export function MailboxFields({
  form,
  set,
  saved,
  channels,
  contacts,
}: {
  form: MailboxForm;
  set: (patch: Partial<MailboxForm>) => void;
  saved: SavedMailbox | null;
  channels: Choice[];
  contacts: Choice[];
}) {
  const { t } = useI18n();
  const languages = LANGUAGES.includes(form.languageCode)
    ? LANGUAGES
    : [...LANGUAGES, form.languageCode];
  // A saved channel the caller no longer works in stays selectable, so saving keeps it.
  const channelOptions =
    channels.some((c) => c.id === form.channel) || !saved ? channels : [...channels, saved.channel];

  return (
    <>
      <Input
        label={t("settings.name")}
        required
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <Input
        label={t("mail.address")}
        type="email"
        required
        value={form.address}
        onChange={(e) => set({ address: e.target.value })}
      />
      <SelectField
        label={t("mail.kind")}
        value={form.kind}
        options={KINDS.map((kind) => ({ value: kind, label: t(`mail.kind.${kind}`) }))}
        onChange={(kind) => set({ kind: kind as HelpdeskMailboxKindEnum })}
      />
      <SelectField
        label={t("mail.channel")}
        value={form.channel}
        placeholder={form.channel ? undefined : "—"}
        options={channelOptions.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(channel) => set({ channel })}
      />
      <SelectField
        label={t("mail.contact")}
        value={form.contact}
        placeholder={t("mail.noContact")}
        options={contacts.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(contact) => set({ contact })}
      />
      <Box display="flex" flexDirection="column" gap={1}>
        <SelectField
          label={t("mail.language")}
          value={form.languageCode}
          options={languages.map((code) => ({
            value: code,
            label: code === "de" || code === "en" ? t(`mail.lang.${code}`) : code,
          }))}
          onChange={(languageCode) => set({ languageCode })}
        />
        <Text size={1} color="default2">
          {t("mail.languageHint")}
        </Text>
      </Box>
      {form.kind === "IMAP" && <ImapFields form={form} set={set} saved={saved} />}
      <Group legend={t("mail.limits")}>
        <Input
          label={t("mail.maxSize")}
          inputMode="decimal"
          value={form.maxMessageSizeMb}
          helperText={t("mail.maxSizeHint")}
          onChange={(e) => set({ maxMessageSizeMb: e.target.value })}
        />
        <Input
          label={t("mail.perHour")}
          inputMode="numeric"
          value={form.ticketsPerSenderPerHour}
          helperText={t("mail.perHourHint")}
          onChange={(e) => set({ ticketsPerSenderPerHour: e.target.value })}
        />
      </Group>
    </>
  );
}

function ImapFields({
  form,
  set,
  saved,
}: {
  form: MailboxForm;
  set: (patch: Partial<MailboxForm>) => void;
  saved: SavedMailbox | null;
}) {
  const { t } = useI18n();
  const again = needsPasswordAgain(form, saved);
  const passwordHint = again
    ? t("mail.passwordAgain")
    : saved?.hasPassword
    ? t("mail.passwordStored")
    : t("mail.passwordNone");

  return (
    <Group legend={t("mail.imap")}>
      <Box display="flex" gap={2} flexWrap="wrap" alignItems="flex-end">
        <Box __flex="3 1 220px">
          <Input
            label={t("mail.imapHost")}
            value={form.imapHost}
            onChange={(e) => set({ imapHost: e.target.value })}
          />
        </Box>
        <Box __flex="1 1 90px">
          <Input
            label={t("mail.imapPort")}
            inputMode="numeric"
            value={form.imapPort}
            onChange={(e) => set({ imapPort: e.target.value })}
          />
        </Box>
      </Box>
      <SelectField
        label={t("mail.imapSecurity")}
        value={form.imapSecurity}
        options={SECURITY.map((s) => ({ value: s, label: t(`mail.security.${s}`) }))}
        onChange={(value) => {
          const security = value as HelpdeskMailboxSecurityEnum;
          // The port follows while it is the usual one of the encryption before.
          const usual = form.imapPort === String(USUAL_PORT[form.imapSecurity]);

          set({
            imapSecurity: security,
            ...(usual ? { imapPort: String(USUAL_PORT[security]) } : {}),
          });
        }}
      />
      <Input
        label={t("mail.imapUser")}
        autoComplete="off"
        value={form.imapUser}
        onChange={(e) => set({ imapUser: e.target.value })}
      />
      <Input
        label={t("mail.imapPassword")}
        type="password"
        autoComplete="new-password"
        value={form.imapPassword}
        helperText={passwordHint}
        error={again}
        onChange={(e) => set({ imapPassword: e.target.value })}
      />
      <Input
        label={t("mail.imapFolder")}
        value={form.imapFolder}
        onChange={(e) => set({ imapFolder: e.target.value })}
      />
      <SelectField
        label={t("mail.afterFetch")}
        value={form.afterFetch}
        options={AFTER_FETCH.map((a) => ({ value: a, label: t(`mail.after.${a}`) }))}
        onChange={(afterFetch) => set({ afterFetch: afterFetch as HelpdeskMailboxAfterFetchEnum })}
      />
      {form.afterFetch === "MOVE" && (
        <Input
          label={t("mail.moveToFolder")}
          value={form.moveToFolder}
          onChange={(e) => set({ moveToFolder: e.target.value })}
        />
      )}
      <ConnectionTest form={form} saved={saved} />
    </Group>
  );
}

type TestResult = { ok: true } | { ok: false; text: string };

/** Logs in with the form's values over the saved mailbox's; saves nothing. */
function ConnectionTest({ form, saved }: { form: MailboxForm; saved: SavedMailbox | null }) {
  const { t } = useI18n();
  const [test, { busy }] = useMutation(SettingsMailboxConnectionTestDocument);
  const [result, setResult] = useState<TestResult | null>(null);
  const run = async () => {
    const input = connectionInput(form, t);

    if (input.problem !== null) {
      setResult({ ok: false, text: t("mail.testRefused", { message: input.problem }) });

      return;
    }
    setResult(null);
    const answer = await test({ id: saved?.id ?? null, input: input.value });

    if (answer.status !== "done") {
      setResult({ ok: false, text: t("mail.testRefused", { message: answer.problem }) });

      return;
    }
    const { ok, code, message } = answer.payload;

    setResult(ok ? { ok: true } : { ok: false, text: connectionProblem(code, message, t) });
  };

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Box>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void run()}>
          {busy ? t("mail.testing") : t("mail.test")}
        </Button>
      </Box>
      {result && (
        <Box
          role={result.ok ? "status" : "alert"}
          data-testid="connection-result"
          padding={3}
          borderRadius={3}
          backgroundColor={result.ok ? "success1" : "critical1"}
        >
          <Text color={result.ok ? "success1" : "critical1"}>
            {result.ok ? t("mail.test.ok") : result.text}
          </Text>
        </Box>
      )}
    </Box>
  );
}
