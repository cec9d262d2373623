import { Box, Button, Text } from "@saleor/macaw-ui";

import { useHost } from "../../host/host";
import { useI18n } from "../../i18n";
import { StatusChip } from "../../ui/chips";
import { Field, Section } from "../../ui/fields";
import type { Ticket } from "./types";

export function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const { t, formatDate, formatMoney } = useI18n();
  const host = useHost();
  const summary = ticket.customerSummary;
  const others = (ticket.otherTickets?.edges ?? [])
    .map((e) => e?.node)
    .filter((n): n is NonNullable<typeof n> => Boolean(n));

  return (
    <Section
      title={t("customer.title")}
      actions={
        ticket.customer && host.openDashboard ? (
          <Button
            size="small"
            variant="tertiary"
            onClick={() =>
              host.openDashboard!(`/customers/${encodeURIComponent(ticket.customer!.id)}`)
            }
          >
            {t("ticket.openCustomer")}
          </Button>
        ) : undefined
      }
    >
      <Field label={t("customer.name")}>{summary?.name || ticket.customerName || "—"}</Field>
      <Field label={t("customer.email")}>
        <a href={`mailto:${summary?.email ?? ticket.customerEmail}`}>
          {summary?.email ?? ticket.customerEmail}
        </a>
      </Field>
      {summary ? (
        <>
          <Field label={t("customer.orders")}>{summary.orderCount}</Field>
          <Field label={t("customer.totalSpent")}>
            {formatMoney(summary.totalSpent, summary.currency)}
          </Field>
          <Field label={t("customer.registered")}>
            {summary.dateJoined ? formatDate(summary.dateJoined, false) : t("customer.guest")}
          </Field>
        </>
      ) : (
        <Text size={2} color="default2">
          {t("customer.summaryHidden")}
        </Text>
      )}
      <Text as="h3" size={3} fontWeight="bold">
        {t("customer.otherTickets")}
      </Text>
      {others.length ? (
        <Box
          as="ul"
          display="flex"
          flexDirection="column"
          gap={1}
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
        >
          {others.map((other) => (
            <Box
              as="li"
              key={other.id}
              display="flex"
              justifyContent="space-between"
              gap={2}
              alignItems="center"
            >
              <a href={`#/tickets/${encodeURIComponent(other.id)}`}>
                #{other.number} {other.subject}
              </a>
              <StatusChip group={other.status.group} name={other.status.name} />
            </Box>
          ))}
        </Box>
      ) : (
        <Text size={2} color="default2">
          {t("customer.noOtherTickets")}
        </Text>
      )}
    </Section>
  );
}

export function OrderPanel({ ticket }: { ticket: Ticket }) {
  const { t, formatDate, formatMoney } = useI18n();
  const host = useHost();
  const order = ticket.order;

  if (!order) {
    return (
      <Section title={t("order.title")}>
        <Text color="default2">{t("order.none")}</Text>
      </Section>
    );
  }

  return (
    <Section
      title={`${t("order.title")} #${order.number}`}
      actions={
        host.openDashboard ? (
          <Button
            size="small"
            variant="tertiary"
            onClick={() => host.openDashboard!(`/orders/${encodeURIComponent(order.id)}`)}
          >
            {t("ticket.openOrder")}
          </Button>
        ) : undefined
      }
    >
      <Field label={t("order.status")}>{order.status}</Field>
      <Field label={t("order.placed")}>{formatDate(order.created)}</Field>
      <Field label={t("order.total")}>{formatMoney(order.totalGross, order.currency)}</Field>
      <Box as="table" __width="100%" __borderCollapse="collapse">
        <caption style={{ textAlign: "left" }}>
          <Text size={3} fontWeight="bold">
            {t("order.lines")}
          </Text>
        </caption>
        <thead>
          <tr>
            <th style={{ textAlign: "left" }}>{t("order.product")}</th>
            <th style={{ textAlign: "right" }}>{t("order.quantity")}</th>
            <th style={{ textAlign: "right" }}>{t("order.fulfilled")}</th>
            <th style={{ textAlign: "right" }}>{t("order.unitPrice")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.productName}
                {line.variantName ? ` (${line.variantName})` : ""}
                {line.productSku ? (
                  <Text size={1} color="default2">
                    {" "}
                    · {line.productSku}
                  </Text>
                ) : null}
              </td>
              <td style={{ textAlign: "right" }}>{line.quantity}</td>
              <td style={{ textAlign: "right" }}>{line.quantityFulfilled}</td>
              <td style={{ textAlign: "right" }}>
                {formatMoney(line.unitPriceGross, line.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </Box>
      <Text as="h3" size={3} fontWeight="bold">
        {t("order.payments")}
      </Text>
      {!order.payments || order.payments.length === 0 ? (
        <Text size={2} color="default2">
          {t("order.noPayments")}
        </Text>
      ) : (
        <Box
          as="ul"
          display="flex"
          flexDirection="column"
          gap={1}
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
        >
          {order.payments.map((payment, index) => (
            <Box
              as="li"
              key={`${payment.kind}-${index}`}
              data-testid="order-payment"
              display="flex"
              flexDirection="column"
            >
              <Text size={2}>
                {payment.name ||
                  t(
                    payment.kind === "TRANSACTION"
                      ? "order.paymentTransaction"
                      : "order.paymentLegacy",
                  )}
                {" · "}
                {t("order.paymentCharged")} {formatMoney(Number(payment.charged), payment.currency)}
              </Text>
              <Text size={1} color="default2">
                {t("order.paymentRefunded")}{" "}
                {formatMoney(Number(payment.refunded), payment.currency)}
                {Number(payment.pendingRefund) > 0
                  ? ` · ${t("order.paymentPending")} ${formatMoney(
                      Number(payment.pendingRefund),
                      payment.currency,
                    )}`
                  : ""}
                {payment.canRefund ? "" : ` · ${t("order.paymentCannotRefund")}`}
              </Text>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}
