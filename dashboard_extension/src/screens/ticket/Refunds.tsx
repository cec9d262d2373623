import { Box, Button, Checkbox, Chip, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useMemo, useState } from "react";

import { useQuery } from "../../api/context";
import { useMutation } from "../../api/useMutation";
import {
  TicketRefundCreateDocument,
  TicketRefundListDocument,
  TicketRefundOptionsDocument,
  type TicketRefundOptionsQuery,
} from "../../generated/graphql";
import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { Section, SelectField } from "../../ui/fields";
import { ErrorState, Loading } from "../../ui/StateViews";

type RefundOptions = NonNullable<TicketRefundOptionsQuery["ticketRefundOptions"]>;

const PLAIN_DECIMAL = /^(\d+)(?:[.,](\d*))?$/;

/** Decimal places that carry a digit in a plain decimal ("1.50" has 1); 0 for other text. */
export const decimalPlaces = (value: string | null | undefined): number => {
  const match = PLAIN_DECIMAL.exec(String(value ?? "").trim());

  return match ? (match[2] ?? "").replace(/0+$/, "").length : 0;
};

/**
 * A plain decimal ("59.90", "12,5") in the currency's smallest unit (cents, yen, fils:
 * `digits` decimal places, the API's `fractionDigits`), so sums do not drift. NaN for
 * what is not a plain decimal (signs, exponents, words) or has more decimal places than
 * the currency: it is never rounded into an amount the user did not type.
 */
export const toMinor = (value: string | null | undefined, digits: number): number => {
  const match = PLAIN_DECIMAL.exec(String(value ?? "").trim());

  if (!match || decimalPlaces(match[0]) > digits) return NaN;
  const fraction = (match[2] ?? "").padEnd(digits, "0").slice(0, digits);

  return Number(match[1]) * 10 ** digits + Number(fraction || "0");
};

/** The plain decimal the API reads, at the currency's precision: "24.70", "4500", "1.234". */
export const fromMinor = (minor: number, digits: number): string => {
  const text = String(Math.trunc(minor)).padStart(digits + 1, "0");

  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

function newIdempotencyKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function")
    return crypto.randomUUID();

  return `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

const STATE_COLORS = {
  REQUESTED: "info1",
  PENDING: "warning1",
  SUCCEEDED: "success1",
  FAILED: "critical1",
} as const;

/** How often an open refund's state is asked for again: the payment app answers later. */
export const REFUND_POLL_MS = 3000;

/** The refunds started from the ticket, with their state, and the button to start one. */
export function RefundsSection({
  ticketId,
  hasOrder,
  onChanged,
}: {
  ticketId: string;
  hasOrder: boolean;
  onChanged: () => void;
}) {
  const { t, label, formatDate, formatMoney } = useI18n();
  const list = useQuery(TicketRefundListDocument, { id: ticketId });
  const [open, setOpen] = useState(false);
  const refunds = list.data?.ticket?.refunds ?? [];
  const waiting = refunds.some(
    (refund) => refund.state === "REQUESTED" || refund.state === "PENDING",
  );
  const { refetch } = list;

  useEffect(() => {
    /*
     * While a refund waits for the payment app, follow it without a reload; the
     * ticket (timeline, status) is refreshed once it is settled.
     */
    if (!waiting) return undefined;
    const timer = window.setInterval(() => {
      void refetch();
    }, REFUND_POLL_MS);

    return () => window.clearInterval(timer);
  }, [waiting, refetch]);
  const [wasWaiting, setWasWaiting] = useState(false);

  useEffect(() => {
    if (wasWaiting && !waiting) onChanged();
    setWasWaiting(waiting);
  }, [waiting, wasWaiting, onChanged]);

  return (
    <Section
      title={t("refund.list")}
      actions={
        hasOrder ? (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
            {t("refund.open")}
          </Button>
        ) : undefined
      }
    >
      {list.error && !list.data ? (
        <ErrorState message={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading rows={1} />
      ) : refunds.length === 0 ? (
        <Text color="default2">{t("refund.none")}</Text>
      ) : (
        <Box
          as="ul"
          display="flex"
          flexDirection="column"
          gap={2}
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
        >
          {refunds.map((refund) => (
            <Box
              as="li"
              key={refund.id}
              data-testid="refund"
              display="flex"
              flexDirection="column"
              gap={1}
            >
              <Box display="flex" justifyContent="space-between" gap={2} alignItems="center">
                <Text fontWeight="bold">
                  {formatMoney(Number(refund.amount), refund.currency)}
                  {refund.includeShipping ? ` · ${t("refund.withShipping")}` : ""}
                </Text>
                <Chip backgroundColor={STATE_COLORS[refund.state] ?? "default2"}>
                  <Text size={2}>{label("refundState", refund.state)}</Text>
                </Chip>
              </Box>
              {refund.lines.length > 0 && (
                <Text size={2}>
                  {refund.lines.map((line) => `${line.quantity} × ${line.productName}`).join(", ")}
                </Text>
              )}
              {refund.reason && (
                <Text size={2} color="default2">
                  {refund.reason}
                </Text>
              )}
              {refund.failureMessage && (
                <Text size={2} color="critical1">
                  {t("refund.failure", { message: refund.failureMessage })}
                </Text>
              )}
              <Text size={1} color="default2">
                {formatDate(refund.createdAt)}
                {refund.completedAt ? ` → ${formatDate(refund.completedAt)}` : ""} ·{" "}
                {label("refundMethod", refund.method)}
              </Text>
            </Box>
          ))}
        </Box>
      )}
      {open && (
        <RefundDialog
          ticketId={ticketId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            void list.refetch();
            onChanged();
          }}
        />
      )}
    </Section>
  );
}

export function RefundDialog({
  ticketId,
  onClose,
  onDone,
}: {
  ticketId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const options = useQuery(TicketRefundOptionsDocument, { ticket: ticketId });
  const data = options.data?.ticketRefundOptions;

  return (
    <Dialog open onClose={onClose} title={t("refund.title")}>
      {options.error && !options.data ? (
        <ErrorState message={options.error} onRetry={() => void options.refetch()} />
      ) : !options.data ? (
        <Loading rows={4} label={t("refund.loading")} />
      ) : !data || !data.canRefund ? (
        <Text role="alert">
          {t("refund.unavailable", { reason: data?.unavailableReason ?? "—" })}
        </Text>
      ) : (
        <RefundForm ticketId={ticketId} options={data} onClose={onClose} onDone={onDone} />
      )}
    </Dialog>
  );
}

function RefundForm({
  ticketId,
  options,
  onClose,
  onDone,
}: {
  ticketId: string;
  options: RefundOptions;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, label, formatMoney } = useI18n();
  const host = useHost();
  const [createRefund, { busy }] = useMutation(TicketRefundCreateDocument);
  const digits = options.fractionDigits;
  const money = (minor: number) => formatMoney(minor / 10 ** digits, options.currency, digits);
  // One key per dialog: a retry after a lost answer never refunds twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [quantities, setQuantities] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      options.lines.map((line) => [
        line.orderLineId,
        Math.min(line.suggestedQuantity, line.refundableQuantity),
      ]),
    ),
  );
  const [shipping, setShipping] = useState(false);
  const [amountText, setAmountText] = useState<string | null>(null);
  const [reasonId, setReasonId] = useState(options.suggestedReasonId ?? "");
  const [note, setNote] = useState("");
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [error, setError] = useState<string | null>(null);

  // The API writes its amounts at the currency's precision: these never come out NaN.
  const maxMinor = toMinor(options.maxAmount, digits);
  const sumMinor = useMemo(
    () =>
      options.lines.reduce(
        (sum, line) => sum + toMinor(line.unitPrice, digits) * (quantities[line.orderLineId] ?? 0),
        0,
      ) + (shipping ? toMinor(options.shippingAmount, digits) : 0),
    [options, quantities, shipping, digits],
  );
  const amountMinor = amountText === null ? sumMinor : toMinor(amountText, digits);
  /*
   * The same rule as the API's (an amount with more places is refused there too),
   * checked before anything is sent.
   */
  const problem =
    amountText !== null && decimalPlaces(amountText) > digits
      ? t("refund.amountPlaces", { currency: options.currency, digits: String(digits) })
      : !Number.isFinite(amountMinor) || amountMinor <= 0
      ? t("refund.amountInvalid")
      : amountMinor > maxMinor
      ? t("refund.amountTooHigh", { max: money(maxMinor) })
      : options.reasonRequired && !reasonId
      ? t("refund.reasonRequired")
      : null;

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setError(problem);

      return;
    }
    setError(null);
    setStep("confirm");
  };

  const confirm = async () => {
    setError(null);
    const lines = options.lines
      .filter((line) => (quantities[line.orderLineId] ?? 0) > 0)
      .map((line) => ({ orderLineId: line.orderLineId, quantity: quantities[line.orderLineId]! }));
    const result = await createRefund({
      id: ticketId,
      input: {
        idempotencyKey,
        ...(lines.length ? { lines } : {}),
        includeShipping: shipping,
        ...(amountText !== null ? { amount: fromMinor(amountMinor, digits) } : {}),
        ...(note.trim() ? { reason: note.trim() } : {}),
        ...(reasonId ? { reasonReferenceId: reasonId } : {}),
      },
    });
    const refund = result.status === "done" ? result.payload.refund : null;

    if (!refund) {
      setError(t("refund.failed", { message: result.problem ?? "—" }));
      setStep("edit");

      return;
    }
    host.notify({
      status: "success",
      title: t("refund.started", { amount: formatMoney(Number(refund.amount), refund.currency) }),
    });
    onDone();
  };

  if (step === "confirm") {
    return (
      <Box display="flex" flexDirection="column" gap={4}>
        <Text>
          {t("refund.confirmText", {
            amount: money(amountMinor),
            method: label("refundMethod", options.method ?? "") || "—",
          })}
        </Text>
        <Box display="flex" justifyContent="flex-end" gap={2}>
          <Button variant="secondary" onClick={() => setStep("edit")} disabled={busy}>
            {t("refund.back")}
          </Button>
          <Button variant="error" onClick={confirm} disabled={busy}>
            {busy ? t("refund.busy") : t("refund.confirm")}
          </Button>
        </Box>
      </Box>
    );
  }

  return (
    <Box as="form" onSubmit={review} display="flex" flexDirection="column" gap={3}>
      <Box as="table" __width="100%" __borderCollapse="collapse">
        <caption style={{ textAlign: "left" }}>
          <Text fontWeight="bold">{t("refund.lines")}</Text>
        </caption>
        <thead>
          <tr>
            <th style={{ textAlign: "left" }}>{t("order.product")}</th>
            <th style={{ textAlign: "right" }}>{t("order.unitPrice")}</th>
            <th style={{ textAlign: "right" }}>{t("refund.refundable")}</th>
            <th style={{ textAlign: "right" }}>{t("order.quantity")}</th>
          </tr>
        </thead>
        <tbody>
          {options.lines.map((line) => (
            <tr key={line.orderLineId}>
              <td>{line.productName}</td>
              <td style={{ textAlign: "right" }}>{money(toMinor(line.unitPrice, digits))}</td>
              <td style={{ textAlign: "right" }}>
                {line.refundableQuantity} / {line.quantity}
              </td>
              <td style={{ textAlign: "right" }}>
                <input
                  type="number"
                  min={0}
                  max={line.refundableQuantity}
                  disabled={line.refundableQuantity === 0}
                  aria-label={t("refund.quantityFor", { product: line.productName })}
                  value={quantities[line.orderLineId] ?? 0}
                  style={{ width: 64 }}
                  onChange={(event) => {
                    const value = Math.max(
                      0,
                      Math.min(
                        line.refundableQuantity,
                        Math.floor(Number(event.target.value) || 0),
                      ),
                    );

                    setQuantities((current) => ({ ...current, [line.orderLineId]: value }));
                    setAmountText(null);
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </Box>
      {options.shippingRefundable && (
        <Checkbox
          checked={shipping}
          onCheckedChange={(checked) => {
            setShipping(checked === true);
            setAmountText(null);
          }}
        >
          <Text size={3}>
            {t("refund.shipping", { amount: money(toMinor(options.shippingAmount, digits)) })}
          </Text>
        </Checkbox>
      )}
      <Input
        label={t("refund.amount", { currency: options.currency })}
        inputMode="decimal"
        value={amountText ?? fromMinor(sumMinor, digits)}
        onChange={(event) => setAmountText(event.target.value)}
        helperText={t("refund.amountHint", { sum: money(sumMinor), max: money(maxMinor) })}
        error={Boolean(problem && amountText !== null)}
      />
      {options.reasons.length > 0 && (
        <SelectField
          label={t("refund.reason")}
          value={reasonId}
          placeholder="—"
          options={options.reasons.map((reason) => ({ value: reason.id, label: reason.title }))}
          onChange={setReasonId}
        />
      )}
      <Input
        label={t("refund.note")}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {error && (
        <Text role="alert" color="critical1">
          {error}
        </Text>
      )}
      <Box display="flex" justifyContent="flex-end" gap={2}>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("dialog.cancel")}
        </Button>
        <Button type="submit">{t("refund.review")}</Button>
      </Box>
    </Box>
  );
}
