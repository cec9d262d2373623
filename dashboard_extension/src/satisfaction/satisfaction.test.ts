import { describe, expect, it } from "vitest";

import {
  formatAverage,
  formatCsat,
  fullDistribution,
  parseValidityDays,
  stars,
} from "./satisfaction";

describe("satisfaction figures", () => {
  it("formats the average in the reader's language", () => {
    expect(formatAverage(4.25, "en")).toBe("4.25");
    expect(formatAverage(4.25, "de")).toBe("4,25");
    expect(formatAverage(4, "en")).toBe("4.0");
    expect(formatAverage(null, "de")).toBe("—");
  });

  it("formats the CSAT as a percentage", () => {
    expect(formatCsat(66.7, "en")).toBe("66.7%");
    expect(formatCsat(66.7, "de")).toBe("66,7\u00a0%");
    expect(formatCsat(null, "en")).toBe("—");
  });

  it("fills the distribution to five scores", () => {
    expect(
      fullDistribution({
        count: 2,
        average: 4.5,
        csat: 100,
        distribution: [
          { score: 5, count: 1 },
          { score: 4, count: 1 },
        ],
      }),
    ).toStrictEqual([
      { score: 1, count: 0 },
      { score: 2, count: 0 },
      { score: 3, count: 0 },
      { score: 4, count: 1 },
      { score: 5, count: 1 },
    ]);
  });

  it("draws stars for a score", () => {
    expect(stars(4)).toBe("★★★★☆");
    expect(stars(1)).toBe("★☆☆☆☆");
    expect(stars(9)).toBe("★★★★★");
  });

  it("reads the validity as 1 to 365 whole days", () => {
    expect(parseValidityDays(" 30 ")).toBe(30);
    expect(parseValidityDays("365")).toBe(365);
    expect(parseValidityDays("0")).toBeNull();
    expect(parseValidityDays("366")).toBeNull();
    expect(parseValidityDays("1.5")).toBeNull();
    expect(parseValidityDays("")).toBeNull();
  });
});
