import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../../test/fakeClient";
import { options, type Ticket, ticketDetails } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { TicketPage } from "./TicketPage";

type Handler = (variables: Record<string, unknown>) => unknown;

function setup(ticket: Ticket, handlers: Record<string, Handler> = {}, smsEnabled = false) {
  const fake = createFakeClient({
    TicketDetails: () => ({ helpdeskSmsEnabled: smsEnabled, ticket }),
    InboxOptions: () => options,
    TicketRefundList: () => ({ ticket: { id: "Ticket:1", refunds: [] } }),
    ResponseTemplates: () => ({ responseTemplates: [] }),
    ...handlers,
  });

  return { ...fake, ...renderApp(<TicketPage id="Ticket:1" />, { client: fake.client }) };
}

describe("Reply box: SMS", () => {
  it("offers SMS to the ticket's number, counts the parts and sends the text", async () => {
    const user = userEvent.setup();
    const { callsOf, host } = setup(
      { ...ticketDetails().ticket!, smsNumber: "+4915112345678" },
      {
        TicketSmsSend: () => ({
          ticketSmsSend: {
            errors: [],
            comment: {
              id: "C:9",
              body: "<p>Ersatz ist unterwegs.</p>",
              visibility: "PUBLIC",
              medium: "SMS",
              createdAt: "2025-01-13T10:00:00+00:00",
            },
            ticket: {
              id: "Ticket:1",
              status: { id: "st-open", slug: "in-progress" },
              firstResponseAt: null,
              lastActivityAt: "2025-01-13T10:00:00+00:00",
            },
          },
        }),
      },
      true,
    );
    const form = await screen.findByRole("form", { name: "Answer" });
    const sms = within(form).getByRole("radio", { name: "📱 SMS" });

    await user.click(sms);
    expect(sms).toHaveAttribute("aria-checked", "true");
    expect(form).toHaveTextContent("SMS to +4915112345678");
    // no files and no status change by SMS
    expect(within(form).queryByLabelText("Attach files")).toBeNull();
    expect(within(form).queryByLabelText("Status with the reply")).toBeNull();
    await user.type(within(form).getByLabelText("Message"), "  Ersatz ist unterwegs.  ");
    expect(within(form).getByTestId("sms-size")).toHaveTextContent("21 characters, 1 SMS");
    await user.click(within(form).getByRole("button", { name: "Send SMS" }));

    await waitFor(() => expect(callsOf("TicketSmsSend")).toHaveLength(1));
    expect(callsOf("TicketSmsSend")[0]!.variables).toStrictEqual({
      id: "Ticket:1",
      body: "Ersatz ist unterwegs.",
    });
    expect(callsOf("ReplyOrNote")).toHaveLength(0);
    expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "SMS sent." });
  });

  it("refuses a text longer than three parts before sending", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup(
      { ...ticketDetails().ticket!, smsNumber: "+4915112345678" },
      {},
      true,
    );
    const form = await screen.findByRole("form", { name: "Answer" });

    await user.click(within(form).getByRole("radio", { name: "📱 SMS" }));
    await user.click(within(form).getByLabelText("Message"));
    await user.paste("🙂".repeat(101));
    expect(within(form).getByTestId("sms-size")).toHaveTextContent(
      "202 characters (special characters: 70 per SMS), 4 SMS",
    );
    await user.click(within(form).getByRole("button", { name: "Send SMS" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Too long for an SMS reply: at most 201 characters here.",
    );
    expect(callsOf("TicketSmsSend")).toHaveLength(0);
  });

  it("offers SMS only where the shop sends SMS, and not without a mobile number", async () => {
    setup(ticketDetails().ticket!, {}, true);
    const form = await screen.findByRole("form", { name: "Answer" });

    expect(within(form).getByRole("radio", { name: "📱 SMS" })).toBeDisabled();
    expect(form).toHaveTextContent("No mobile number on the order or the customer's addresses.");
  });

  it("has no SMS option when the shop sends no SMS", async () => {
    setup({ ...ticketDetails().ticket!, smsNumber: "+4915112345678" });
    const form = await screen.findByRole("form", { name: "Answer" });

    expect(
      within(form)
        .getAllByRole("radio")
        .map((r) => r.textContent),
    ).toStrictEqual(["Public reply", "🔒 Internal note"]);
  });
});
