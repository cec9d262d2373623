import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { TimeStatisticsSection } from "../effort/TimeStatistics";
import { StatisticsTicketsDocument, type StatisticsTicketsQuery } from "../generated/graphql";
import { useI18n } from "../i18n";
import { type Route, useQueryUpdater } from "../router";
import { SatisfactionStatistics } from "../satisfaction/SatisfactionStatistics";
import { SlaAttainmentSection } from "../sla/SlaAttainment";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, ErrorState, Loading } from "../ui/StateViews";
import { BarChart, VolumeChart } from "./charts";
import { fillDays, formatDuration, periodFromQuery, PRESETS } from "./stats";

type Stats = NonNullable<StatisticsTicketsQuery["ticketStatistics"]>;

/**
 * `#/statistics?days=30` or `?from=…&to=…` (and `channel=<Channel ID>`): volume, response and
 * resolution times, and counts per status group, kind, assignee, category and complaint reason.
 */
export function StatisticsPage({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const update = useQueryUpdater(route);
  const period = periodFromQuery(route.query);
  const channel = route.query.get("channel") || null;
  const query = useQuery(StatisticsTicketsDocument, {
    period: { gte: period.gte, lte: period.lte },
    channel,
    languageCode: lang,
  });
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);

  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);

  const invalidRange = (route.query.has("from") || route.query.has("to")) && !period.custom;
  const presetValue = period.custom ? "custom" : String(period.days);
  const stats = query.data?.ticketStatistics;

  return (
    <Box padding={6} display="flex" flexDirection="column" gap={4}>
      <Text as="h1" size={8} fontWeight="bold">
        {t("stats.title")}
      </Text>
      <Box display="flex" gap={4} flexWrap="wrap" alignItems="flex-end">
        <SelectField
          label={t("stats.period")}
          value={presetValue}
          options={[
            ...PRESETS.map((d) => ({ value: String(d), label: t("stats.lastDays", { days: d }) })),
            { value: "custom", label: t("stats.custom") },
          ]}
          onChange={(value) => {
            if (value === "custom") update({ days: null, from: period.from, to: period.to });
            else update({ days: value, from: null, to: null });
          }}
        />
        <Box
          as="form"
          aria-label={t("stats.customRange")}
          display="flex"
          gap={2}
          alignItems="flex-end"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            update({ days: null, from, to });
          }}
        >
          <Input
            type="date"
            label={t("stats.from")}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <Input
            type="date"
            label={t("stats.to")}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <Button type="submit" variant="secondary">
            {t("stats.apply")}
          </Button>
        </Box>
      </Box>
      {invalidRange && (
        <Text role="status" color="warning1">
          {t("stats.invalidRange", { days: period.days })}
        </Text>
      )}
      <StatisticsBody
        stats={stats}
        error={query.error}
        loading={query.loading}
        onRetry={() => void query.refetch()}
        from={period.from}
        to={period.to}
      />
      <TimeStatisticsSection period={{ gte: period.gte, lte: period.lte }} channel={channel} />
      <SatisfactionStatistics route={route} gte={period.gte} lte={period.lte} channel={channel} />
      {stats && <SlaAttainmentSection gte={period.gte} lte={period.lte} channel={channel} />}
    </Box>
  );
}

function StatisticsBody({
  stats,
  error,
  loading,
  onRetry,
  from,
  to,
}: {
  stats: Stats | null | undefined;
  error: string | null;
  loading: boolean;
  onRetry: () => void;
  from: string;
  to: string;
}) {
  const { t, label } = useI18n();

  if (error && !stats) return <ErrorState message={error} onRetry={onRetry} />;
  if (stats === undefined || (loading && !stats))
    return <Loading rows={6} label={t("stats.loading")} />;
  if (stats === null) return <ErrorState message={t("stats.unavailable")} onRetry={onRetry} />;
  if (stats.total === 0 && stats.volume.every((v) => v.created === 0 && v.closed === 0)) {
    return <EmptyState title={t("stats.empty")} hint={t("stats.emptyHint")} />;
  }
  const units = {
    d: t("stats.unit.d"),
    h: t("stats.unit.h"),
    min: t("stats.unit.min"),
    s: t("stats.unit.s"),
  };
  const none = t("stats.none");

  return (
    <Box display="flex" flexDirection="column" gap={4} aria-busy={loading}>
      <Box
        display="grid"
        __gridTemplateColumns="repeat(auto-fit, minmax(200px, 1fr))"
        gap={3}
        as="section"
        aria-label={t("stats.summary")}
      >
        <Kpi label={t("stats.total")} value={String(stats.total)} />
        <Kpi
          label={t("stats.firstResponse")}
          value={formatDuration(stats.firstResponseTime.median, units)}
          note={t("stats.durationNote", {
            p90: formatDuration(stats.firstResponseTime.p90, units),
            count: stats.firstResponseTime.count,
          })}
        />
        <Kpi
          label={t("stats.resolution")}
          value={formatDuration(stats.resolutionTime.median, units)}
          note={t("stats.durationNote", {
            p90: formatDuration(stats.resolutionTime.p90, units),
            count: stats.resolutionTime.count,
          })}
        />
      </Box>
      <Section title={t("stats.volume")}>
        <VolumeChart title={t("stats.volumeChart")} days={fillDays(stats.volume, from, to)} />
      </Section>
      <Box display="grid" __gridTemplateColumns="repeat(auto-fit, minmax(420px, 1fr))" gap={4}>
        <Section title={t("stats.workload")}>
          <BarChart
            title={t("stats.byAssignee")}
            valueLabel={t("stats.tickets")}
            emptyText={none}
            bars={stats.byAssignee.map((a) => ({
              label: a.assignee ? personName(a.assignee) : t("inbox.unassigned"),
              value: a.count,
            }))}
          />
          <BarChart
            title={t("stats.byStatusGroup")}
            valueLabel={t("stats.tickets")}
            emptyText={none}
            bars={stats.byStatusGroup.map((g) => ({
              label: label("group", g.group),
              value: g.count,
            }))}
          />
        </Section>
        <Section title={t("stats.topics")}>
          <BarChart
            title={t("stats.byCategory")}
            valueLabel={t("stats.tickets")}
            emptyText={none}
            bars={stats.byCategory.map((c) => ({
              label: c.name ?? t("panel.noCategory"),
              value: c.count,
            }))}
          />
          <BarChart
            title={t("stats.byKind")}
            valueLabel={t("stats.tickets")}
            emptyText={none}
            bars={stats.byKind.map((k) => ({ label: label("kind", k.kind), value: k.count }))}
          />
          <BarChart
            title={t("stats.byReason")}
            valueLabel={t("stats.tickets")}
            secondaryLabel={t("stats.lines")}
            emptyText={none}
            bars={stats.byReason.map((r) => ({
              label: label("reason", r.reason),
              value: r.ticketCount,
              secondary: r.lineCount,
            }))}
          />
        </Section>
      </Box>
    </Box>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
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
      {note && (
        <Text size={2} color="default2">
          {note}
        </Text>
      )}
    </Box>
  );
}
