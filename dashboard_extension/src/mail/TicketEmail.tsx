import { Box, Button, Chip, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import {
  type HelpdeskInboundEmailStatusEnum,
  TicketInboundEmailsDocument,
  type TicketInboundEmailsQuery,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import type { Comment, Ticket } from "../screens/ticket/types";
import { Section } from "../ui/fields";
import { sender } from "./InboundReview";
import { OriginalMessageButton } from "./OriginalMessage";
import { useInboundDecision } from "./useInboundDecision";

type CommentEmail = NonNullable<Comment["email"]>;
type TicketEmail = NonNullable<
  NonNullable<TicketInboundEmailsQuery["ticket"]>["inboundEmails"]
>[number];

/** Where a comment's article is, so a banner can show it. */
export const commentAnchor = (id: string) => `comment-${id}`;

/** The comments whose e-mail came from an address the ticket does not know, still undecided. */
export function unverifiedComments(ticket: Ticket): Array<Comment & { email: CommentEmail }> {
  return (ticket.comments?.edges ?? []).flatMap((edge) => {
    const comment = edge?.node;

    return comment?.email?.status === "UNVERIFIED" ? [{ ...comment, email: comment.email }] : [];
  });
}

/** Whether the ticket has e-mails worth asking the API about (it came, or was answered, by e-mail). */
export function hasEmail(ticket: Ticket): boolean {
  return (
    ticket.source === "EMAIL" ||
    (ticket.comments?.edges ?? []).some((edge) => Boolean(edge?.node?.email))
  );
}

/** Statuses a comment's badge names; a message simply taken in needs no word. */
const BADGE_STATUSES: HelpdeskInboundEmailStatusEnum[] = ["UNVERIFIED", "ACCEPTED", "REJECTED"];

/** On a comment that came by e-mail: who sent it, what staff decided, and the original. */
export function EmailBadge({ email }: { email: CommentEmail }) {
  const { t, label } = useI18n();
  const from = sender(email);

  return (
    <Box display="flex" gap={2} alignItems="center" flexWrap="wrap" data-testid="email-badge">
      <Chip backgroundColor={email.status === "UNVERIFIED" ? "critical1" : "default1"}>
        <Text size={2}>✉ {t("mail.badge", { address: email.fromAddress || "?" })}</Text>
      </Chip>
      {BADGE_STATUSES.includes(email.status) && (
        <Chip>
          <Text size={2}>{label("mail.inbound", email.status)}</Text>
        </Chip>
      )}
      <OriginalMessageButton url={email.originalUrl} from={from} />
    </Box>
  );
}

/**
 * One banner per reply from an address the ticket does not know: the sender, what
 * accepting and rejecting do, and the two buttons.
 */
export function UnverifiedBanners({
  ticket,
  onDecided,
}: {
  ticket: Ticket;
  onDecided: () => void;
}) {
  const waiting = unverifiedComments(ticket);

  if (!waiting.length) return null;

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      {waiting.map((comment) => (
        <UnverifiedBanner key={comment.id} comment={comment} onDecided={onDecided} />
      ))}
    </Box>
  );
}

function UnverifiedBanner({
  comment,
  onDecided,
}: {
  comment: Comment & { email: CommentEmail };
  onDecided: () => void;
}) {
  const { t } = useI18n();
  const [decide, { busy }] = useInboundDecision();
  const address = comment.email.fromAddress || "?";
  const title = t("mail.unverifiedTitle", { address });
  const run = async (decision: "accept" | "reject") => {
    if (await decide(comment.email.id, decision)) onDecided();
  };

  return (
    <Box
      as="section"
      aria-label={title}
      data-testid="unverified-banner"
      display="flex"
      flexDirection="column"
      gap={2}
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor="critical1"
      backgroundColor="critical1"
    >
      <Text as="h2" size={4} fontWeight="bold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </Text>
      <Text>{t("mail.unverifiedText", { address })}</Text>
      <Box display="flex" gap={2} flexWrap="wrap" alignItems="center">
        <Button type="button" variant="primary" disabled={busy} onClick={() => void run("accept")}>
          {t("mail.accept")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() => void run("reject")}
        >
          {t("mail.reject")}
        </Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() =>
            document
              .getElementById(commentAnchor(comment.id))
              ?.scrollIntoView?.({ behavior: "smooth", block: "center" })
          }
        >
          {t("mail.unverifiedShow")}
        </Button>
      </Box>
    </Box>
  );
}

/** E-mails of the ticket worth a word: held, refused, ignored or bounced, or with a note. */
export function noteworthy(emails: readonly TicketEmail[]): TicketEmail[] {
  return emails.filter(
    (email) =>
      email.status !== "UNVERIFIED" &&
      (!["PROCESSED", "ACCEPTED"].includes(email.status) || Boolean(email.note)),
  );
}

/** The side panel's list of e-mails that did not simply join the conversation. */
export function TicketEmailsSection({ ticketId }: { ticketId: string }) {
  const { t, label, formatDate } = useI18n();
  const query = useQuery(TicketInboundEmailsDocument, { id: ticketId });
  const emails = noteworthy(query.data?.ticket?.inboundEmails ?? []);

  if (!emails.length) return null;

  return (
    <Section title={t("mail.ticketEmails")}>
      <Text size={2} color="default2">
        {t("mail.ticketEmailsIntro")}
      </Text>
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
          <Box
            as="li"
            key={email.id}
            data-testid="ticket-email"
            display="flex"
            flexDirection="column"
            gap={1}
          >
            <Text size={2} fontWeight="bold">
              {label("mail.inbound", email.status)} ·{" "}
              <time dateTime={email.receivedAt}>{formatDate(email.receivedAt)}</time>
            </Text>
            <Text size={2}>{sender(email)}</Text>
            {email.note && (
              <Text size={2} color="default2" style={{ whiteSpace: "pre-line" }}>
                {email.note}
              </Text>
            )}
            <Box>
              <OriginalMessageButton url={email.originalUrl} from={sender(email)} />
            </Box>
          </Box>
        ))}
      </Box>
    </Section>
  );
}
