import type { SlaStateEnum } from "../generated/graphql";
import type { Translate } from "../i18n";
import type { MessageKey } from "../i18n/messages";

/*
 * "due in 2 h 5 min" / "overdue by 1 d 3 h" for the inbox and the ticket page. Pure
 * functions: the clock (`now`) and the translator are passed in.
 */

export type Units = { d: string; h: string; min: string };

/** Minutes as "1 d 3 h", "2 h 5 min", "7 min" (wall-clock time; the two largest units). */
export function formatSpan(totalMinutes: number, units: Units): string {
  const minutes = Math.max(0, Math.round(Math.abs(totalMinutes)));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];

  if (days) parts.push(`${days} ${units.d}`);
  if (hours) parts.push(`${hours} ${units.h}`);
  if (rest && !days) parts.push(`${rest} ${units.min}`);
  if (!parts.length) parts.push(`0 ${units.min}`);

  return parts.slice(0, 2).join(" ");
}

/**
 * Business minutes as hours and minutes ("40 h", "1 h 30 min"): a business day is not
 * 24 hours, so no days.
 */
export function formatBusinessMinutes(total: number, units: Units): string {
  const minutes = Math.max(0, Math.round(Math.abs(total)));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;

  if (!hours) return `${rest} ${units.min}`;

  return rest ? `${hours} ${units.h} ${rest} ${units.min}` : `${hours} ${units.h}`;
}

export function unitsOf(t: Translate): Units {
  return { d: t("sla.unit.d"), h: t("sla.unit.h"), min: t("sla.unit.min") };
}

/**
 * What the inbox shows for a ticket: "due in …" or "overdue by …" while a target runs,
 * the state's name when none runs (paused, met), "—" without targets.
 */
export function dueText(
  { dueAt, state, now }: { dueAt?: string | null; state?: SlaStateEnum | null; now: Date },
  t: Translate,
): string {
  if (dueAt) {
    const minutes = (new Date(dueAt).getTime() - now.getTime()) / 60000;
    const time = formatSpan(minutes, unitsOf(t));

    return minutes >= 0 ? t("sla.dueIn", { time }) : t("sla.overdueBy", { time });
  }
  if (state) return t(`sla.state.${state}` as MessageKey);

  return t("sla.none");
}

/** The tone of a state, for chips. */
export function stateTone(
  state: SlaStateEnum | null | undefined,
): "critical" | "warning" | "neutral" | "success" {
  if (state === "BREACHED") return "critical";
  if (state === "AT_RISK") return "warning";
  if (state === "MET") return "success";

  return "neutral";
}

export const SLA_STATES: SlaStateEnum[] = ["BREACHED", "AT_RISK", "ON_TRACK", "PAUSED", "MET"];
