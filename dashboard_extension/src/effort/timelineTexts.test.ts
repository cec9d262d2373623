import { describe, expect, it } from "vitest";

import { makeI18n } from "../i18n";
import { eventText } from "../screens/ticket/Timeline";
import type { TicketEvent } from "../screens/ticket/types";

const event = (type: string, parameters: Record<string, unknown>) =>
  ({
    id: "e1",
    type,
    date: "2026-03-02T09:00:00+00:00",
    user: null,
    parameters: JSON.stringify(parameters),
  }) as unknown as TicketEvent;

describe("effort events on the timeline", () => {
  it("say what was logged and when a contract runs low, in either language", () => {
    const en = makeI18n("en");
    const de = makeI18n("de");
    const logged = event("TIME_LOGGED", { entry_id: 7, minutes: 15 });
    const low = event("CONTRACT_BUDGET_LOW", { contract_id: 1, remaining: "0.33", unit: "hours" });

    expect(eventText(logged, en, undefined)).toBe("Time logged: 15 min");
    expect(eventText(logged, de, undefined)).toBe("Zeit erfasst: 15 Min.");
    expect(eventText(low, en, undefined)).toBe("Support contract running low: 0.33 left");
    expect(eventText(low, de, undefined)).toBe("Support-Vertrag fast aufgebraucht: 0.33 übrig");
    expect(
      eventText(event("TIME_ENTRY_CHANGED", { old_minutes: 15, minutes: 20 }), en, undefined),
    ).toBe("Time entry changed: 15 → 20 min");
  });
});
