import { Box, Text } from "@saleor/macaw-ui";

import type { TicketDetailsQuery } from "../generated/graphql";
import { useI18n } from "../i18n";
import { Section } from "../ui/fields";
import { formatSpan, unitsOf } from "./format";
import { SlaDue } from "./SlaDue";

type Ticket = NonNullable<TicketDetailsQuery["ticket"]>;

/** The ticket page's service levels: each target with its state and time. */
export function SlaPanel({ ticket, now }: { ticket: Ticket; now?: Date }) {
  const { t, formatDate } = useI18n();
  const targets = ticket.slaTargets ?? [];
  const units = unitsOf(t);

  return (
    <Section title={t("sla.panel")}>
      {targets.length === 0 ? (
        <Text size={2} color="default2">
          {t("sla.panel.none")}
        </Text>
      ) : (
        <Box as="ul" display="flex" flexDirection="column" gap={2} padding={0} margin={0}>
          {targets.map((target, index) => (
            <Box
              as="li"
              key={`${target.metric}-${target.startedAt}-${index}`}
              data-testid="sla-target"
              display="flex"
              flexDirection="column"
              gap={1}
              style={{ listStyle: "none" }}
            >
              <Box display="flex" justifyContent="space-between" gap={2} alignItems="center">
                <Text size={3} fontWeight="bold">
                  {t(`sla.metric.${target.metric}`)}
                </Text>
                <SlaDue dueAt={target.metAt ? null : target.dueAt} state={target.state} now={now} />
              </Box>
              <Text size={2} color="default2">
                {t("sla.panel.used", {
                  used: formatSpan(target.consumedMinutes, units),
                  target: formatSpan(target.targetMinutes, units),
                })}
                {target.metAt
                  ? ` · ${t("sla.panel.metAt", { date: formatDate(target.metAt, true) })}`
                  : ""}
                {target.pausedAt && !target.metAt
                  ? ` · ${t("sla.panel.pausedSince", { date: formatDate(target.pausedAt, true) })}`
                  : ""}
              </Text>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}
