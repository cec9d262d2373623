import { Box, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import { TicketServiceLevelsDocument, type TicketServiceLevelsQuery } from "../generated/graphql";
import { useI18n } from "../i18n";
import { Section } from "../ui/fields";
import { formatBusinessMinutes, unitsOf } from "./format";
import { SlaDue } from "./SlaDue";

type Levels = NonNullable<TicketServiceLevelsQuery["ticket"]>;

/**
 * The ticket page's service levels: each target with its state and time (the page keys
 * it by the ticket's last activity, so a change on the page reloads it).
 */
export function SlaPanel({ ticketId, now }: { ticketId: string; now?: Date }) {
  const query = useQuery(TicketServiceLevelsDocument, { id: ticketId });
  const levels = query.data?.ticket;

  // Nothing while loading or for callers who may not see it (the page has its own states).
  if (!levels) return null;

  return <SlaTargets levels={levels} now={now} />;
}

export function SlaTargets({ levels, now }: { levels: Levels; now?: Date }) {
  const { t, formatDate } = useI18n();
  const targets = levels.slaTargets ?? [];
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
                  used: formatBusinessMinutes(target.consumedMinutes, units),
                  target: formatBusinessMinutes(target.targetMinutes, units),
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
