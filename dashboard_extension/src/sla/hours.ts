import type { BusinessWeekdayEnum } from "../generated/graphql";

/*
 * Opening hours as the settings form writes them, one interval a line:
 * "Mon 09:00-17:00" (English or German day names, "Mo 9:00–17:00" too). Pure functions.
 */

export const WEEKDAYS: BusinessWeekdayEnum[] = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
];
const SHORT: Record<"de" | "en", string[]> = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  de: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
};
// Accepted spellings of each day (lower case), English and German.
const NAMES: string[][] = [
  ["mon", "monday", "mo", "montag"],
  ["tue", "tues", "tuesday", "di", "dienstag"],
  ["wed", "wednesday", "mi", "mittwoch"],
  ["thu", "thursday", "do", "donnerstag"],
  ["fri", "friday", "fr", "freitag"],
  ["sat", "saturday", "sa", "samstag"],
  ["sun", "sunday", "so", "sonntag"],
];

export type Interval = { weekday: BusinessWeekdayEnum; start: string; end: string };

const LINE = /^([A-Za-zäöüÄÖÜ]+)\.?\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

function clock(hours: string, minutes: string): string {
  return `${hours.padStart(2, "0")}:${minutes}`;
}

/** The lines as intervals; `bad` holds the first line that cannot be read. */
export function parseHours(text: string): { intervals: Interval[]; bad: string | null } {
  const intervals: Interval[] = [];

  for (const raw of text.split("\n")) {
    const line = raw.trim();

    if (!line) continue;
    const match = LINE.exec(line);
    const day = match ? NAMES.findIndex((names) => names.includes(match[1].toLowerCase())) : -1;

    if (!match || day < 0) return { intervals, bad: line };
    intervals.push({
      weekday: WEEKDAYS[day],
      start: clock(match[2], match[3]),
      end: clock(match[4], match[5]),
    });
  }

  return { intervals, bad: null };
}

export function formatHours(intervals: ReadonlyArray<Interval>, lang: "de" | "en"): string {
  return intervals
    .map((i) => `${SHORT[lang][WEEKDAYS.indexOf(i.weekday)]} ${i.start}-${i.end}`)
    .join("\n");
}

/** "2026-12-24\n2026-12-31" → the dates, trimmed, empty lines left out. */
export function parseDates(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}
