// Pure helpers of the statistics screen: the period from the URL, durations, chart scales.

export const PRESETS = [7, 30, 90, 365] as const;
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

export type Period = {
  gte: string;
  lte: string;
  days: number;
  from: string;
  to: string;
  custom: boolean;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date as `YYYY-MM-DD`. */
export const toDateInput = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

function parseDateInput(value: string | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);

  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d
    ? date
    : null;
}

const startOfDay = (date: Date) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, 0, 0, 0);
const endOfDay = (date: Date) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59, 999);
const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const dayCount = (from: Date, to: Date) =>
  Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / 86_400_000) + 1;

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (a custom range, local days, both inclusive, at most
 * 366 days) or `?days=7|30|90|365` (up to today); anything else: the last 30 days.
 */
export function periodFromQuery(query: URLSearchParams, now: Date = new Date()): Period {
  const from = parseDateInput(query.get("from"));
  const to = parseDateInput(query.get("to"));

  if (from && to && from <= to && dayCount(from, to) <= MAX_DAYS) {
    return {
      gte: startOfDay(from).toISOString(),
      lte: endOfDay(to).toISOString(),
      days: dayCount(from, to),
      from: toDateInput(from),
      to: toDateInput(to),
      custom: true,
    };
  }
  const requested = Number(query.get("days"));
  const days = (PRESETS as readonly number[]).includes(requested) ? requested : DEFAULT_DAYS;
  const start = addDays(now, -(days - 1));

  return {
    gte: startOfDay(start).toISOString(),
    lte: endOfDay(now).toISOString(),
    days,
    from: toDateInput(start),
    to: toDateInput(now),
    custom: false,
  };
}

/** Seconds → parts for "2 d 4 h", "3 h 20 min", "45 min", "30 s"; null → null. */
export function durationParts(
  seconds: number | null | undefined,
): Array<[number, "d" | "h" | "min" | "s"]> | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));

  if (s < 60) return [[s, "s"]];
  const minutes = Math.round(s / 60);

  if (minutes < 60) return [[minutes, "min"]];
  const hours = Math.floor(minutes / 60);

  if (hours < 24)
    return minutes % 60
      ? [
          [hours, "h"],
          [minutes % 60, "min"],
        ]
      : [[hours, "h"]];
  const days = Math.floor(hours / 24);

  return hours % 24
    ? [
        [days, "d"],
        [hours % 24, "h"],
      ]
    : [[days, "d"]];
}

export function formatDuration(
  seconds: number | null | undefined,
  units: Record<"d" | "h" | "min" | "s", string>,
): string {
  const parts = durationParts(seconds);

  if (!parts) return "—";

  return parts.map(([n, unit]) => `${n} ${units[unit]}`).join(" ");
}

/** A "nice" axis maximum at or above the value: 1, 2, 5 × 10^n (at least 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));

  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;

  return 10 * magnitude;
}

/** The days of the period with zero for days the API left out, in order. */
export function fillDays(
  volume: ReadonlyArray<{ date: string; created: number; closed: number }>,
  from: string,
  to: string,
): Array<{ date: string; created: number; closed: number }> {
  const byDate = new Map(volume.map((v) => [v.date, v]));
  const start = parseDateInput(from);
  const end = parseDateInput(to);

  if (!start || !end || dayCount(start, end) > MAX_DAYS) return [...volume];
  const days: Array<{ date: string; created: number; closed: number }> = [];

  for (let d = start; d <= end; d = addDays(d, 1)) {
    const key = toDateInput(d);
    const v = byDate.get(key);

    days.push({ date: key, created: v?.created ?? 0, closed: v?.closed ?? 0 });
  }

  return days;
}
