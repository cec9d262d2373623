import { describe, expect, it } from "vitest";

import { translate } from "../i18n";
import { dueText, formatBusinessMinutes, formatSpan, stateTone } from "./format";

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("en", key, params);
const de = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate("de", key, params);
const units = { d: "d", h: "h", min: "min" };

describe("service-level formatting", () => {
  const now = new Date("2026-03-03T12:00:00Z");

  it("writes spans with their two largest units", () => {
    expect(formatSpan(7, units)).toBe("7 min");
    expect(formatSpan(125, units)).toBe("2 h 5 min");
    expect(formatSpan(60 * 27 + 5, units)).toBe("1 d 3 h");
    expect(formatSpan(-90, units)).toBe("1 h 30 min");
    expect(formatSpan(0.2, units)).toBe("0 min");
  });

  it("writes business minutes as hours, never days", () => {
    expect(formatBusinessMinutes(2400, units)).toBe("40 h");
    expect(formatBusinessMinutes(90, units)).toBe("1 h 30 min");
    expect(formatBusinessMinutes(45, units)).toBe("45 min");
  });

  it("says due in or overdue by, in English and German", () => {
    expect(dueText({ dueAt: "2026-03-03T14:05:00Z", state: "ON_TRACK", now }, en)).toBe(
      "due in 2 h 5 min",
    );
    expect(dueText({ dueAt: "2026-03-03T11:00:00Z", state: "BREACHED", now }, en)).toBe(
      "overdue by 1 h",
    );
    expect(dueText({ dueAt: "2026-03-03T11:00:00Z", state: "BREACHED", now }, de)).toBe(
      "überfällig seit 1 Std.",
    );
  });

  it("names the state when no target runs", () => {
    expect(dueText({ dueAt: null, state: "PAUSED", now }, en)).toBe("Paused");
    expect(dueText({ dueAt: null, state: "MET", now }, de)).toBe("Erfüllt");
    expect(dueText({ dueAt: null, state: null, now }, en)).toBe("—");
  });

  it("colours breaches and risks", () => {
    expect(stateTone("BREACHED")).toBe("critical");
    expect(stateTone("AT_RISK")).toBe("warning");
    expect(stateTone("ON_TRACK")).toBe("neutral");
  });
});
