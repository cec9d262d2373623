import { Box, Text } from "@saleor/macaw-ui";

import { type I18n, useI18n } from "../../i18n";
import { hasKey } from "../../i18n";
import { commentAnchor, EmailBadge } from "../../mail/TicketEmail";
import { AttachmentList } from "../../ui/Attachments";
import { personName } from "../../ui/chips";
import { Html } from "../../ui/html";
import type { Comment, Options, Ticket, TicketEvent } from "./types";

type Item =
  | { kind: "comment"; date: string; comment: Comment }
  | { kind: "event"; date: string; event: TicketEvent };

/** Events a comment already shows. */
const HIDDEN_EVENTS = new Set(["COMMENT_ADDED", "NOTE_ADDED"]);

export function timelineItems(ticket: Ticket): Item[] {
  const comments: Item[] = (ticket.comments?.edges ?? [])
    .map((edge) => edge?.node)
    .filter((node): node is Comment => Boolean(node))
    .map((comment) => ({ kind: "comment", date: comment.createdAt, comment }));
  const events: Item[] = (ticket.events ?? [])
    .filter((event) => !HIDDEN_EVENTS.has(event.type))
    .map((event) => ({ kind: "event", date: event.date, event }));
  // At the same moment: the ticket's opening first, then messages, then other events.
  const rank = (item: Item) =>
    item.kind === "comment" ? 1 : item.event.type === "CREATED" ? 0 : 2;

  return [...comments, ...events].sort((a, b) => {
    const x = new Date(a.date).getTime();
    const y = new Date(b.date).getTime();

    return x !== y ? x - y : rank(a) - rank(b);
  });
}

function parseParameters(raw: string): Record<string, unknown> {
  try {
    const value = JSON.parse(raw);

    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function eventText(event: TicketEvent, i18n: I18n, options: Options | undefined): string {
  const params = parseParameters(event.parameters);
  const statusName = (slug: unknown) =>
    options?.ticketStatuses?.find((s) => s.slug === slug)?.name ?? String(slug ?? "—");
  const priorityName = (slug: unknown) =>
    options?.ticketPriorities?.find((p) => p.slug === slug)?.name ?? String(slug ?? "—");
  const values: Record<string, string> = {};

  for (const [key, value] of Object.entries(params))
    values[key] = value === null || value === undefined ? "—" : String(value);
  if (event.type === "STATUS_CHANGED") {
    values.old = statusName(params.old);
    values.new = statusName(params.new);
  }
  if (event.type === "PRIORITY_CHANGED") {
    values.old = priorityName(params.old);
    values.new = priorityName(params.new);
  }
  if (event.type === "COMPLAINT_DECIDED")
    values.decision = i18n.label("decision", String(params.decision ?? "").toUpperCase());
  // The API stores machine values (`fully_refunded`, `staff_reply`): show their names.
  if (event.type === "ORDER_EVENT")
    values.order_event = i18n.label("orderEvent", String(params.order_event ?? "").toUpperCase());
  if (event.type === "EMAIL_SENT" || event.type === "EMAIL_FAILED")
    values.notification = i18n.label(
      "notification",
      String(params.notification ?? "").toUpperCase(),
    );
  if (event.type === "REFUND_REQUESTED" && params.amount !== undefined) {
    const money = i18n.formatMoney(Number(params.amount), String(params.currency ?? ""));

    return i18n.t("event.REFUND_REQUESTED", { ...values, amount: money, currency: "" }).trimEnd();
  }
  const perState = `event.${event.type}.${String(params.state ?? "").toUpperCase()}`;

  if (event.type === "REFUND_UPDATED" && hasKey(perState)) return i18n.t(perState, values);
  const key = `event.${event.type}`;

  return hasKey(key) ? i18n.t(key, values) : i18n.t("event.other", { type: event.type });
}

function CommentView({ comment }: { comment: Comment }) {
  const { t, formatDate } = useI18n();
  const internal = comment.visibility === "INTERNAL";
  const fromCustomer = comment.authorType === "CUSTOMER";
  const role = internal ? t("ticket.internalNote") : t("ticket.publicReply");
  const author =
    comment.authorName ||
    (comment.authorType === "CUSTOMER"
      ? t("ticket.customer")
      : comment.authorType === "STAFF"
      ? t("ticket.staff")
      : comment.authorType === "APP"
      ? t("ticket.app")
      : t("ticket.system"));

  return (
    <Box
      as="article"
      id={commentAnchor(comment.id)}
      data-testid="comment"
      data-visibility={comment.visibility}
      aria-label={`${role}: ${author}`}
      display="flex"
      flexDirection="column"
      gap={2}
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor={internal ? "warning1" : fromCustomer ? "default1" : "info1"}
      backgroundColor={internal ? "warning1" : fromCustomer ? "default1" : "info1"}
      __marginLeft={fromCustomer ? "0" : "32px"}
      __marginRight={fromCustomer ? "32px" : "0"}
    >
      <Box display="flex" justifyContent="space-between" gap={2} flexWrap="wrap">
        <Text fontWeight="bold">
          {internal && <span aria-hidden="true">🔒 </span>}
          {author}
          <Text as="span" size={2} color="default2">
            {" "}
            · {role} · {t("ticket.via", { medium: comment.medium.toLowerCase() })}
          </Text>
        </Text>
        <Text size={2} color="default2">
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </Text>
      </Box>
      {comment.email && <EmailBadge email={comment.email} />}
      <Html html={comment.body} />
      <AttachmentList attachments={comment.attachments} />
    </Box>
  );
}

function EventView({ event, options }: { event: TicketEvent; options: Options | undefined }) {
  const i18n = useI18n();
  const failed = event.type === "EMAIL_FAILED";
  const params = parseParameters(event.parameters);

  return (
    <Box
      data-testid="event"
      data-type={event.type}
      display="flex"
      gap={2}
      alignItems="baseline"
      paddingX={4}
      role={failed ? "note" : undefined}
    >
      <Text size={2} color={failed ? "critical1" : "default2"}>
        <span aria-hidden="true">{failed ? "⚠ " : "• "}</span>
        {eventText(event, i18n, options)}
        {failed && params.error ? ` (${String(params.error)})` : ""}
        {event.user ? ` ${i18n.t("event.by", { user: personName(event.user) })}` : ""}
        {params.rule && event.type !== "RULE_APPLIED"
          ? ` ${i18n.t("event.byRule", { rule: String(params.rule) })}`
          : ""}
        {" · "}
        <time dateTime={event.date}>{i18n.formatDate(event.date)}</time>
      </Text>
    </Box>
  );
}

export function Timeline({ ticket, options }: { ticket: Ticket; options: Options | undefined }) {
  const { t } = useI18n();
  const items = timelineItems(ticket);

  if (!items.length) return <Text color="default2">{t("ticket.noComments")}</Text>;

  return (
    <Box
      as="ol"
      display="flex"
      flexDirection="column"
      gap={3}
      padding={0}
      margin={0}
      style={{ listStyle: "none" }}
      aria-label={t("ticket.conversation")}
    >
      {items.map((item) => (
        <li key={item.kind === "comment" ? `c-${item.comment.id}` : `e-${item.event.id}`}>
          {item.kind === "comment" ? (
            <CommentView comment={item.comment} />
          ) : (
            <EventView event={item.event} options={options} />
          )}
        </li>
      ))}
    </Box>
  );
}
