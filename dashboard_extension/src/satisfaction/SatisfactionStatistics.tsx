import { Box, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import {
  StatisticsSatisfactionDocument,
  type TicketSatisfactionIntervalEnum,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { type Route, useQueryUpdater } from "../router";
import { BarChart } from "../statistics/charts";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { ErrorState } from "../ui/StateViews";
import { formatAverage, formatCsat, fullDistribution } from "./satisfaction";

const INTERVALS: TicketSatisfactionIntervalEnum[] = ["WEEK", "MONTH"];

/** `?csat=week|month` picks how the period is divided (month by default). */
export function intervalFromQuery(query: URLSearchParams): TicketSatisfactionIntervalEnum {
  return query.get("csat") === "week" ? "WEEK" : "MONTH";
}

/**
 * The statistics page's satisfaction section: count, average, CSAT and distribution of the
 * ratings recorded in the page's period (and channel), per agent, channel and week or month.
 */
export function SatisfactionStatistics({
  route,
  gte,
  lte,
  channel,
}: {
  route: Route;
  gte: string;
  lte: string;
  channel: string | null;
}) {
  const { t, lang } = useI18n();
  const update = useQueryUpdater(route);
  const interval = intervalFromQuery(route.query);
  const query = useQuery(StatisticsSatisfactionDocument, {
    period: { gte, lte },
    channel,
    interval,
  });
  const stats = query.data?.ticketSatisfactionStatistics;
  const average = (value: number | null) => Math.round((value ?? 0) * 100);

  return (
    <Section
      title={t("satisfaction.stats.title")}
      actions={
        <SelectField
          label={t("satisfaction.stats.interval")}
          value={interval}
          options={INTERVALS.map((i) => ({
            value: i,
            label: t(`satisfaction.stats.interval.${i}`),
          }))}
          onChange={(value) => update({ csat: value === "WEEK" ? "week" : null })}
        />
      }
    >
      {query.error && !stats ? (
        <ErrorState message={query.error} onRetry={() => void query.refetch()} />
      ) : !stats ? (
        /*
         * Plain text, no live region: the page's own statistics announce loading and
         * refusal once (the same permission guards both).
         */
        <Text color="default2">
          {stats === null ? t("stats.unavailable") : t("satisfaction.stats.loading")}
        </Text>
      ) : stats.overall.count === 0 ? (
        <Text color="default2">{t("satisfaction.stats.empty")}</Text>
      ) : (
        <Box display="flex" flexDirection="column" gap={4} aria-busy={query.loading}>
          <Box
            display="grid"
            __gridTemplateColumns="repeat(auto-fit, minmax(160px, 1fr))"
            gap={3}
            data-testid="satisfaction-kpis"
          >
            <Figure label={t("satisfaction.stats.count")} value={String(stats.overall.count)} />
            <Figure
              label={t("satisfaction.stats.average")}
              value={formatAverage(stats.overall.average, lang)}
            />
            <Figure
              label={t("satisfaction.stats.csat")}
              value={formatCsat(stats.overall.csat, lang)}
            />
          </Box>
          <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(420px, 1fr))" gap={4}>
            <BarChart
              title={t("satisfaction.stats.distribution")}
              valueLabel={t("satisfaction.stats.ratings")}
              emptyText="—"
              bars={fullDistribution(stats.overall)
                .reverse()
                .map((d) => ({
                  label: t("satisfaction.stats.scoreLabel", { score: d.score }),
                  value: d.count,
                }))}
            />
            <BarChart
              title={t("satisfaction.stats.byAgent")}
              valueLabel={t("satisfaction.stats.averageValue")}
              secondaryLabel={t("satisfaction.stats.ratings")}
              emptyText="—"
              bars={stats.byAgent.map((a) => ({
                label: a.agent ? personName(a.agent) : t("satisfaction.stats.unassigned"),
                value: average(a.summary.average),
                secondary: a.summary.count,
              }))}
            />
            <BarChart
              title={t("satisfaction.stats.byChannel")}
              valueLabel={t("satisfaction.stats.averageValue")}
              secondaryLabel={t("satisfaction.stats.ratings")}
              emptyText="—"
              bars={stats.byChannel.map((c) => ({
                label: c.channel?.name ?? t("satisfaction.stats.noChannel"),
                value: average(c.summary.average),
                secondary: c.summary.count,
              }))}
            />
          </Box>
          <Box as="table" data-testid="satisfaction-periods">
            <caption>
              {t("satisfaction.stats.byPeriod", {
                interval: t(`satisfaction.stats.interval.${interval}`),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`satisfaction.stats.interval.${interval}`)}</th>
                <th scope="col">{t("satisfaction.stats.count")}</th>
                <th scope="col">{t("satisfaction.stats.average")}</th>
                <th scope="col">{t("satisfaction.stats.csat")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.byPeriod.map((p) => (
                <tr key={p.start}>
                  <th scope="row">{p.start}</th>
                  <td>{p.summary.count}</td>
                  <td>{formatAverage(p.summary.average, lang)}</td>
                  <td>{formatCsat(p.summary.csat, lang)}</td>
                </tr>
              ))}
            </tbody>
          </Box>
        </Box>
      )}
    </Section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box
      padding={4}
      borderRadius={4}
      borderStyle="solid"
      borderWidth={1}
      borderColor="default1"
      display="flex"
      flexDirection="column"
      gap={1}
    >
      <Text size={2} color="default2">
        {label}
      </Text>
      <Text size={8} fontWeight="bold">
        {value}
      </Text>
    </Box>
  );
}
