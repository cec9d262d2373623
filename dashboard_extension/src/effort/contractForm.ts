import type { SupportContractInput, SupportContractUnitEnum } from "../generated/graphql";

/** The new-contract form as the inputs hold it (text), and its input for the API. */
export type ContractForm = {
  name: string;
  guestEmail: string;
  unit: SupportContractUnitEnum;
  budget: string;
  warningThreshold: string;
  pointsPerTicket: string;
  validFrom: string;
  validUntil: string;
};

export function emptyContractForm(today: string): ContractForm {
  return {
    name: "",
    guestEmail: "",
    unit: "HOURS",
    budget: "",
    warningThreshold: "",
    pointsPerTicket: "",
    validFrom: today,
    validUntil: "",
  };
}

/**
 * The API's input: a customer's account when given, else the guest address; empty fields
 * left out, so the API's defaults (threshold 0, 1 point per ticket, open-ended) apply.
 */
export function contractInput(form: ContractForm, customer?: string | null): SupportContractInput {
  const text = (value: string) => value.trim() || undefined;

  return {
    name: form.name.trim(),
    ...(customer ? { customer } : { customerEmail: form.guestEmail.trim() }),
    unit: form.unit,
    budget: text(form.budget),
    warningThreshold: text(form.warningThreshold),
    pointsPerTicket: form.unit === "POINTS" ? text(form.pointsPerTicket) : undefined,
    validFrom: text(form.validFrom),
    validUntil: text(form.validUntil),
  };
}

/** Today as a date input writes it ("2026-03-02"), in local time. */
export function localToday(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");

  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
