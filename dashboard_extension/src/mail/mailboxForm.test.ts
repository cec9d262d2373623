import { describe, expect, it } from "vitest";

import { makeI18n } from "../i18n";
import { imapMailbox, pushMailbox } from "../test/mailFixtures";
import {
  blankMailboxForm,
  connectionInput,
  connectionProblem,
  lastFetch,
  mailboxForm,
  mailboxInput,
  megabytes,
  needsPasswordAgain,
} from "./mailboxForm";

const i18n = makeI18n("en");
const { t } = i18n;

describe("mailbox form", () => {
  it("starts a new mailbox as IMAP over TLS on port 993, INBOX, marked read, 25 MB, 5 an hour", () => {
    expect(blankMailboxForm("Channel:1", "de")).toStrictEqual({
      name: "",
      address: "",
      kind: "IMAP",
      channel: "Channel:1",
      contact: "",
      languageCode: "de",
      imapHost: "",
      imapPort: "993",
      imapSecurity: "SSL",
      imapUser: "",
      imapPassword: "",
      imapFolder: "INBOX",
      afterFetch: "MARK_READ",
      moveToFolder: "",
      maxMessageSizeMb: "25",
      ticketsPerSenderPerHour: "5",
    });
  });

  it("fills a saved mailbox in without its password, sizes in megabytes", () => {
    const form = mailboxForm(imapMailbox());

    expect(form.imapPassword).toBe("");
    expect(form.imapHost).toBe("imap.example.com");
    expect(form.imapPort).toBe("993");
    expect(form.contact).toBe("TicketContact:1");
    expect(form.maxMessageSizeMb).toBe("25");
    expect(megabytes(1.5 * 1024 * 1024)).toBe("1.5");
  });

  it("sends an IMAP mailbox with its server fields; an empty password is left out", () => {
    const form = { ...mailboxForm(imapMailbox()), contact: "", maxMessageSizeMb: "10,5" };

    expect(mailboxInput(form, t)).toStrictEqual({
      value: {
        name: "Kundenservice",
        address: "support@example.com",
        kind: "IMAP",
        channel: "Channel:1",
        contact: null,
        languageCode: "de",
        maxMessageSize: Math.round(10.5 * 1024 * 1024),
        ticketsPerSenderPerHour: 5,
        imapHost: "imap.example.com",
        imapPort: 993,
        imapSecurity: "SSL",
        imapUser: "support@example.com",
        imapFolder: "INBOX",
        afterFetch: "MARK_READ",
        moveToFolder: "",
      },
      problem: null,
    });
    const typed = mailboxInput({ ...form, imapPassword: "app-password" }, t);

    expect(typed.value?.imapPassword).toBe("app-password");
  });

  it("sends the folder to move to only when messages are moved", () => {
    const form = { ...mailboxForm(imapMailbox()), moveToFolder: "Erledigt" };

    expect(mailboxInput(form, t).value?.moveToFolder).toBe("");
    expect(mailboxInput({ ...form, afterFetch: "MOVE" }, t).value?.moveToFolder).toBe("Erledigt");
  });

  it("sends a push mailbox without any IMAP field", () => {
    const input = mailboxInput(mailboxForm(pushMailbox()), t).value!;

    expect(Object.keys(input).filter((key) => key.startsWith("imap"))).toStrictEqual([]);
    expect(input.kind).toBe("PUSH");
    expect(input).not.toHaveProperty("afterFetch");
  });

  it("refuses a form with a missing field or a number that is none, naming the field", () => {
    const form = mailboxForm(imapMailbox());

    expect(mailboxInput({ ...form, name: " " }, t).problem).toBe("Name is required.");
    expect(mailboxInput({ ...form, channel: "" }, t).problem).toBe("Channel is required.");
    expect(mailboxInput({ ...form, imapPort: "99x" }, t).problem).toBe(
      "Port must be a whole number.",
    );
    expect(mailboxInput({ ...form, maxMessageSizeMb: "viel" }, t).problem).toBe(
      "The largest message must be a number of megabytes.",
    );
    expect(mailboxInput({ ...form, ticketsPerSenderPerHour: "2.5" }, t).problem).toBe(
      "New tickets per sender and hour must be a whole number.",
    );
    // A push mailbox has no port to check.
    expect(mailboxInput({ ...form, kind: "PUSH", imapPort: "99x" }, t).problem).toBeNull();
  });

  it("tests the connection with the server fields only", () => {
    const form = { ...mailboxForm(imapMailbox()), name: "", imapPassword: "neu" };

    expect(connectionInput(form, t).value).toStrictEqual({
      kind: "IMAP",
      imapHost: "imap.example.com",
      imapPort: 993,
      imapSecurity: "SSL",
      imapUser: "support@example.com",
      imapFolder: "INBOX",
      imapPassword: "neu",
    });
  });

  it("asks for the password again when the server or the user name changed", () => {
    const saved = imapMailbox();
    const form = mailboxForm(saved);

    expect(needsPasswordAgain(form, saved)).toBe(false);
    expect(needsPasswordAgain({ ...form, imapHost: "mail.example.org" }, saved)).toBe(true);
    expect(needsPasswordAgain({ ...form, imapUser: "other" }, saved)).toBe(true);
    expect(needsPasswordAgain({ ...form, imapUser: "other", imapPassword: "typed" }, saved)).toBe(
      false,
    );
    expect(needsPasswordAgain({ ...form, imapHost: "x" }, { ...saved, hasPassword: false })).toBe(
      false,
    );
    expect(needsPasswordAgain({ ...form, imapHost: "x" }, null)).toBe(false);
  });

  it("explains a refused login by its code, with the server's words", () => {
    expect(connectionProblem("WRONG_CREDENTIALS", "[AUTHENTICATIONFAILED] Invalid", t)).toBe(
      "The server refused the user name or password. The server said: [AUTHENTICATIONFAILED] Invalid",
    );
    expect(connectionProblem("FOLDER_MISSING", null, t)).toBe(
      "Logged in, but the folder does not exist on the server.",
    );
    expect(connectionProblem("SOMETHING_NEW", "boom", t)).toBe(
      "The connection failed. The server said: boom",
    );
    expect(connectionProblem("TLS_FAILED", "", makeI18n("de").t)).toMatch(
      /^Die verschlüsselte Verbindung ist fehlgeschlagen/,
    );
  });

  it("says how the last fetch went; push mailboxes are not fetched", () => {
    expect(lastFetch(pushMailbox(), i18n)).toStrictEqual({
      text: "Pushed, not fetched",
      failed: false,
    });
    expect(
      lastFetch({ ...imapMailbox(), lastFetchResult: "NEVER", lastFetchAt: null }, i18n).text,
    ).toBe("Not fetched yet");
    const ok = lastFetch({ ...imapMailbox(), lastFetchResult: "OK", lastFetchCount: 3 }, i18n);

    expect(ok.failed).toBe(false);
    expect(ok.text).toMatch(/: 3 new$/);
    expect(lastFetch(imapMailbox(), i18n)).toStrictEqual({
      text: expect.stringMatching(/: failed$/),
      failed: true,
    });
  });
});
