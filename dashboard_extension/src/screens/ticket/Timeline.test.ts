import { describe, expect, it } from "vitest";

import { makeI18n } from "../../i18n";
import { eventText } from "./Timeline";
import type { TicketEvent } from "./types";

const event = (type: string, parameters: Record<string, unknown>) =>
  ({
    id: "e1",
    type,
    date: "2026-11-23T05:17:00+00:00",
    user: null,
    parameters: JSON.stringify(parameters),
  }) as unknown as TicketEvent;

describe("timeline texts", () => {
  it("name what the API stores as machine values, in either language", () => {
    const en = makeI18n("en");
    const de = makeI18n("de");
    const fullyRefunded = event("ORDER_EVENT", { order_event: "fully_refunded", order_number: 9 });

    expect(eventText(fullyRefunded, en, undefined)).toBe("Order #9: fully refunded");
    expect(eventText(fullyRefunded, de, undefined)).toBe("Bestellung #9: vollständig erstattet");
    const mail = event("EMAIL_SENT", { notification: "staff_reply" });

    expect(eventText(mail, en, undefined)).toBe(
      "E-mail sent: Reply from the shop (to the customer)",
    );
  });

  it("tell a refund's progress without its internal reference", () => {
    const en = makeI18n("en");
    const done = event("REFUND_UPDATED", {
      reference: "helpdesk-refund:5165abc9",
      state: "succeeded",
    });

    expect(eventText(done, en, undefined)).toBe("Refund completed");
    // Saleor's amounts come with three decimals: shown as money.
    const requested = event("REFUND_REQUESTED", {
      amount: "5.990",
      currency: "PLN",
      reference: "r",
    });

    expect(eventText(requested, en, undefined)).toBe(
      `Refund requested: ${en.formatMoney(5.99, "PLN")}`,
    );
    expect(eventText(requested, en, undefined)).toContain("5.99");
    expect(eventText(requested, en, undefined)).not.toContain("5.990");
    expect(eventText(done, makeI18n("de"), undefined)).toBe("Rückerstattung abgeschlossen");
    expect(
      eventText(event("REFUND_UPDATED", { reference: "r", state: "failed" }), en, undefined),
    ).toBe("Refund failed");
    // A state this build does not know still reads.
    expect(
      eventText(event("REFUND_UPDATED", { reference: "r", state: "disputed" }), en, undefined),
    ).toBe("Refund r: disputed");
  });
});
