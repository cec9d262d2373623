import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../../test/fakeClient";
import { options, ticketDetails } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { TicketPage } from "./TicketPage";

function setup(
  overrides: Record<string, (variables: Record<string, unknown>) => unknown> = {},
  details = ticketDetails(),
) {
  const fake = createFakeClient({
    TicketDetails: () => details,
    InboxOptions: () => options,
    TicketRefundList: () => ({ ticket: { id: "Ticket:1", refunds: [] } }),
    // The time panel (src/effort): its own tests cover it.
    TicketTime: () => ({
      ticketTime: { totalSeconds: 0, people: [], entries: [], points: null, contract: null },
    }),
    TicketTimeHeartbeat: () => ({
      ticketTimeHeartbeat: { errors: [], tracking: { tracking: true, seconds: 0, beatAt: "" } },
    }),
    ResponseTemplates: () => ({
      responseTemplates: [
        { id: "Tpl:1", name: "Ersatz unterwegs", languageCode: "de", isActive: true, kind: null },
      ],
    }),
    ResponseTemplatePreview: () => ({
      responseTemplatePreview: {
        subject: "Ersatz",
        body: "<p>Hallo Carla,</p><p>Ersatz ist unterwegs.</p>",
      },
    }),
    ...overrides,
  });
  const rendered = renderApp(<TicketPage id="Ticket:1" />, { client: fake.client });

  return { ...fake, ...rendered };
}

describe("Ticket page", () => {
  it("shows the conversation and timeline in order, internal notes distinctly", async () => {
    setup();
    await screen.findByRole("heading", { name: "#10001 Becher kaputt" });

    const comments = screen.getAllByTestId("comment");

    expect(comments).toHaveLength(3);
    const note = comments.find((c) => c.getAttribute("data-visibility") === "INTERNAL")!;
    const publicReplies = comments.filter((c) => c.getAttribute("data-visibility") === "PUBLIC");

    expect(note).toHaveAccessibleName("Internal note: Anna Agent");
    expect(within(note).getByText(/Internal note/)).toBeInTheDocument();
    expect(note).toHaveTextContent("Kundin ist Stammkundin");
    for (const reply of publicReplies) {
      expect(reply).not.toHaveTextContent("Internal note");
      expect(reply.className).not.toBe(note.className);
    }

    // Comments and events interleave by date; a note's own "note added" event is not repeated.
    const timeline = screen.getByRole("list", { name: "Conversation and timeline" });
    const entries = within(timeline)
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? "");

    expect(entries[0]).toMatch(/^• Ticket opened/);
    expect(entries[1]).toMatch(/Der Henkel ist ab/);
    expect(entries[2]).toMatch(/Status changed from New to In progress by Anna Agent/);
    expect(entries[3]).toMatch(/Kundin ist Stammkundin/);
    expect(entries[4]).toMatch(/Wir schicken Ersatz/);
    expect(entries[5]).toMatch(
      /E-mail failed: Reply from the shop \(to the customer\) \(SMTP down\)/,
    );
    expect(entries).toHaveLength(6);
  });

  it("keeps the typed reply when sending fails, and clears it when it succeeds", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const { callsOf } = setup({
      ReplyOrNote: () => {
        attempt += 1;
        if (attempt === 1)
          return {
            ticketCommentAdd: {
              errors: [
                { field: "body", code: "BODY_TOO_LONG", message: "The message is too long." },
              ],
              comment: null,
              ticket: null,
            },
          };
        if (attempt === 2) throw new Error("Network down");

        return {
          ticketCommentAdd: {
            errors: [],
            comment: {
              id: "C:9",
              body: "Hallo",
              visibility: "PUBLIC",
              createdAt: "2025-01-13T10:00:00+00:00",
            },
            ticket: {
              id: "Ticket:1",
              status: { id: "st-wait", slug: "waiting-customer" },
              firstResponseAt: null,
              lastActivityAt: "2025-01-13T10:00:00+00:00",
            },
          },
        };
      },
    });

    await screen.findByRole("heading", { name: "#10001 Becher kaputt" });
    const box = screen.getByRole("textbox", { name: "Message" });

    await user.type(box, "Hallo Carla, Ersatz ist unterwegs.");
    await user.selectOptions(screen.getByLabelText("Status with the reply"), "st-wait");
    await user.click(screen.getByRole("button", { name: "Send reply" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not sent, your text is kept: body: The message is too long.",
    );
    expect(box).toHaveValue("Hallo Carla, Ersatz ist unterwegs.");
    expect(callsOf("ReplyOrNote")[0]!.variables).toStrictEqual({
      id: "Ticket:1",
      input: { body: "Hallo Carla, Ersatz ist unterwegs.", internal: false, status: "st-wait" },
    });

    await user.click(screen.getByRole("button", { name: "Send reply" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Network down"));
    expect(box).toHaveValue("Hallo Carla, Ersatz ist unterwegs.");

    const detailsBefore = callsOf("TicketDetails").length;

    await user.click(screen.getByRole("button", { name: "Send reply" }));
    await waitFor(() => expect(box).toHaveValue(""));
    await waitFor(() => expect(callsOf("TicketDetails").length).toBeGreaterThan(detailsBefore));
  });

  it("sends an internal note when switched to internal, and inserts a response template", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      ReplyOrNote: () => ({
        ticketCommentAdd: {
          errors: [],
          comment: {
            id: "C:9",
            body: "x",
            visibility: "INTERNAL",
            createdAt: "2025-01-13T10:00:00+00:00",
          },
          ticket: null,
        },
      }),
    });

    await screen.findByRole("heading", { name: "#10001 Becher kaputt" });
    expect(callsOf("ResponseTemplates")[0]!.variables).toStrictEqual({
      languageCode: "de",
      kind: "COMPLAINT",
    });

    await user.selectOptions(screen.getByLabelText("Response template"), "Tpl:1");
    const box = screen.getByRole("textbox", { name: "Message" });

    await waitFor(() => expect(box).toHaveValue("Hallo Carla,\n\nErsatz ist unterwegs."));
    expect(callsOf("ResponseTemplatePreview")[0]!.variables).toStrictEqual({
      id: "Tpl:1",
      ticket: "Ticket:1",
    });

    await user.click(screen.getByRole("radio", { name: /Internal note/ }));
    expect(screen.getByRole("radio", { name: /Internal note/ })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await user.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(callsOf("ReplyOrNote")).toHaveLength(1));
    expect(callsOf("ReplyOrNote")[0]!.variables).toStrictEqual({
      id: "Ticket:1",
      input: { body: "Hallo Carla,\n\nErsatz ist unterwegs.", internal: true },
    });
  });

  it("saves each side-panel change and shows a refused one", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      TicketUpdate: () => ({
        ticketUpdate: {
          errors: [],
          ticket: {
            id: "Ticket:1",
            dueDate: null,
            isOverdue: false,
            ccEmails: [],
            priority: { id: "pr-high", slug: "high" },
            category: null,
          },
        },
      }),
      UpdateTicketStatus: () => ({
        ticketStatusUpdate: {
          errors: [
            { field: "status", code: "INVALID_TRANSITION", message: "Not allowed from here." },
          ],
          ticket: null,
        },
      }),
      TicketAssign: () => ({
        ticketAssign: {
          errors: [],
          ticket: { id: "Ticket:1", assignee: options.supportAgents![1]!.user },
        },
      }),
    });

    await screen.findByRole("heading", { name: "#10001 Becher kaputt" });

    await user.selectOptions(screen.getByLabelText("Priority"), "pr-high");
    await waitFor(() =>
      expect(callsOf("TicketUpdate")[0]!.variables).toStrictEqual({
        id: "Ticket:1",
        input: { priority: "pr-high" },
      }),
    );
    expect(await screen.findByText("Saved")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Status"), "st-closed");
    expect(
      await screen.findByText("Not saved: status: Not allowed from here."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Status")).toHaveValue("st-closed");

    await user.selectOptions(screen.getByLabelText("Assignee"), "User:2");
    await waitFor(() =>
      expect(callsOf("TicketAssign")[0]!.variables).toStrictEqual({
        id: "Ticket:1",
        assignee: "User:2",
      }),
    );

    const cc = screen.getByLabelText("CC e-mails");

    await user.type(cc, "chef@example.com, buch@example.com");
    await user.click(within(cc.closest("form")!).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(callsOf("TicketUpdate").at(-1)!.variables).toStrictEqual({
        id: "Ticket:1",
        input: { ccEmails: ["chef@example.com", "buch@example.com"] },
      }),
    );
  });

  it("shows the customer and order panels", async () => {
    setup();
    const customer = await screen.findByRole("region", { name: "Customer" });

    expect(customer).toHaveTextContent("Carla Customer");
    expect(customer).toHaveTextContent("3");
    expect(customer).toHaveTextContent("€150.50");
    expect(within(customer).getByRole("link", { name: "#10002 Lieferzeit?" })).toHaveAttribute(
      "href",
      "#/tickets/Ticket%3A2",
    );
    const order = screen.getByRole("region", { name: "Order #1042" });

    expect(order).toHaveTextContent("Kaffeebecher (Blau)");
    expect(
      within(order).getByRole("button", { name: "Open the order in the Dashboard" }),
    ).toBeInTheDocument();
    const payment = within(order).getByTestId("order-payment");

    expect(payment).toHaveTextContent("Kreditkarte · charged €40.10");
    expect(payment).toHaveTextContent("refunded €19.80");
    expect(payment).not.toHaveTextContent("refund pending");
  });

  it("shows the complaint's lines, photos and resolution, and saves a decision", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      ComplaintDecide: () => ({
        complaintDecide: {
          errors: [],
          complaint: {
            decision: "REPLACEMENT",
            decisionNote: "",
            decidedAt: "2025-01-13T10:00:00+00:00",
            requestedResolution: "REPLACEMENT",
          },
        },
      }),
    });
    const section = await screen.findByRole("region", { name: "Complaint" });
    const line = within(section).getByTestId("complaint-line");

    expect(line).toHaveTextContent("Kaffeebecher");
    expect(line).toHaveTextContent("2");
    expect(line).toHaveTextContent("Damaged in transit");
    expect(line).toHaveTextContent("Henkel ab");
    expect(within(section).getByRole("figure")).toHaveTextContent("photo.jpg");
    expect(section).toHaveTextContent("Requested resolution");
    expect(section).toHaveTextContent("Replacement");
    expect(within(section).getByTestId("complaint-decision")).toHaveTextContent("Pending");

    await user.selectOptions(within(section).getByLabelText("Decision"), "REPLACEMENT");
    await user.type(within(section).getByLabelText("Note for the customer"), "Ersatz geht raus.");
    await user.click(within(section).getByRole("button", { name: "Save decision" }));
    await waitFor(() =>
      expect(callsOf("ComplaintDecide")[0]!.variables).toStrictEqual({
        id: "Ticket:1",
        input: { decision: "REPLACEMENT", note: "Ersatz geht raus." },
      }),
    );
  });

  it("claims the ticket", async () => {
    const user = userEvent.setup();
    const { callsOf, host } = setup({
      TicketClaim: () => ({
        ticketClaim: {
          errors: [],
          ticket: { id: "Ticket:1", assignee: options.supportAgents![0]!.user },
        },
      }),
    });

    await user.click(await screen.findByRole("button", { name: "Claim" }));
    await waitFor(() => expect(callsOf("TicketClaim")).toHaveLength(1));
    expect(host.notify).toHaveBeenCalledWith({
      status: "success",
      title: "The ticket is now yours.",
    });
  });

  it("says when the ticket does not exist", async () => {
    setup({}, { helpdeskSmsEnabled: false, ticket: null });
    expect(
      await screen.findByText("This ticket does not exist or you may not see it."),
    ).toBeInTheDocument();
  });
});
