import { describe, expect, it } from "vitest";

import { durationParts, fillDays, formatDuration, niceMax, periodFromQuery } from "./stats";

const units = { d: "d", h: "h", min: "min", s: "s" };

describe("statistics helpers", () => {
  const now = new Date(2025, 2, 15, 14, 30);

  it("reads a preset period, defaulting to 30 days up to today", () => {
    const p = periodFromQuery(new URLSearchParams(""), now);

    expect(p).toMatchObject({ days: 30, from: "2025-02-14", to: "2025-03-15", custom: false });
    expect(new Date(p.gte).getTime()).toBe(new Date(2025, 1, 14, 0, 0, 0, 0).getTime());
    expect(new Date(p.lte).getTime()).toBe(new Date(2025, 2, 15, 23, 59, 59, 999).getTime());
    expect(periodFromQuery(new URLSearchParams("days=7"), now)).toMatchObject({
      days: 7,
      from: "2025-03-09",
    });
    expect(periodFromQuery(new URLSearchParams("days=13"), now).days).toBe(30);
  });

  it("reads a custom range and refuses reversed or too long ones", () => {
    expect(
      periodFromQuery(new URLSearchParams("from=2025-01-01&to=2025-01-31"), now),
    ).toMatchObject({ custom: true, days: 31, from: "2025-01-01", to: "2025-01-31" });
    expect(periodFromQuery(new URLSearchParams("from=2025-02-01&to=2025-01-01"), now).custom).toBe(
      false,
    );
    expect(periodFromQuery(new URLSearchParams("from=2023-01-01&to=2025-01-01"), now).custom).toBe(
      false,
    );
    expect(periodFromQuery(new URLSearchParams("from=2025-02-30&to=2025-03-01"), now).custom).toBe(
      false,
    );
  });

  it("formats durations at a glance", () => {
    expect(formatDuration(null, units)).toBe("—");
    expect(formatDuration(42, units)).toBe("42 s");
    expect(formatDuration(45 * 60, units)).toBe("45 min");
    expect(formatDuration(3 * 3600 + 20 * 60, units)).toBe("3 h 20 min");
    expect(formatDuration(2 * 86400 + 4 * 3600, units)).toBe("2 d 4 h");
    expect(durationParts(86400)).toStrictEqual([[1, "d"]]);
  });

  it("rounds axis maxima up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 12, 48, 51, 230].map(niceMax)).toStrictEqual([
      1, 1, 5, 10, 20, 50, 100, 500,
    ]);
  });

  it("fills the days the API left out with zeros", () => {
    expect(
      fillDays([{ date: "2025-01-02", created: 3, closed: 1 }], "2025-01-01", "2025-01-03"),
    ).toStrictEqual([
      { date: "2025-01-01", created: 0, closed: 0 },
      { date: "2025-01-02", created: 3, closed: 1 },
      { date: "2025-01-03", created: 0, closed: 0 },
    ]);
  });
});
