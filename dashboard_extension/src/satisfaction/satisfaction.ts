/*
 * Pure helpers of the satisfaction screens: how figures read, and the validity field.
 */

export type Summary = {
  count: number;
  average: number | null;
  csat: number | null;
  distribution: ReadonlyArray<{ score: number; count: number }>;
};

/** "4.25" / "4,25" in the reader's language; "—" without ratings. */
export function formatAverage(average: number | null, lang: "de" | "en"): string {
  if (average === null) return "—";

  return new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  }).format(average);
}

/** "66.7 %" / "66,7 %"; "—" without ratings. */
export function formatCsat(csat: number | null, lang: "de" | "en"): string {
  if (csat === null) return "—";

  return new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(csat / 100);
}

/** The five scores, 1 to 5, with zeros where the API sent none. */
export function fullDistribution(summary: Summary): { score: number; count: number }[] {
  const counts = new Map(summary.distribution.map((d) => [d.score, d.count]));

  return [1, 2, 3, 4, 5].map((score) => ({ score, count: counts.get(score) ?? 0 }));
}

/** "★★★★☆" for 4: the score at a glance (the text next to it says it in words). */
export function stars(score: number): string {
  const full = Math.max(0, Math.min(5, Math.round(score)));

  return "★".repeat(full) + "☆".repeat(5 - full);
}

/** The validity field: a whole number of days from 1 to 365, else null. */
export function parseValidityDays(value: string): number | null {
  const trimmed = value.trim();

  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);

  return days >= 1 && days <= 365 ? days : null;
}
