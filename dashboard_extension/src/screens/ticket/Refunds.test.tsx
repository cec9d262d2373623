import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { TicketRefundOptionsQuery } from "../../generated/graphql";
import { createFakeClient } from "../../test/fakeClient";
import { renderApp } from "../../test/render";
import { decimalPlaces, fromMinor, REFUND_POLL_MS, RefundsSection, toMinor } from "./Refunds";

const refundOptions: TicketRefundOptionsQuery = {
  ticketRefundOptions: {
    canRefund: true,
    unavailableReason: null,
    method: "TRANSACTION",
    currency: "EUR",
    fractionDigits: 2,
    maxAmount: "45.00",
    shippingAmount: "4.90",
    shippingRefundable: true,
    reasonRequired: true,
    suggestedReasonId: "Page:damaged",
    reasons: [
      { id: "Page:damaged", title: "Beschädigt" },
      { id: "Page:goodwill", title: "Kulanz" },
    ],
    lines: [
      {
        orderLineId: "OrderLine:1",
        productName: "Kaffeebecher",
        quantity: 4,
        refundableQuantity: 4,
        unitPrice: "9.90",
        suggestedQuantity: 2,
      },
      {
        orderLineId: "OrderLine:2",
        productName: "Teekanne",
        quantity: 1,
        refundableQuantity: 1,
        unitPrice: "29.90",
        suggestedQuantity: 0,
      },
    ],
  },
};

function setup(
  create: (variables: Record<string, unknown>) => unknown,
  refunds: unknown[] = [],
  options: TicketRefundOptionsQuery = refundOptions,
) {
  const fake = createFakeClient({
    TicketRefundList: () => ({ ticket: { id: "Ticket:1", refunds } }),
    TicketRefundOptions: () => options,
    TicketRefundCreate: create,
  });
  const rendered = renderApp(
    <RefundsSection ticketId="Ticket:1" hasOrder onChanged={() => undefined} />,
    { client: fake.client },
  );

  return { ...fake, ...rendered };
}

describe("Refund dialog", () => {
  it("converts decimal strings without drift, in the currency's smallest unit", () => {
    expect(toMinor("9.90", 2) * 3).toBe(2970);
    expect(fromMinor(toMinor("0.1", 2) + toMinor("0.2", 2), 2)).toBe("0.30");
    expect(toMinor("12,5", 2)).toBe(1250);
    expect(toMinor("4500", 0)).toBe(4500);
    expect(fromMinor(4500, 0)).toBe("4500");
    expect(toMinor("1.234", 3)).toBe(1234);
    expect(fromMinor(5, 3)).toBe("0.005");
    expect(toMinor("12.340", 2)).toBe(1234);
  });

  it("never rounds what was typed into another amount", () => {
    // More places than the currency has, signs, exponents and words are no amounts.
    for (const [text, digits] of [
      ["1.005", 2],
      ["0.0004", 2],
      ["4500.5", 0],
      ["1.2345", 3],
      ["-5", 2],
      ["1e2", 2],
      ["viel", 2],
    ] as const) {
      expect(toMinor(text, digits)).toBeNaN();
    }
    expect(decimalPlaces("1.005")).toBe(3);
    expect(decimalPlaces("1.50")).toBe(1);
    expect(decimalPlaces("45")).toBe(0);
  });

  it("refuses an amount with more decimal places than the currency has, before sending", async () => {
    const user = userEvent.setup();
    const kwd: TicketRefundOptionsQuery = {
      ticketRefundOptions: {
        ...refundOptions.ticketRefundOptions!,
        currency: "KWD",
        fractionDigits: 3,
        maxAmount: "45.000",
        shippingAmount: "1.500",
        reasonRequired: false,
        lines: [
          {
            orderLineId: "OrderLine:1",
            productName: "Kaffeebecher",
            quantity: 4,
            refundableQuantity: 4,
            unitPrice: "9.125",
            suggestedQuantity: 2,
          },
        ],
      },
    };
    const { callsOf } = setup(
      () => ({
        ticketRefundCreate: {
          errors: [],
          refund: {
            id: "Refund:1",
            state: "REQUESTED",
            amount: "1.234",
            currency: "KWD",
            failureMessage: null,
          },
        },
      }),
      [],
      kwd,
    );

    await user.click(await screen.findByRole("button", { name: "Refund…" }));
    const dialog = await screen.findByRole("dialog", { name: "Refund from this ticket" });
    const amount = within(dialog).getByLabelText("Amount (KWD)");

    // The lines' sum with the currency's three places.
    expect(amount).toHaveValue("18.250");

    await user.clear(amount);
    await user.type(amount, "1.2345");
    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "In KWD an amount has at most 3 decimal places.",
    );
    expect(callsOf("TicketRefundCreate")).toHaveLength(0);

    await user.clear(amount);
    await user.type(amount, "1.234");
    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    await user.click(within(dialog).getByRole("button", { name: "Refund now" }));
    await waitFor(() => expect(callsOf("TicketRefundCreate")).toHaveLength(1));
    expect(callsOf("TicketRefundCreate")[0]!.variables).toMatchObject({
      input: { amount: "1.234" },
    });
  });

  it("takes whole yen only", async () => {
    const user = userEvent.setup();
    const jpy: TicketRefundOptionsQuery = {
      ticketRefundOptions: {
        ...refundOptions.ticketRefundOptions!,
        currency: "JPY",
        fractionDigits: 0,
        maxAmount: "9000",
        shippingAmount: "500",
        reasonRequired: false,
        lines: [
          {
            orderLineId: "OrderLine:1",
            productName: "Teeschale",
            quantity: 2,
            refundableQuantity: 2,
            unitPrice: "4500",
            suggestedQuantity: 1,
          },
        ],
      },
    };
    const { callsOf } = setup(() => null, [], jpy);

    await user.click(await screen.findByRole("button", { name: "Refund…" }));
    const dialog = await screen.findByRole("dialog", { name: "Refund from this ticket" });
    const amount = within(dialog).getByLabelText("Amount (JPY)");

    expect(amount).toHaveValue("4500");

    await user.clear(amount);
    await user.type(amount, "4500.5");
    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "In JPY an amount has at most 0 decimal places.",
    );
    expect(callsOf("TicketRefundCreate")).toHaveLength(0);
  });

  it("preselects the complaint's lines and reason, caps the amount and asks for confirmation", async () => {
    const user = userEvent.setup();
    const { callsOf, host } = setup(() => ({
      ticketRefundCreate: {
        errors: [],
        refund: {
          id: "Refund:1",
          state: "REQUESTED",
          amount: "24.70",
          currency: "EUR",
          failureMessage: null,
        },
      },
    }));

    await user.click(await screen.findByRole("button", { name: "Refund…" }));
    const dialog = await screen.findByRole("dialog", { name: "Refund from this ticket" });

    expect(within(dialog).getByLabelText("Quantity to refund of Kaffeebecher")).toHaveValue(2);
    expect(within(dialog).getByLabelText("Quantity to refund of Teekanne")).toHaveValue(0);
    expect(within(dialog).getByLabelText("Refund reason")).toHaveValue("Page:damaged");
    const amount = within(dialog).getByLabelText("Amount (EUR)");

    expect(amount).toHaveValue("19.80");

    await user.click(within(dialog).getByRole("checkbox", { name: /Refund shipping/ }));
    expect(amount).toHaveValue("24.70");

    // Above the refundable maximum: refused before anything is sent.
    await user.clear(amount);
    await user.type(amount, "50");
    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "The amount exceeds the refundable maximum of €45.00.",
    );
    expect(callsOf("TicketRefundCreate")).toHaveLength(0);

    await user.clear(amount);
    await user.type(amount, "24.70");
    await user.type(
      within(dialog).getByLabelText("Reason in words (shown on the order)"),
      "Zwei Becher zerbrochen",
    );
    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    expect(
      within(dialog).getByText(
        "Refund €24.70 to the customer via transaction? This cannot be undone.",
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Refund now" }));

    await waitFor(() => expect(callsOf("TicketRefundCreate")).toHaveLength(1));
    const { variables } = callsOf("TicketRefundCreate")[0]!;

    expect(variables).toMatchObject({
      id: "Ticket:1",
      input: {
        lines: [{ orderLineId: "OrderLine:1", quantity: 2 }],
        includeShipping: true,
        amount: "24.70",
        reason: "Zwei Becher zerbrochen",
        reasonReferenceId: "Page:damaged",
      },
    });
    expect((variables.input as { idempotencyKey: string }).idempotencyKey).toMatch(/.{8,}/);
    expect(host.notify).toHaveBeenCalledWith({
      status: "success",
      title: "Refund of €24.70 started.",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("keeps the dialog and retries with the same idempotency key after a failure", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const { callsOf } = setup(() => {
      attempt += 1;
      if (attempt === 1) throw new Error("Gateway timeout");

      return {
        ticketRefundCreate: {
          errors: [{ field: "amount", code: "AMOUNT_EXCEEDS_REFUNDABLE", message: "Too much." }],
          refund: null,
        },
      };
    });

    await user.click(await screen.findByRole("button", { name: "Refund…" }));
    const dialog = await screen.findByRole("dialog");

    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    await user.click(within(dialog).getByRole("button", { name: "Refund now" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Not refunded: Gateway timeout",
    );
    expect(within(dialog).getByLabelText("Quantity to refund of Kaffeebecher")).toHaveValue(2);

    await user.click(within(dialog).getByRole("button", { name: "Review refund" }));
    await user.click(within(dialog).getByRole("button", { name: "Refund now" }));
    await waitFor(() =>
      expect(within(dialog).getByRole("alert")).toHaveTextContent(
        "Not refunded: amount: Too much.",
      ),
    );
    const [first, second] = callsOf("TicketRefundCreate");

    expect((first!.variables.input as { idempotencyKey: string }).idempotencyKey).toBe(
      (second!.variables.input as { idempotencyKey: string }).idempotencyKey,
    );
  });

  it("lists the ticket's refunds with their state", async () => {
    setup(
      () => null,
      [
        {
          id: "Refund:1",
          state: "FAILED",
          method: "TRANSACTION",
          amount: "19.80",
          currency: "EUR",
          includeShipping: false,
          lines: [{ orderLineId: "OrderLine:1", productName: "Kaffeebecher", quantity: 2 }],
          reason: "Bruch",
          reasonReferenceId: null,
          failureMessage: "Card expired",
          createdAt: "2025-01-12T10:00:00+00:00",
          completedAt: "2025-01-12T10:01:00+00:00",
        },
      ],
    );
    const refund = await screen.findByTestId("refund");

    expect(refund).toHaveTextContent("€19.80");
    expect(refund).toHaveTextContent("Failed");
    expect(refund).toHaveTextContent("2 × Kaffeebecher");
    expect(refund).toHaveTextContent("Payment app: Card expired");
  });

  it("follows a pending refund until the payment app has answered, then refreshes the ticket", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const refund = (state: string) => ({
        id: "Refund:1",
        state,
        method: "TRANSACTION",
        amount: "19.80",
        currency: "EUR",
        includeShipping: false,
        lines: [{ orderLineId: "OrderLine:1", productName: "Kaffeebecher", quantity: 2 }],
        reason: null,
        reasonReferenceId: null,
        failureMessage: null,
        createdAt: "2025-01-12T10:00:00+00:00",
        completedAt: state === "SUCCEEDED" ? "2025-01-12T10:01:00+00:00" : null,
      });
      let answered = false;
      const onChanged = vi.fn();
      const fake = createFakeClient({
        TicketRefundList: () => ({
          ticket: { id: "Ticket:1", refunds: [refund(answered ? "SUCCEEDED" : "PENDING")] },
        }),
        TicketRefundOptions: () => refundOptions,
      });

      renderApp(<RefundsSection ticketId="Ticket:1" hasOrder onChanged={onChanged} />, {
        client: fake.client,
      });
      expect(await screen.findByTestId("refund")).toHaveTextContent("Pending");

      answered = true;
      await vi.advanceTimersByTimeAsync(REFUND_POLL_MS);

      await waitFor(() => expect(screen.getByTestId("refund")).toHaveTextContent("Refunded"));
      expect(onChanged).toHaveBeenCalledTimes(1);
      const polls = fake.callsOf("TicketRefundList").length;

      await vi.advanceTimersByTimeAsync(REFUND_POLL_MS * 3);
      expect(fake.callsOf("TicketRefundList")).toHaveLength(polls);
    } finally {
      vi.useRealTimers();
    }
  });
});
