import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { emailList, imapMailbox, mailboxQuery, pushMailbox } from "../test/mailFixtures";
import { renderApp } from "../test/render";

type Handler = (variables: Record<string, unknown>) => unknown;
type Mailbox = ReturnType<typeof imapMailbox>;

function setup(mailbox: Mailbox | null, handlers: Record<string, Handler> = {}) {
  window.location.hash = `#/settings/mailboxes/${encodeURIComponent(mailbox?.id ?? "x")}`;
  const fake = createFakeClient({
    SettingsMailbox: () => mailboxQuery(mailbox),
    InboundEmailList: () => emailList([]),
    ...handlers,
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client }) };
}

const settingsForm = () => screen.findByRole("form", { name: "Edit Kundenservice" });

describe("Settings: one mailbox", () => {
  it("never shows the stored password: the field is empty and says one is stored", async () => {
    setup(imapMailbox());
    const form = await settingsForm();
    const password = within(form).getByLabelText("Password or app password");

    expect(password).toHaveValue("");
    expect(password).toHaveAttribute("type", "password");
    expect(form).toHaveTextContent(
      "A password is stored (never shown). Type a new one to replace it.",
    );
    expect(
      screen.getByText("Last fetch failed: [AUTHENTICATIONFAILED] Invalid credentials"),
    ).toBeInTheDocument();
  });

  it("asks for the password again when the server changes, and saves without one otherwise", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup(imapMailbox(), {
      SettingsMailboxUpdate: () => ({
        helpdeskMailboxUpdate: { errors: [], mailbox: imapMailbox() },
      }),
    });
    const form = await settingsForm();
    const host = within(form).getByLabelText("Server (host name)");

    await user.clear(host);
    await user.type(host, "mail.example.org");
    expect(form).toHaveTextContent(
      "Enter the password again: the stored one is not sent to another server or user name.",
    );
    await user.clear(host);
    await user.type(host, "imap.example.com");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsMailboxUpdate")).toHaveLength(1));
    const { id, input } = callsOf("SettingsMailboxUpdate")[0]!.variables as {
      id: string;
      input: Record<string, unknown>;
    };

    expect(id).toBe("HelpdeskMailbox:1");
    expect(input).not.toHaveProperty("imapPassword");
    expect(input.imapHost).toBe("imap.example.com");
  });

  it("tests the form's values and explains a refused login with the server's words", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup(imapMailbox(), {
      SettingsMailboxConnectionTest: () => ({
        helpdeskMailboxConnectionTest: {
          errors: [],
          ok: false,
          code: "WRONG_CREDENTIALS",
          message: "[AUTHENTICATIONFAILED] Invalid credentials (Failure)",
        },
      }),
    });
    const form = await settingsForm();

    await user.type(within(form).getByLabelText("Password or app password"), "falsch");
    await user.click(within(form).getByRole("button", { name: "Test connection" }));

    expect(await within(form).findByTestId("connection-result")).toHaveTextContent(
      "The server refused the user name or password. The server said: [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
    );
    expect(callsOf("SettingsMailboxConnectionTest")[0]!.variables).toStrictEqual({
      id: "HelpdeskMailbox:1",
      input: {
        kind: "IMAP",
        imapHost: "imap.example.com",
        imapPort: 993,
        imapSecurity: "SSL",
        imapUser: "support@example.com",
        imapFolder: "INBOX",
        imapPassword: "falsch",
      },
    });
  });

  it("says so when the connection works", async () => {
    const user = userEvent.setup();

    setup(imapMailbox(), {
      SettingsMailboxConnectionTest: () => ({
        helpdeskMailboxConnectionTest: { errors: [], ok: true, code: null, message: null },
      }),
    });
    const form = await settingsForm();

    await user.click(within(form).getByRole("button", { name: "Test connection" }));
    expect(await within(form).findByRole("status")).toHaveTextContent(
      "Connected: the server accepted the login and the folder exists.",
    );
  });

  it("enables a mailbox, or says what to check when the server refuses the login", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const mailbox = imapMailbox({ isActive: false });
    const { callsOf, host } = setup(mailbox, {
      SettingsMailboxEnable: () => {
        attempt += 1;

        return attempt === 1
          ? {
              helpdeskMailboxEnable: {
                errors: [
                  {
                    field: null,
                    code: "TLS_FAILED",
                    message: "The server does not speak TLS on port 143.",
                  },
                ],
                mailbox: null,
              },
            }
          : {
              helpdeskMailboxEnable: {
                errors: [],
                mailbox: { id: mailbox.id, isActive: true },
              },
            };
      },
    });

    await user.click(await screen.findByRole("button", { name: "Enable" }));
    expect(await screen.findByTestId("mailbox-problem")).toHaveTextContent(
      "Not enabled: The encrypted connection failed: check the encryption and the port (993 for TLS, 143 for STARTTLS). The server said: The server does not speak TLS on port 143.",
    );
    await user.click(screen.getByRole("button", { name: "Enable" }));
    await waitFor(() =>
      expect(host.notify).toHaveBeenCalledWith({
        status: "success",
        title: "Kundenservice is active: its messages are taken in.",
      }),
    );
    expect(callsOf("SettingsMailboxEnable")).toHaveLength(2);
    expect(screen.queryByTestId("mailbox-problem")).toBeNull();
  });

  it("deletes only after a second click, then goes back to the list", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup(imapMailbox(), {
      SettingsMailboxDelete: () => ({ helpdeskMailboxDelete: { errors: [] } }),
    });

    await user.click(await screen.findByRole("button", { name: "Delete Kundenservice" }));
    expect(callsOf("SettingsMailboxDelete")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Really delete Kundenservice" }));
    await waitFor(() => expect(window.location.hash).toBe("#/settings/mailboxes"));
    expect(callsOf("SettingsMailboxDelete")[0]!.variables).toStrictEqual({
      id: "HelpdeskMailbox:1",
    });
  });

  it("shows a push mailbox's URLs and makes a new secret only when confirmed, shown once", async () => {
    const user = userEvent.setup();
    const mailbox = pushMailbox({ name: "Kundenservice" });
    const { callsOf } = setup(mailbox, {
      SettingsMailboxPushSecretRotate: () => ({
        helpdeskMailboxPushSecretRotate: {
          errors: [],
          mailbox: { id: mailbox.id, hasPushSecret: true },
          pushSecret: "new-secret-42",
        },
      }),
    });
    const push = await screen.findByRole("region", { name: "Where messages are pushed" });

    expect(push).toHaveTextContent(mailbox.pushUrl);
    expect(within(push).getByTestId("push-secret-state")).toHaveTextContent(
      "A secret is set. It was shown once, when it was made.",
    );
    expect(
      screen
        .queryByRole("form", { name: "Edit Kundenservice" })
        ?.querySelector("input[type=password]"),
    ).toBeNull();
    await user.click(within(push).getByRole("button", { name: "Make a new secret" }));
    expect(callsOf("SettingsMailboxPushSecretRotate")).toHaveLength(0);
    await user.click(
      within(push).getByRole("button", {
        name: "Make a new secret: the old one stops working at once",
      }),
    );
    expect(await screen.findByTestId("push-secret")).toHaveTextContent("new-secret-42");
  });

  it("says when the mailbox does not exist", async () => {
    setup(null);
    expect(await screen.findByText("This mailbox does not exist.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the mailboxes" })).toHaveAttribute(
      "href",
      "#/settings/mailboxes",
    );
  });
});
