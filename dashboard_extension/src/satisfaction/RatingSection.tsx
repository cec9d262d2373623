import { Box, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import { TicketSatisfactionDocument, type TicketSatisfactionQuery } from "../generated/graphql";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { Section } from "../ui/fields";
import { stars } from "./satisfaction";

type Rating = NonNullable<NonNullable<TicketSatisfactionQuery["ticket"]>["satisfactionRating"]>;

/**
 * The customer's rating of a ticket, loaded on its own (`lastActivityAt` as the key reloads
 * it when the ticket changes); nothing while it loads or when it cannot be read.
 */
export function TicketRating({ ticketId }: { ticketId: string }) {
  const query = useQuery(TicketSatisfactionDocument, { id: ticketId });
  const ticket = query.data?.ticket;

  if (!ticket) return null;

  return <RatingSection rating={ticket.satisfactionRating} />;
}

/** The customer's rating of a closed ticket: score, comment, when, how and who handled it. */
export function RatingSection({ rating }: { rating: Rating | null }) {
  const { t, formatDate } = useI18n();

  return (
    <Section title={t("satisfaction.title")}>
      {rating ? (
        <Box display="flex" flexDirection="column" gap={1} data-testid="satisfaction-rating">
          <Text
            size={6}
            fontWeight="bold"
            aria-label={t("satisfaction.stars", { score: rating.score })}
          >
            <span aria-hidden="true">{stars(rating.score)}</span>{" "}
            {t("satisfaction.score", { score: rating.score })}
          </Text>
          <Text size={3} style={{ whiteSpace: "pre-line" }}>
            {rating.comment || t("satisfaction.noComment")}
          </Text>
          <Text size={2} color="default2">
            {t("satisfaction.ratedAt", { date: formatDate(rating.createdAt) })}{" "}
            {t(`satisfaction.source.${rating.source}`)}
          </Text>
          {rating.agent && (
            <Text size={2} color="default2">
              {t("satisfaction.agent", { agent: personName(rating.agent) })}
            </Text>
          )}
        </Box>
      ) : (
        <Text size={2} color="default2">
          {t("satisfaction.noRating")}
        </Text>
      )}
    </Section>
  );
}
