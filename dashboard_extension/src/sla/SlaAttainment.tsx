import { Box, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import {
  StatisticsServiceLevelsDocument,
  type StatisticsServiceLevelsQuery,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { cellStyle } from "../settings/common";
import { personName } from "../ui/chips";
import { Section } from "../ui/fields";
import { EmptyState, ErrorState } from "../ui/StateViews";

type Attainment = NonNullable<StatisticsServiceLevelsQuery["slaAttainment"]>;
type Counts = Attainment["overall"];
type Row = { label: string; counts: Counts };

/** "87 %" / "87 %" in the reader's locale; "—" when nothing is decided yet. */
export function formatAttainment(value: number | null | undefined, lang: "de" | "en"): string {
  if (value === null || value === undefined) return "—";

  return new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(value);
}

/** The statistics page's service levels: attainment per target, channel, priority, assignee, week. */
export function SlaAttainmentSection({
  gte,
  lte,
  channel,
}: {
  gte: string;
  lte: string;
  channel: string | null;
}) {
  const { t, lang, formatDate } = useI18n();
  const query = useQuery(StatisticsServiceLevelsDocument, {
    period: { gte, lte },
    channel,
    languageCode: lang,
  });
  const data = query.data?.slaAttainment;

  /*
   * Shown below the ticket statistics once they are there: no second spinner, and an
   * answer without figures (no access) shows nothing rather than a second refusal.
   */
  if (query.error && !query.data)
    return (
      <Section title={t("sla.stats.title")}>
        <ErrorState message={query.error} onRetry={() => void query.refetch()} />
      </Section>
    );
  if (!data) return null;

  return (
    <Section title={t("sla.stats.title")}>
      {data.overall.total === 0 ? (
        <EmptyState title={t("sla.stats.none")} />
      ) : (
        <Box display="flex" flexDirection="column" gap={4}>
          <Text size={5} fontWeight="bold" data-testid="sla-attainment">
            {t("sla.stats.attainment")}: {formatAttainment(data.overall.attainment, lang)}
          </Text>
          <CountsTable
            title={t("sla.stats.byMetric")}
            rows={data.byMetric.map((g) => ({
              label: t(`sla.metric.${g.metric}`),
              counts: g.counts,
            }))}
          />
          <CountsTable
            title={t("sla.stats.byChannel")}
            rows={data.byChannel.map((g) => ({
              label: g.channel?.name ?? t("sla.stats.noChannel"),
              counts: g.counts,
            }))}
          />
          <CountsTable
            title={t("sla.stats.byPriority")}
            rows={data.byPriority.map((g) => ({
              label: g.priority?.name ?? "—",
              counts: g.counts,
            }))}
          />
          <CountsTable
            title={t("sla.stats.byAssignee")}
            rows={data.byAssignee.map((g) => ({
              label: g.assignee ? personName(g.assignee) : t("sla.stats.unassigned"),
              counts: g.counts,
            }))}
          />
          <CountsTable
            title={t("sla.stats.byWeek")}
            rows={data.byWeek.map((g) => ({
              label: t("sla.stats.weekOf", { date: formatDate(g.week) }),
              counts: g.counts,
            }))}
          />
        </Box>
      )}
    </Section>
  );
}

function CountsTable({ title, rows }: { title: string; rows: Row[] }) {
  const { t, lang } = useI18n();

  return (
    <Box overflowX="auto">
      <table style={{ width: "100%", borderCollapse: "collapse" }}>
        <caption style={{ textAlign: "left" }}>
          <Text size={3} fontWeight="bold">
            {title}
          </Text>
        </caption>
        <thead>
          <tr>
            {[
              "",
              "sla.stats.attainment",
              "sla.stats.met",
              "sla.stats.breached",
              "sla.stats.running",
              "sla.stats.total",
            ].map((key) => (
              <th key={key || "label"} scope="col" style={cellStyle}>
                <Text size={2} color="default2">
                  {key ? t(key as "sla.stats.met") : ""}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" style={cellStyle}>
                <Text size={3}>{row.label}</Text>
              </th>
              <td style={cellStyle}>{formatAttainment(row.counts.attainment, lang)}</td>
              <td style={cellStyle}>{row.counts.met}</td>
              <td style={cellStyle}>{row.counts.breached}</td>
              <td style={cellStyle}>{row.counts.running}</td>
              <td style={cellStyle}>{row.counts.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
