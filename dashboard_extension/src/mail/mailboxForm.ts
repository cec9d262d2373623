import type {
  HelpdeskMailboxAfterFetchEnum,
  HelpdeskMailboxInput,
  HelpdeskMailboxKindEnum,
  HelpdeskMailboxSecurityEnum,
  SettingsMailboxFieldsFragment,
} from "../generated/graphql";
import type { I18n, Translate } from "../i18n";
import { hasKey } from "../i18n";

export type SavedMailbox = SettingsMailboxFieldsFragment;

/**
 * A mailbox as its form edits it: text as typed (numbers too, checked when saving). The
 * password is never filled in from the server: empty means "keep the stored one".
 */
export type MailboxForm = {
  name: string;
  address: string;
  kind: HelpdeskMailboxKindEnum;
  channel: string;
  contact: string;
  languageCode: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: HelpdeskMailboxSecurityEnum;
  imapUser: string;
  imapPassword: string;
  imapFolder: string;
  afterFetch: HelpdeskMailboxAfterFetchEnum;
  moveToFolder: string;
  maxMessageSizeMb: string;
  ticketsPerSenderPerHour: string;
};

const MB = 1024 * 1024;

/** The port each kind of encryption usually has: picked when the encryption changes. */
export const USUAL_PORT: Record<HelpdeskMailboxSecurityEnum, number> = {
  SSL: 993,
  STARTTLS: 143,
  NONE: 143,
};

/** 26214400 → "25"; 1572864 → "1.5". */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / MB) * 10) / 10);
}

export function blankMailboxForm(channel = "", languageCode = "de"): MailboxForm {
  return {
    name: "",
    address: "",
    kind: "IMAP",
    channel,
    contact: "",
    languageCode,
    imapHost: "",
    imapPort: String(USUAL_PORT.SSL),
    imapSecurity: "SSL",
    imapUser: "",
    imapPassword: "",
    imapFolder: "INBOX",
    afterFetch: "MARK_READ",
    moveToFolder: "",
    maxMessageSizeMb: "25",
    ticketsPerSenderPerHour: "5",
  };
}

export function mailboxForm(mailbox: SavedMailbox): MailboxForm {
  return {
    name: mailbox.name,
    address: mailbox.address,
    kind: mailbox.kind,
    channel: mailbox.channel.id,
    contact: mailbox.contact?.id ?? "",
    languageCode: mailbox.languageCode,
    imapHost: mailbox.imapHost,
    imapPort: String(mailbox.imapPort),
    imapSecurity: mailbox.imapSecurity,
    imapUser: mailbox.imapUser,
    imapPassword: "",
    imapFolder: mailbox.imapFolder,
    afterFetch: mailbox.afterFetch,
    moveToFolder: mailbox.moveToFolder,
    maxMessageSizeMb: megabytes(mailbox.maxMessageSize),
    ticketsPerSenderPerHour: String(mailbox.ticketsPerSenderPerHour),
  };
}

/**
 * The stored password is not sent to another server or user name (the API refuses to
 * reuse it): the form asks for it again when either changed and none is typed.
 */
export function needsPasswordAgain(form: MailboxForm, saved: SavedMailbox | null): boolean {
  if (!saved || !saved.hasPassword || form.kind !== "IMAP" || form.imapPassword) return false;

  return form.imapHost.trim() !== saved.imapHost || form.imapUser.trim() !== saved.imapUser;
}

type Checked<T> = { value: T; problem: null } | { value: null; problem: string };

function wholeNumber(text: string, field: string, t: Translate): Checked<number> {
  const trimmed = text.trim();

  if (!/^\d+$/.test(trimmed))
    return { value: null, problem: t("settings.invalidNumber", { field }) };

  return { value: Number(trimmed), problem: null };
}

/** The fields that reach the IMAP server: what a connection test sends. */
export function connectionInput(form: MailboxForm, t: Translate): Checked<HelpdeskMailboxInput> {
  const port = wholeNumber(form.imapPort, t("mail.imapPort"), t);

  if (port.problem !== null) return port;

  return {
    value: {
      kind: form.kind,
      imapHost: form.imapHost.trim(),
      imapPort: port.value,
      imapSecurity: form.imapSecurity,
      imapUser: form.imapUser.trim(),
      imapFolder: form.imapFolder.trim(),
      ...(form.imapPassword ? { imapPassword: form.imapPassword } : {}),
    },
    problem: null,
  };
}

/**
 * What the API takes, or why the form cannot be sent as it is. A push mailbox sends no
 * IMAP fields (a mailbox switched to push keeps its saved ones); an empty password is
 * left out, so the stored one stays.
 */
export function mailboxInput(form: MailboxForm, t: Translate): Checked<HelpdeskMailboxInput> {
  const required: Array<[string, string]> = [
    [form.name, t("settings.name")],
    [form.address, t("mail.address")],
    [form.channel, t("mail.channel")],
  ];
  const missing = required.find(([value]) => !value.trim());

  if (missing) return { value: null, problem: t("settings.required", { field: missing[1] }) };
  const size = Number(form.maxMessageSizeMb.trim().replace(",", "."));

  if (!form.maxMessageSizeMb.trim() || !Number.isFinite(size) || size <= 0)
    return { value: null, problem: t("mail.invalidSize") };
  const perHour = wholeNumber(form.ticketsPerSenderPerHour, t("mail.perHour"), t);

  if (perHour.problem !== null) return perHour;
  const input: HelpdeskMailboxInput = {
    name: form.name.trim(),
    address: form.address.trim(),
    kind: form.kind,
    channel: form.channel,
    contact: form.contact || null,
    languageCode: form.languageCode,
    maxMessageSize: Math.round(size * MB),
    ticketsPerSenderPerHour: perHour.value,
  };

  if (form.kind === "PUSH") return { value: input, problem: null };
  const connection = connectionInput(form, t);

  if (connection.problem !== null) return connection;

  return {
    value: {
      ...input,
      ...connection.value,
      afterFetch: form.afterFetch,
      moveToFolder: form.afterFetch === "MOVE" ? form.moveToFolder.trim() : "",
    },
    problem: null,
  };
}

/**
 * A failed login as the merchant reads it: what to check for the server's code, and the
 * server's own words after it.
 */
export function connectionProblem(
  code: string | null | undefined,
  message: string | null | undefined,
  t: Translate,
): string {
  const key = `mail.test.${code ?? ""}`;
  const explanation = code && hasKey(key) ? t(key) : t("mail.test.other");

  return message ? `${explanation} ${t("mail.serverSaid", { message })}` : explanation;
}

/** The error codes a login refusal comes with (a connection test's `code`, enable's errors). */
export const CONNECTION_CODES = [
  "WRONG_CREDENTIALS",
  "TLS_FAILED",
  "CANNOT_CONNECT",
  "FOLDER_MISSING",
  "SERVER_ERROR",
] as const;

export type FetchState = { text: string; failed: boolean };

/** The list's "last fetch" cell: pushed mailboxes are not fetched. */
export function lastFetch(mailbox: SavedMailbox, i18n: I18n): FetchState {
  const { t, formatDate } = i18n;

  if (mailbox.kind === "PUSH") return { text: t("mail.fetch.push"), failed: false };
  if (mailbox.lastFetchResult === "NEVER" || !mailbox.lastFetchAt)
    return { text: t("mail.fetch.NEVER"), failed: false };
  const date = formatDate(mailbox.lastFetchAt);

  if (mailbox.lastFetchResult === "FAILED")
    return { text: t("mail.fetch.FAILED", { date }), failed: true };

  return { text: t("mail.fetch.OK", { date, count: mailbox.lastFetchCount }), failed: false };
}
