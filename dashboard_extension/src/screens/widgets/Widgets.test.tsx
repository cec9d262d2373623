import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Screens } from "../../Screens";
import { createFakeClient } from "../../test/fakeClient";
import { helpdeskChannels } from "../../test/fixtures";
import { makeHost, renderApp } from "../../test/render";

const widgetTickets = {
  tickets: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: "Ticket:1",
          number: 10001,
          kind: "COMPLAINT",
          subject: "Becher kaputt",
          createdAt: "2025-01-10T10:00:00+00:00",
          lastActivityAt: "2025-01-10T10:00:00+00:00",
          channel: { id: "Channel:1", slug: "webshop-de", name: "Webshop DE" },
          status: { id: "st-new", slug: "new", name: "New", group: "NEW", isClosed: false },
          assignee: null,
        },
      },
    ],
  },
};

describe("Widgets", () => {
  it("lists the order's tickets and opens a new ticket for the order", async () => {
    const user = userEvent.setup();

    window.location.hash = "#/order-widget?orderId=Order%3Aabc";
    const fake = createFakeClient({
      WidgetTickets: () => widgetTickets,
      StaffTicketCreate: () => ({
        ticketCreate: { errors: [], ticket: { id: "Ticket:2", number: 10002 } },
      }),
    });

    renderApp(<Screens />, { client: fake.client });
    const link = await screen.findByRole("link", { name: "#10001 Becher kaputt" });

    expect(link.getAttribute("href")).toMatch(/^#\/tickets\/Ticket%3A1\?back=/);
    expect(fake.callsOf("WidgetTickets")[0]!.variables).toStrictEqual({
      filter: { order: "Order:abc" },
      languageCode: "en",
    });

    await user.click(screen.getByRole("button", { name: "New ticket" }));
    await user.type(screen.getByLabelText("Subject"), "Rückfrage");
    await user.type(screen.getByLabelText("First message"), "Bitte Adresse prüfen");
    await user.click(screen.getByRole("button", { name: "Create ticket" }));
    await waitFor(() => expect(fake.callsOf("StaffTicketCreate")).toHaveLength(1));
    expect(fake.callsOf("StaffTicketCreate")[0]!.variables).toStrictEqual({
      input: {
        subject: "Rückfrage",
        body: "Bitte Adresse prüfen",
        kind: "QUESTION",
        order: "Order:abc",
      },
    });
    await waitFor(() => expect(fake.callsOf("WidgetTickets")).toHaveLength(2));
    // A ticket about an order takes the order's channel: no channel to pick.
    expect(fake.callsOf("HelpdeskChannels")).toHaveLength(0);
  });

  it("opens a new ticket for the customer in a channel picked from the helpdesk channels", async () => {
    const user = userEvent.setup();

    window.location.hash = "#/customer-widget?customerId=User%3A10";
    const fake = createFakeClient({
      WidgetTickets: () => widgetTickets,
      HelpdeskChannels: () => helpdeskChannels,
      StaffTicketCreate: () => ({
        ticketCreate: { errors: [], ticket: { id: "Ticket:2", number: 10002 } },
      }),
    });

    renderApp(<Screens />, { client: fake.client });
    await screen.findByRole("link", { name: "#10001 Becher kaputt" });
    await user.click(screen.getByRole("button", { name: "New ticket" }));
    const channel = screen.getByLabelText("Channel");

    await waitFor(() => expect(channel).toHaveValue("webshop-de"));
    expect(
      Array.from((channel as HTMLSelectElement).options).map((o) => o.textContent),
    ).toStrictEqual(["Webshop DE", "Webshop CH"]);
    await user.selectOptions(channel, "webshop-ch");
    await user.type(screen.getByLabelText("Subject"), "Rückruf");
    await user.type(screen.getByLabelText("First message"), "Bitte anrufen");
    await user.click(screen.getByRole("button", { name: "Create ticket" }));
    await waitFor(() => expect(fake.callsOf("StaffTicketCreate")).toHaveLength(1));
    expect(fake.callsOf("StaffTicketCreate")[0]!.variables).toStrictEqual({
      input: {
        subject: "Rückruf",
        body: "Bitte anrufen",
        kind: "QUESTION",
        customer: "User:10",
        channel: "webshop-ch",
      },
    });
  });

  it("loads where the Dashboard opens it and opens a ticket on the helpdesk's page", async () => {
    const user = userEvent.setup();

    // The Dashboard's order page loads the widget at its own page with its query.
    window.history.replaceState(
      null,
      "",
      "/dashboard/order-widget?domain=shop.example&saleorApiUrl=x&id=QXBwOjE%3D&orderId=Order%3Aabc&theme=light",
    );
    const fake = createFakeClient({ WidgetTickets: () => widgetTickets });
    const host = makeHost({ openTicket: vi.fn(), openApp: vi.fn() });

    renderApp(<Screens />, { client: fake.client, host });
    const link = await screen.findByRole("link", { name: "#10001 Becher kaputt" });

    expect(fake.callsOf("WidgetTickets")[0]!.variables).toStrictEqual({
      filter: { order: "Order:abc" },
      languageCode: "en",
    });

    await user.click(link);
    expect(host.openTicket).toHaveBeenCalledWith("Ticket:1");
    // The widget itself stays where it is.
    expect(window.location.hash).toBe("");
    await user.click(screen.getByRole("button", { name: "Open in the helpdesk" }));
    expect(host.openApp).toHaveBeenCalledOnce();
    window.history.replaceState(null, "", "/");
  });

  it("lists the customer's tickets, and says when the id is missing", async () => {
    window.location.hash = "#/customer-widget?customerId=User%3A10";
    const fake = createFakeClient({
      WidgetTickets: () => ({ tickets: { totalCount: 0, edges: [] } }),
    });
    const { unmount } = renderApp(<Screens />, { client: fake.client });

    expect(await screen.findByText("No tickets yet.")).toBeInTheDocument();
    expect(fake.callsOf("WidgetTickets")[0]!.variables).toStrictEqual({
      filter: { customer: "User:10" },
      languageCode: "en",
    });
    unmount();

    window.location.hash = "#/customer-widget";
    renderApp(<Screens />, { client: fake.client });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This widget needs customerId in its URL.",
    );
  });
});
