import { describe, expect, it } from "vitest";

import { makeI18n } from "../i18n";
import { eventText } from "../screens/ticket/Timeline";
import type { TicketEvent } from "../screens/ticket/types";

const event = (type: string, parameters: Record<string, unknown>) =>
  ({
    id: "e1",
    type,
    date: "2026-12-03T05:17:00+00:00",
    user: null,
    parameters: JSON.stringify(parameters),
  }) as unknown as TicketEvent;

describe("automation on the timeline", () => {
  it("names the rule and the macro, in either language", () => {
    const rule = event("RULE_APPLIED", { rule: "Defekte Ware", rule_id: 1, actions: [] });
    const macro = event("MACRO_APPLIED", { macro: "Replacement sent", macro_id: 2 });

    expect(eventText(rule, makeI18n("en"), undefined)).toBe("Rule “Defekte Ware” applied");
    expect(eventText(rule, makeI18n("de"), undefined)).toBe("Regel „Defekte Ware“ angewendet");
    expect(eventText(macro, makeI18n("en"), undefined)).toBe("Macro “Replacement sent” applied");
    expect(eventText(event("TAGS_CHANGED", {}), makeI18n("de"), undefined)).toBe(
      "Schlagwörter geändert",
    );
  });
});
