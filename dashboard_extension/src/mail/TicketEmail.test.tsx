import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { TicketInboundEmailsQuery } from "../generated/graphql";
import { TicketPage } from "../screens/ticket/TicketPage";
import { createFakeClient } from "../test/fakeClient";
import { options, type Ticket, ticketDetails } from "../test/fixtures";
import { listedEmail } from "../test/mailFixtures";
import { renderApp } from "../test/render";
import { noteworthy } from "./TicketEmail";

type Handler = (variables: Record<string, unknown>) => unknown;
type Email = NonNullable<NonNullable<TicketInboundEmailsQuery["ticket"]>["inboundEmails"]>[number];

const ORIGINAL = "http://localhost:3000/plugins/global/saleor.helpdesk/inbound-emails/7/original/";

/** The ticket came by e-mail: the customer's message, and a reply from another address. */
function emailTicket(status: "UNVERIFIED" | "ACCEPTED" = "UNVERIFIED"): Ticket {
  const ticket = ticketDetails().ticket!;

  return {
    ...ticket,
    kind: "QUESTION",
    complaint: null,
    source: "EMAIL",
    comments: {
      totalCount: 2,
      edges: [
        {
          node: {
            id: "C:1",
            body: "<p>Der Deckel fehlt.</p>",
            authorType: "CUSTOMER",
            authorName: "Carla Customer",
            visibility: "PUBLIC",
            medium: "EMAIL",
            createdAt: "2025-01-10T10:00:00+00:00",
            attachments: [],
            email: {
              id: "HelpdeskInboundEmail:6",
              status: "PROCESSED",
              fromAddress: "carla@example.com",
              fromName: "Carla Customer",
              originalUrl: ORIGINAL.replace("/7/", "/6/"),
            },
          },
        },
        {
          node: {
            id: "C:2",
            body: "<p>Bitte an meine Büroadresse schicken.</p>",
            authorType: status === "UNVERIFIED" ? "SYSTEM" : "CUSTOMER",
            authorName: "Sabine Customer",
            visibility: status === "UNVERIFIED" ? "INTERNAL" : "PUBLIC",
            medium: "EMAIL",
            createdAt: "2025-01-11T10:00:00+00:00",
            attachments: [],
            email: {
              id: "HelpdeskInboundEmail:7",
              status,
              fromAddress: "sabine@example.org",
              fromName: "Sabine Customer",
              originalUrl: ORIGINAL,
            },
          },
        },
      ],
    },
  };
}

function setup(ticket: Ticket, handlers: Record<string, Handler> = {}, smsEnabled = false) {
  let current = ticket;
  const fake = createFakeClient({
    TicketDetails: () => ({ helpdeskSmsEnabled: smsEnabled, ticket: current }),
    InboxOptions: () => options,
    TicketRefundList: () => ({ ticket: { id: "Ticket:1", refunds: [] } }),
    ResponseTemplates: () => ({ responseTemplates: [] }),
    TicketInboundEmails: () => ({ ticket: { id: "Ticket:1", inboundEmails: [] } }),
    ...handlers,
  });
  const rendered = renderApp(<TicketPage id="Ticket:1" />, { client: fake.client });

  return { ...fake, ...rendered, replace: (next: Ticket) => (current = next) };
}

describe("Ticket page: e-mail", () => {
  it("marks comments that came by e-mail with their sender and the original", async () => {
    const user = userEvent.setup();

    setup(emailTicket());
    const [first] = await screen.findAllByTestId("comment");

    expect(within(first!).getByTestId("email-badge")).toHaveTextContent(
      "✉ E-mail from carla@example.com",
    );
    // A message simply taken in needs no status word.
    expect(within(first!).getByTestId("email-badge")).not.toHaveTextContent("Taken in");
    await user.click(
      within(first!).getByRole("button", {
        name: "View the original of the e-mail from Carla Customer <carla@example.com>",
      }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Original message" });

    // the fake client's file (fetched with the token, not a bare link)
    expect(await within(dialog).findByTestId("original-message")).toHaveTextContent("file");
    expect(within(dialog).getByRole("button", { name: "Download (.eml)" })).toBeInTheDocument();
  });

  it("shows a banner for a reply from an unverified sender and accepts it", async () => {
    const user = userEvent.setup();
    const { callsOf, replace, host } = setup(emailTicket(), {
      InboundEmailAccept: () => {
        replace(emailTicket("ACCEPTED"));

        return {
          helpdeskInboundEmailAccept: {
            errors: [],
            inboundEmail: { id: "HelpdeskInboundEmail:7", status: "ACCEPTED", reviewedAt: null },
            ticket: { id: "Ticket:1", number: 10001 },
          },
        };
      },
    });
    const banner = await screen.findByRole("region", {
      name: "Unverified sender: sabine@example.org is not on this ticket",
    });

    expect(banner).toHaveTextContent(
      "Accept it to add it to the customer's conversation (and sabine@example.org to the ticket's CC), or reject it.",
    );
    const note = screen
      .getAllByTestId("comment")
      .find((c) => c.getAttribute("data-visibility") === "INTERNAL")!;

    expect(within(note).getByTestId("email-badge")).toHaveTextContent(
      "✉ E-mail from sabine@example.orgUnverified sender",
    );
    const loads = callsOf("TicketDetails").length;

    await user.click(within(banner).getByRole("button", { name: "Accept" }));
    await waitFor(() => expect(screen.queryByTestId("unverified-banner")).toBeNull());
    expect(callsOf("InboundEmailAccept")[0]!.variables).toStrictEqual({
      id: "HelpdeskInboundEmail:7",
    });
    expect(callsOf("TicketDetails").length).toBeGreaterThan(loads);
    expect(host.notify).toHaveBeenCalledWith({
      status: "success",
      title: "Accepted: the message was taken in.",
    });
    const accepted = screen.getAllByTestId("comment")[1]!;

    expect(accepted).toHaveAttribute("data-visibility", "PUBLIC");
    expect(within(accepted).getByTestId("email-badge")).toHaveTextContent("Accepted");
  });

  it("keeps the banner and says why when rejecting is refused", async () => {
    const user = userEvent.setup();
    const { host } = setup(emailTicket(), {
      InboundEmailReject: () => ({
        helpdeskInboundEmailReject: {
          errors: [
            {
              field: "id",
              code: "INVALID",
              message: "This message was already decided on (Accepted by staff).",
            },
          ],
          inboundEmail: null,
        },
      }),
    });
    const banner = await screen.findByTestId("unverified-banner");

    await user.click(within(banner).getByRole("button", { name: "Reject" }));
    await waitFor(() =>
      expect(host.notify).toHaveBeenCalledWith({
        status: "error",
        title: "Not done: id: This message was already decided on (Accepted by staff).",
      }),
    );
    expect(screen.getByTestId("unverified-banner")).toBeInTheDocument();
  });

  it("lists what was held, refused or bounced on the ticket; asks only for tickets with e-mail", async () => {
    const bounce = {
      ...listedEmail({
        id: "HelpdeskInboundEmail:9",
        status: "BOUNCE",
        fromName: "Mail Delivery System",
        fromAddress: "mailer-daemon@example.com",
        note: "Bounce of helpdesk.10001.abc@shop.example.",
      }),
    } as Email;
    const { callsOf } = setup(emailTicket(), {
      TicketInboundEmails: () => ({ ticket: { id: "Ticket:1", inboundEmails: [bounce] } }),
    });
    const item = await screen.findByTestId("ticket-email");

    expect(item).toHaveTextContent("Bounce");
    expect(item).toHaveTextContent("Mail Delivery System <mailer-daemon@example.com>");
    expect(item).toHaveTextContent("Bounce of helpdesk.10001.abc@shop.example.");
    expect(callsOf("TicketInboundEmails")[0]!.variables).toStrictEqual({ id: "Ticket:1" });
  });

  it("asks nothing about e-mail for a ticket that never had any", async () => {
    const { callsOf } = setup(ticketDetails().ticket!);

    await screen.findAllByTestId("comment");
    expect(screen.queryByTestId("email-badge")).toBeNull();
    expect(screen.queryByTestId("unverified-banner")).toBeNull();
    expect(callsOf("TicketInboundEmails")).toHaveLength(0);
  });

  it("leaves out what simply joined the conversation or has a banner of its own", () => {
    const email = (status: Email["status"], note = "") =>
      ({ ...listedEmail({ id: status, status, note }) }) as Email;

    expect(
      noteworthy([
        email("PROCESSED"),
        email("ACCEPTED"),
        email("UNVERIFIED", "Sent by x."),
        email("PROCESSED", "Files of this e-mail that were not attached: a.exe"),
        email("HELD", "held"),
        email("REJECTED"),
      ]).map((e) => e.id),
    ).toStrictEqual(["PROCESSED", "HELD", "REJECTED"]);
  });
});
