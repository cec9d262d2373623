import { describe, expect, it } from "vitest";

import { formatHours, parseDates, parseHours } from "./hours";

describe("opening hours in the settings form", () => {
  it("reads English and German lines", () => {
    expect(parseHours("Mon 09:00-17:00\n\nDi 9:30–12:00\nsamstag 10:00-14:00")).toStrictEqual({
      intervals: [
        { weekday: "MONDAY", start: "09:00", end: "17:00" },
        { weekday: "TUESDAY", start: "09:30", end: "12:00" },
        { weekday: "SATURDAY", start: "10:00", end: "14:00" },
      ],
      bad: null,
    });
  });

  it("names the first line it cannot read", () => {
    expect(parseHours("Mon 09:00-17:00\nFunday 9-5").bad).toBe("Funday 9-5");
  });

  it("writes the hours back in the reader's language", () => {
    const intervals = parseHours("Mon 09:00-17:00\nFri 09:00-24:00").intervals;

    expect(formatHours(intervals, "en")).toBe("Mon 09:00-17:00\nFri 09:00-24:00");
    expect(formatHours(intervals, "de")).toBe("Mo 09:00-17:00\nFr 09:00-24:00");
  });

  it("reads closed dates one a line or separated by commas", () => {
    expect(parseDates("2026-12-24\n 2026-12-31, 2027-01-02\n")).toStrictEqual([
      "2026-12-24",
      "2026-12-31",
      "2027-01-02",
    ]);
  });
});
