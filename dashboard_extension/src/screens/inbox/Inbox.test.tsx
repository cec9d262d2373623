import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import { parseHash } from "../../router";
import { Screens } from "../../Screens";
import { createFakeClient } from "../../test/fakeClient";
import { counts, helpdeskChannels, inboxPage, inboxTicket, options } from "../../test/fixtures";
import { renderApp } from "../../test/render";

const tickets = [
  inboxTicket({
    id: "Ticket:1",
    number: 10001,
    subject: "Becher kaputt",
    customerName: "Zoe Zimmer",
  }),
  inboxTicket({
    id: "Ticket:2",
    number: 10002,
    subject: "Lieferzeit?",
    customerName: "Anton Amsel",
  }),
  inboxTicket({ id: "Ticket:3", number: 10003, subject: "Rechnung", customerName: "Mia Maier" }),
];

function setup(overrides: Record<string, (variables: Record<string, unknown>) => unknown> = {}) {
  const fake = createFakeClient({
    InboxOptions: () => options,
    Inbox: () => inboxPage(tickets, 40),
    InboxCounts: () => counts,
    HelpdeskChannels: () => helpdeskChannels,
    ...overrides,
  });
  const rendered = renderApp(<Screens />, { client: fake.client });

  return { ...fake, ...rendered };
}

const query = () => parseHash(window.location.hash).query;
const lastInbox = (calls: ReturnType<typeof createFakeClient>["calls"]) =>
  calls.filter((c) => c.operation === "Inbox").at(-1)!;

describe("Inbox", () => {
  beforeEach(() => {
    window.location.hash = "#/inbox";
  });

  it("reads tab, filters, search and sorting from the URL and sends them to the API", async () => {
    window.location.hash =
      "#/inbox?tab=waiting&q=becher&kind=COMPLAINT&status=waiting-customer&priority=high&assignee=User%3A2&overdue=1&channel=Channel%3A1&sort=created&dir=ASC";
    const { calls } = setup();

    await screen.findByText("Becher kaputt");

    const inbox = lastInbox(calls);

    expect(inbox.variables).toMatchObject({
      first: 50,
      languageCode: "en",
      sortBy: { field: "CREATED_AT", direction: "ASC" },
      filter: {
        search: "becher",
        kinds: ["COMPLAINT"],
        statuses: ["waiting-customer"],
        priorities: ["high"],
        assignees: ["User:2"],
        overdue: true,
        channels: ["Channel:1"],
        statusGroups: ["WAITING"],
      },
    });
    // The controls show what the URL says.
    expect(screen.getByLabelText("Kind")).toHaveValue("COMPLAINT");
    expect(screen.getByLabelText("Priority")).toHaveValue("high");
    expect(screen.getByLabelText("Search tickets")).toHaveValue("becher");
    expect(screen.getByRole("checkbox", { name: "Overdue only" })).toBeChecked();
    expect(screen.getByRole("tab", { name: /Waiting/ })).toHaveAttribute("aria-selected", "true");
  });

  it("writes filters and the search to the URL and reloads with them", async () => {
    const user = userEvent.setup();
    const { calls } = setup();

    await screen.findByText("Becher kaputt");

    await user.selectOptions(screen.getByLabelText("Kind"), "COMPLAINT");
    await waitFor(() => expect(query().get("kind")).toBe("COMPLAINT"));
    await user.selectOptions(screen.getByLabelText("Status"), "waiting-customer");
    await waitFor(() => expect(query().get("status")).toBe("waiting-customer"));
    await user.click(screen.getByRole("checkbox", { name: "Unassigned only" }));
    await waitFor(() => expect(query().get("unassigned")).toBe("1"));
    await user.type(screen.getByLabelText("Search tickets"), "Henkel{Enter}");
    await waitFor(() => expect(query().get("q")).toBe("Henkel"));

    await waitFor(() =>
      expect(lastInbox(calls).variables.filter).toStrictEqual({
        search: "Henkel",
        kinds: ["COMPLAINT"],
        statuses: ["waiting-customer"],
        unassigned: true,
        statusGroups: ["NEW", "OPEN"],
      }),
    );
    // Clearing the filters empties the URL again (the tab stays).
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect([...query().keys()]).toStrictEqual([]));
  });

  it("shows the tabs with their counts under the same filters and switches tabs", async () => {
    const user = userEvent.setup();

    window.location.hash = "#/inbox?kind=COMPLAINT";
    const { calls } = setup();

    await screen.findByText("Becher kaputt");

    const tabs = within(screen.getByRole("tablist", { name: "Ticket groups" })).getAllByRole("tab");

    expect(tabs.map((tab) => tab.textContent)).toStrictEqual([
      "All (40)",
      "Open (12)",
      "Waiting (7)",
      "Closed (21)",
    ]);
    expect(tabs[1]).toHaveAttribute("aria-selected", "true");

    const countCall = calls.find((c) => c.operation === "InboxCounts")!;

    expect(countCall.variables).toStrictEqual({
      all: { kinds: ["COMPLAINT"] },
      open: { kinds: ["COMPLAINT"], statusGroups: ["NEW", "OPEN"] },
      waiting: { kinds: ["COMPLAINT"], statusGroups: ["WAITING"] },
      closed: { kinds: ["COMPLAINT"], statusGroups: ["CLOSED"] },
    });

    await user.click(tabs[3]!);
    await waitFor(() => expect(query().get("tab")).toBe("closed"));
    await waitFor(() =>
      expect(lastInbox(calls).variables.filter).toStrictEqual({
        kinds: ["COMPLAINT"],
        statusGroups: ["CLOSED"],
      }),
    );
    expect(screen.getByRole("tab", { name: /Closed/ })).toHaveAttribute("aria-selected", "true");

    // Arrow keys move between tabs.
    screen.getByRole("tab", { name: /Closed/ }).focus();
    await user.keyboard("{ArrowLeft}");
    await waitFor(() => expect(query().get("tab")).toBe("waiting"));
  });

  it("sorts every column on the server and keeps the sorting in the URL", async () => {
    const user = userEvent.setup();
    const { calls } = setup();

    await screen.findByText("Becher kaputt");
    expect(lastInbox(calls).variables.sortBy).toStrictEqual({
      field: "LAST_ACTIVITY_AT",
      direction: "DESC",
    });

    await user.click(screen.getByRole("button", { name: "Number" }));
    await waitFor(() =>
      expect(lastInbox(calls).variables.sortBy).toStrictEqual({
        field: "NUMBER",
        direction: "DESC",
      }),
    );
    expect(query().get("sort")).toBe("number");
    expect(screen.getByRole("columnheader", { name: /Number/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );

    await user.click(screen.getByRole("button", { name: /Number/ }));
    await waitFor(() =>
      expect(lastInbox(calls).variables.sortBy).toStrictEqual({
        field: "NUMBER",
        direction: "ASC",
      }),
    );
    expect(query().get("dir")).toBe("ASC");

    await user.click(screen.getByRole("button", { name: "Title" }));
    await waitFor(() =>
      expect(lastInbox(calls).variables.sortBy).toStrictEqual({
        field: "SUBJECT",
        direction: "ASC",
      }),
    );
    expect(query().get("sort")).toBe("title");
    expect(screen.getByRole("columnheader", { name: /Title/ })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );

    await user.click(screen.getByRole("button", { name: "Customer" }));
    await waitFor(() =>
      expect(lastInbox(calls).variables.sortBy).toStrictEqual({
        field: "CUSTOMER",
        direction: "ASC",
      }),
    );
    await user.click(screen.getByRole("button", { name: /Customer/ }));
    await waitFor(() =>
      expect(lastInbox(calls).variables.sortBy).toStrictEqual({
        field: "CUSTOMER",
        direction: "DESC",
      }),
    );
    expect(query().get("sort")).toBe("customer");
    expect(query().get("dir")).toBeNull(); // DESC is the default, left out of the URL

    for (const [column, field] of [
      ["Status", "STATUS"],
      ["Assignee", "ASSIGNEE"],
      ["Channel", "CHANNEL"],
    ] as const) {
      await user.click(screen.getByRole("button", { name: column }));
      await waitFor(() =>
        expect(lastInbox(calls).variables.sortBy).toStrictEqual({ field, direction: "DESC" }),
      );
    }
    expect(query().get("sort")).toBe("channel");

    // The rows stay in the server's order: the page itself never sorts.
    const subjects = screen
      .getAllByTestId("ticket-row")
      .map((row) => within(row).getAllByRole("cell")[2]!.textContent);

    expect(subjects[0]).toContain("Becher kaputt");
    expect(screen.queryByText(/Sorted within this page/)).not.toBeInTheDocument();
  });

  it("a sort from the URL goes to the server as it is", async () => {
    window.location.hash = "#/inbox?sort=title&dir=ASC";
    const { calls } = setup();

    await screen.findByText("Becher kaputt");
    expect(lastInbox(calls).variables.sortBy).toStrictEqual({ field: "SUBJECT", direction: "ASC" });
  });

  it("offers the caller's helpdesk channels in the channel filter", async () => {
    const user = userEvent.setup();
    const { calls, callsOf } = setup({ Inbox: () => inboxPage([tickets[0]!], 1) });

    await screen.findByText("Becher kaputt");
    const select = screen.getByLabelText("Channel");

    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toStrictEqual(["Any", "Webshop DE", "Webshop CH"]),
    );
    expect(callsOf("HelpdeskChannels")).toHaveLength(1);

    // A channel that no loaded ticket is in can be chosen: its ID goes to the filter.
    await user.selectOptions(select, "Channel:2");
    await waitFor(() => expect(query().get("channel")).toBe("Channel:2"));
    await waitFor(() =>
      expect(lastInbox(calls).variables.filter).toStrictEqual({
        channels: ["Channel:2"],
        statusGroups: ["NEW", "OPEN"],
      }),
    );
  });

  it("bulk closes the selected tickets with one ticketBulkUpdate and reloads", async () => {
    const user = userEvent.setup();
    const { calls, callsOf, host } = setup({
      TicketBulkUpdate: () => ({ ticketBulkUpdate: { errors: [], count: 2, tickets: [] } }),
    });

    await screen.findByText("Becher kaputt");
    const inboxCallsBefore = callsOf("Inbox").length;

    await user.click(screen.getByRole("checkbox", { name: "Select ticket #10001" }));
    await user.click(screen.getByRole("checkbox", { name: "Select ticket #10003" }));
    expect(screen.getByText("2 selected")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Close selected" }));

    await waitFor(() => expect(callsOf("TicketBulkUpdate")).toHaveLength(1));
    expect(callsOf("TicketBulkUpdate")[0]!.variables).toStrictEqual({
      ids: ["Ticket:1", "Ticket:3"],
      input: { close: true },
    });
    await waitFor(() => expect(callsOf("Inbox").length).toBeGreaterThan(inboxCallsBefore));
    expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "2 tickets updated" });
    expect(calls.filter((c) => c.operation === "TicketBulkUpdate")).toHaveLength(1);
  });

  it("bulk assigns, and shows the API's refusal without changing anything", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      TicketBulkUpdate: () => ({
        ticketBulkUpdate: {
          errors: [
            {
              field: "ids",
              code: "INVALID_TRANSITION",
              message: "Ticket #10002 cannot be assigned.",
            },
          ],
          count: 0,
          tickets: [],
        },
      }),
    });

    await screen.findByText("Becher kaputt");
    await user.click(screen.getByRole("checkbox", { name: "Select all tickets on this page" }));
    await user.selectOptions(screen.getByLabelText("Assign selected to"), "User:2");
    await user.click(screen.getByRole("button", { name: "Assign" }));
    await waitFor(() => expect(callsOf("TicketBulkUpdate")).toHaveLength(1));
    expect(callsOf("TicketBulkUpdate")[0]!.variables).toStrictEqual({
      ids: ["Ticket:1", "Ticket:2", "Ticket:3"],
      input: { assignee: "User:2" },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Nothing was changed: ids: Ticket #10002 cannot be assigned.",
    );
    expect(screen.getByText("3 selected")).toBeInTheDocument();
  });

  it("opens the next unanswered ticket", async () => {
    const user = userEvent.setup();

    setup({
      NextUnansweredTicket: () => ({ nextUnansweredTicket: { id: "Ticket:9", number: 10009 } }),
    });
    await screen.findByText("Becher kaputt");
    await user.click(screen.getByRole("button", { name: "Next unanswered" }));
    await waitFor(() => expect(window.location.hash).toBe("#/tickets/Ticket%3A9"));
  });

  it("shows an empty state and an error state with retry", async () => {
    const user = userEvent.setup();
    let fail = true;

    setup({
      Inbox: () => {
        if (fail) throw new Error("Server unreachable");

        return inboxPage([]);
      },
    });
    expect(await screen.findByText(/Server unreachable/)).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No tickets match.")).toBeInTheDocument();
  });
});
