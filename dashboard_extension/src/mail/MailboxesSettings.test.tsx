import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import {
  emailList,
  imapMailbox,
  listedEmail,
  mailboxesQuery,
  pushMailbox,
} from "../test/mailFixtures";
import { renderApp } from "../test/render";

type Handler = (variables: Record<string, unknown>) => unknown;

function setup(handlers: Record<string, Handler> = {}, lang: "en" | "de" = "en") {
  window.location.hash = "#/settings/mailboxes";
  const fake = createFakeClient({
    SettingsMailboxes: () => mailboxesQuery(),
    InboundEmailList: () => emailList([listedEmail()]),
    ...handlers,
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

const rowTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("Settings: E-mail in", () => {
  it("lists the mailboxes with channel, state, last fetch (and why it failed) and what waits for review", async () => {
    setup();
    const rows = await screen.findAllByTestId("mailbox-row");

    expect(rowTexts(rows[0]!)).toStrictEqual([
      "Kundenservice",
      "support@example.com",
      "IMAP",
      "Webshop DE",
      "Active",
      expect.stringMatching(/: failed\[AUTHENTICATIONFAILED\] Invalid credentials$/),
      "2",
    ]);
    expect(rowTexts(rows[1]!)).toStrictEqual([
      "Mailgun",
      "inbox@example.com",
      "Push",
      "Webshop DE",
      "Disabled",
      "Pushed, not fetched",
      "0",
    ]);
    expect(within(rows[0]!).getByRole("link", { name: "Kundenservice" })).toHaveAttribute(
      "href",
      "#/settings/mailboxes/HelpdeskMailbox%3A1",
    );
    expect(screen.getByRole("link", { name: "E-mail in", current: "page" })).toBeInTheDocument();
  });

  it("adds a push mailbox and shows its secret once, with the URL to push to", async () => {
    const user = userEvent.setup();
    let listed = [imapMailbox()];
    const created = pushMailbox({ name: "Postmark", address: "postmark@example.com" });
    const { callsOf } = setup({
      SettingsMailboxes: () => mailboxesQuery(listed),
      SettingsMailboxCreate: () => {
        listed = [...listed, created];

        return {
          helpdeskMailboxCreate: { errors: [], mailbox: created, pushSecret: "Zq8-secret-once" },
        };
      },
    });

    await screen.findAllByTestId("mailbox-row");
    await user.click(screen.getByRole("button", { name: "Add mailbox" }));
    const form = screen.getByRole("form", { name: "Add mailbox" });

    await user.type(within(form).getByLabelText("Name"), "Postmark");
    await user.type(within(form).getByLabelText("Address"), "postmark@example.com");
    await user.selectOptions(within(form).getByLabelText("How messages arrive"), "PUSH");
    // a push mailbox has no server to log in to
    expect(within(form).queryByLabelText("Password or app password")).not.toBeInTheDocument();
    expect(within(form).queryByRole("button", { name: "Test connection" })).toBeNull();
    await user.selectOptions(within(form).getByLabelText("Channel"), "Channel:2");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const once = await screen.findByTestId("push-secret-once");

    expect(callsOf("SettingsMailboxCreate")[0]!.variables).toStrictEqual({
      input: {
        name: "Postmark",
        address: "postmark@example.com",
        kind: "PUSH",
        channel: "Channel:2",
        contact: null,
        languageCode: "en",
        maxMessageSize: 25 * 1024 * 1024,
        ticketsPerSenderPerHour: 5,
      },
    });
    expect(once).toHaveTextContent(
      "The secret of Postmark: copy it now, it is shown only this once.",
    );
    expect(within(once).getByTestId("push-secret")).toHaveTextContent("Zq8-secret-once");
    expect(within(once).getByTestId("push-url")).toHaveTextContent(created.pushUrl);
    expect(within(once).getByRole("button", { name: "Copy Push secret" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("mailbox-row")).toHaveLength(2));
    expect(screen.queryByRole("form", { name: "Add mailbox" })).toBeNull();

    // once closed, it is gone: the API never gives it again
    await user.click(within(once).getByRole("button", { name: "Close" }));
    expect(screen.queryByTestId("push-secret-once")).toBeNull();
    expect(screen.queryByText("Zq8-secret-once")).toBeNull();
  });

  it("refuses an IMAP mailbox whose port is no number before sending, keeping the form", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup();

    await screen.findAllByTestId("mailbox-row");
    await user.click(screen.getByRole("button", { name: "Add mailbox" }));
    const form = screen.getByRole("form", { name: "Add mailbox" });

    await user.type(within(form).getByLabelText("Name"), "Support");
    await user.type(within(form).getByLabelText("Address"), "support@shop.example");
    await user.selectOptions(within(form).getByLabelText("Channel"), "Channel:1");
    await user.type(within(form).getByLabelText("Server (host name)"), "imap.shop.example");
    await user.clear(within(form).getByLabelText("Port"));
    await user.type(within(form).getByLabelText("Port"), "99x");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Not saved: Port must be a whole number.",
    );
    expect(callsOf("SettingsMailboxCreate")).toHaveLength(0);
    expect(within(form).getByLabelText("Name")).toHaveValue("Support");
  });

  it("moves the port with the encryption while it is the usual one", async () => {
    const user = userEvent.setup();

    setup();
    await screen.findAllByTestId("mailbox-row");
    await user.click(screen.getByRole("button", { name: "Add mailbox" }));
    const form = screen.getByRole("form", { name: "Add mailbox" });
    const port = within(form).getByLabelText("Port");

    expect(port).toHaveValue("993");
    await user.selectOptions(within(form).getByLabelText("Encryption"), "STARTTLS");
    expect(port).toHaveValue("143");
    await user.clear(port);
    await user.type(port, "1143");
    await user.selectOptions(within(form).getByLabelText("Encryption"), "SSL");
    expect(port).toHaveValue("1143");
  });

  it("lists the messages to review; accepting sends its id and reloads, unreadable ones can only be rejected", async () => {
    const user = userEvent.setup();
    let waiting = [
      listedEmail(),
      listedEmail({
        id: "HelpdeskInboundEmail:2",
        status: "MALFORMED",
        fromName: "",
        fromAddress: "broken@example.net",
        ticket: null,
        note: "The message could not be read as sent (StartBoundaryNotFoundDefect).",
      }),
    ];
    const { callsOf } = setup({
      InboundEmailList: () => emailList(waiting),
      InboundEmailAccept: () => {
        waiting = waiting.slice(1);

        return {
          helpdeskInboundEmailAccept: {
            errors: [],
            inboundEmail: { id: "HelpdeskInboundEmail:1", status: "ACCEPTED", reviewedAt: null },
            ticket: { id: "Ticket:1", number: 10001 },
          },
        };
      },
    });
    const items = await screen.findAllByTestId("inbound-email");
    const [unverified, malformed] = items;

    expect(screen.getByTestId("review-total")).toHaveTextContent("2 to review");
    expect(callsOf("InboundEmailList")[0]!.variables).toStrictEqual({
      mailbox: null,
      status: ["UNVERIFIED", "HELD", "MALFORMED"],
      first: 20,
      after: null,
    });
    expect(unverified).toHaveTextContent("Unverified sender");
    expect(unverified).toHaveTextContent("Sabine Schmidt <sabine@example.org>");
    expect(within(unverified!).getByRole("link", { name: "#10001 Becher kaputt" })).toHaveAttribute(
      "href",
      "#/tickets/Ticket%3A1",
    );
    expect(
      within(unverified!).getByRole("button", {
        name: "View the original of the e-mail from Sabine Schmidt <sabine@example.org>",
      }),
    ).toBeInTheDocument();
    expect(within(malformed!).queryByRole("button", { name: /^Accept/ })).toBeNull();
    expect(
      within(malformed!).getByRole("button", {
        name: "Reject the message from broken@example.net",
      }),
    ).toBeInTheDocument();
    expect(malformed).toHaveTextContent("StartBoundaryNotFoundDefect");

    await user.click(
      within(unverified!).getByRole("button", {
        name: "Accept the message from Sabine Schmidt <sabine@example.org>",
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId("inbound-email")).toHaveLength(1));
    expect(callsOf("InboundEmailAccept")[0]!.variables).toStrictEqual({
      id: "HelpdeskInboundEmail:1",
    });
    // the list's counts follow (the mailboxes are asked again)
    expect(callsOf("SettingsMailboxes").length).toBeGreaterThan(1);
  });

  it("shows every message when asked, and says when nothing waits", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      InboundEmailList: (v) =>
        emailList(v.status ? [] : [listedEmail({ status: "AUTOMATIC", note: "Out of office." })]),
    });

    expect(await screen.findByText("Nothing to review.")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Show"), "all");
    const item = await screen.findByTestId("inbound-email");

    expect(item).toHaveTextContent("Automatic message, ignored");
    expect(within(item).queryByRole("button", { name: /^(Accept|Reject)/ })).toBeNull();
    expect(callsOf("InboundEmailList").at(-1)!.variables.status).toBeNull();
  });

  it("speaks German", async () => {
    setup({}, "de");
    expect(await screen.findByRole("heading", { name: "E-Mail-Eingang" })).toBeInTheDocument();
    expect(await screen.findByText("Absender nicht bestätigt")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Postfach hinzufügen" })).toBeInTheDocument();
  });
});
