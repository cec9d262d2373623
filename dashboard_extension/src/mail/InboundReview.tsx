import { Box, Button, Chip, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useQuery } from "../api/context";
import {
  type HelpdeskInboundEmailStatusEnum,
  InboundEmailListDocument,
  type InboundEmailListQuery,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, ErrorState, Loading } from "../ui/StateViews";
import { OriginalMessageButton } from "./OriginalMessage";
import { useInboundDecision } from "./useInboundDecision";

/** What waits for staff: unverified senders, held and unreadable messages. */
export const TO_REVIEW: HelpdeskInboundEmailStatusEnum[] = ["UNVERIFIED", "HELD", "MALFORMED"];
const PAGE = 20;

type Connection = NonNullable<InboundEmailListQuery["helpdeskInboundEmails"]>;
export type ListedEmail = NonNullable<NonNullable<Connection["edges"][number]>["node"]>;

/** "Name <address>", or the address alone. */
export function sender(email: { fromName: string; fromAddress: string }): string {
  const address = email.fromAddress || "?";

  return email.fromName && email.fromName !== address ? `${email.fromName} <${address}>` : address;
}

/** Whether staff may still decide on it; an unreadable message can only be rejected. */
export function decisionsFor(status: HelpdeskInboundEmailStatusEnum): {
  accept: boolean;
  reject: boolean;
} {
  return {
    accept: status === "UNVERIFIED" || status === "HELD",
    reject: TO_REVIEW.includes(status),
  };
}

/**
 * The messages of all mailboxes (or one) that wait for staff, with accept and reject,
 * the ticket each reached and its original; or, switched, every message taken in.
 */
export function InboundReview({
  mailbox,
  onDecided,
}: {
  mailbox?: string;
  onDecided?: () => void;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<"review" | "all">("review");
  const [cursors, setCursors] = useState<string[]>([]);
  const query = useQuery(InboundEmailListDocument, {
    mailbox: mailbox ?? null,
    status: filter === "review" ? TO_REVIEW : null,
    first: PAGE,
    after: cursors.at(-1) ?? null,
  });
  const connection = query.data?.helpdeskInboundEmails;
  const emails = (connection?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));

  return (
    <Section title={t("mail.review")}>
      <Text color="default2">{t("mail.reviewIntro")}</Text>
      <Box display="flex" gap={3} alignItems="flex-end" flexWrap="wrap">
        <SelectField
          label={t("mail.reviewFilter")}
          value={filter}
          options={[
            { value: "review", label: t("mail.reviewFilter.review") },
            { value: "all", label: t("mail.reviewFilter.all") },
          ]}
          onChange={(value) => {
            setFilter(value === "all" ? "all" : "review");
            setCursors([]);
          }}
        />
        {connection && (
          <Text size={2} color="default2" data-testid="review-total">
            {filter === "review"
              ? t("mail.reviewCount", { count: connection.totalCount ?? 0 })
              : t("mail.reviewTotal", { count: connection.totalCount ?? 0 })}
          </Text>
        )}
      </Box>
      {query.error && !query.data && (
        <ErrorState message={query.error} onRetry={() => void query.refetch()} />
      )}
      {!query.data && !query.error && <Loading rows={3} />}
      {query.data && emails.length === 0 && (
        <EmptyState title={filter === "review" ? t("mail.reviewNone") : t("mail.reviewAllNone")} />
      )}
      {emails.length > 0 && (
        <Box
          as="ul"
          display="flex"
          flexDirection="column"
          gap={2}
          padding={0}
          margin={0}
          style={{ listStyle: "none" }}
        >
          {emails.map((email) => (
            <ReviewItem
              key={email.id}
              email={email}
              onDecided={() => {
                void query.refetch();
                onDecided?.();
              }}
            />
          ))}
        </Box>
      )}
      {(cursors.length > 0 || connection?.pageInfo.hasNextPage) && (
        <Box display="flex" gap={2}>
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={cursors.length === 0}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t("mail.prev")}
          </Button>
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={!connection?.pageInfo.hasNextPage}
            onClick={() => {
              const end = connection?.pageInfo.endCursor;

              if (end) setCursors((c) => [...c, end]);
            }}
          >
            {t("mail.next")}
          </Button>
        </Box>
      )}
    </Section>
  );
}

function ReviewItem({ email, onDecided }: { email: ListedEmail; onDecided: () => void }) {
  const { t, label, formatDate } = useI18n();
  const [decide, { busy }] = useInboundDecision();
  const from = sender(email);
  const allowed = decisionsFor(email.status);
  const run = async (decision: "accept" | "reject") => {
    if (await decide(email.id, decision)) onDecided();
  };

  return (
    <Box
      as="li"
      data-testid="inbound-email"
      data-status={email.status}
      display="flex"
      flexDirection="column"
      gap={1}
      padding={3}
      borderRadius={3}
      borderStyle="solid"
      borderWidth={1}
      borderColor={allowed.reject ? "warning1" : "default1"}
    >
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <Chip>
          <Text size={2}>{label("mail.inbound", email.status)}</Text>
        </Chip>
        <Text size={2} color="default2">
          <time dateTime={email.receivedAt}>{formatDate(email.receivedAt)}</time>
          {email.mailbox ? ` · ${email.mailbox.name}` : ""} · {t("mail.via", { via: email.via })}
        </Text>
      </Box>
      <Text fontWeight="bold">{from}</Text>
      <Text>{email.subject || t("mail.noSubject")}</Text>
      {email.note && (
        <Text size={2} color="default2" style={{ whiteSpace: "pre-line" }}>
          {email.note}
        </Text>
      )}
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        {email.ticket && (
          <Text size={3}>
            <a href={`#/tickets/${encodeURIComponent(email.ticket.id)}`}>
              {t("mail.ticketLink", { number: email.ticket.number })} {email.ticket.subject}
            </a>
          </Text>
        )}
        <OriginalMessageButton url={email.originalUrl} from={from} />
        {allowed.accept && (
          <Button
            type="button"
            size="small"
            variant="primary"
            disabled={busy}
            aria-label={t("mail.acceptItem", { from })}
            onClick={() => void run("accept")}
          >
            {t("mail.accept")}
          </Button>
        )}
        {allowed.reject && (
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={busy}
            aria-label={t("mail.rejectItem", { from })}
            onClick={() => void run("reject")}
          >
            {t("mail.reject")}
          </Button>
        )}
      </Box>
      {email.status === "MALFORMED" && (
        <Text size={1} color="default2">
          {t("mail.unreadableHint")}
        </Text>
      )}
    </Box>
  );
}
