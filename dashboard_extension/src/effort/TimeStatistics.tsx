import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { ApiError, errorMessage } from "../api/client";
import { useClient, useQuery } from "../api/context";
import { TimeStatisticsDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { saveDownload } from "../privacy/PrivacyActions";
import { BarChart } from "../statistics/charts";
import { personName } from "../ui/chips";
import { Section } from "../ui/fields";
import { ErrorState } from "../ui/StateViews";
import { formatDuration } from "./heartbeat";

export const TIME_EXPORT_PATH = "effort/export/";

/** Minutes, for the bars (the tooltips and totals show h:mm:ss). */
const minutes = (seconds: number) => Math.round(seconds / 60);

/** The statistics page's time section: per agent, channel and category, and the CSV. */
export function TimeStatisticsSection({
  period,
  channel,
}: {
  period: { gte: string; lte: string };
  channel: string | null;
}) {
  const { t, lang } = useI18n();
  const client = useClient();
  const query = useQuery(TimeStatisticsDocument, { period, channel });
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const stats = query.data?.timeStatistics;
  const none = t("effort.none");

  const exportCsv = async () => {
    setExporting(true);
    setProblem(null);
    try {
      const download = await client.download(TIME_EXPORT_PATH, {
        gte: period.gte,
        lte: period.lte,
        language: lang,
        ...(channel ? { channel } : {}),
      });

      saveDownload(download, download.filename ?? "helpdesk-time.csv");
    } catch (error) {
      setProblem(
        t("effort.exportFailed", {
          message: error instanceof ApiError ? error.message : errorMessage(error),
        }),
      );
    } finally {
      setExporting(false);
    }
  };

  return (
    <Section
      title={t("effort.statsTitle")}
      actions={
        <Button variant="secondary" disabled={exporting} onClick={() => void exportCsv()}>
          {exporting ? t("effort.exporting") : t("effort.export")}
        </Button>
      }
    >
      {problem && (
        <Text role="alert" color="critical1">
          {problem}
        </Text>
      )}
      {query.error && !stats && (
        <ErrorState message={query.error} onRetry={() => void query.refetch()} />
      )}
      {stats && (
        <Box display="flex" flexDirection="column" gap={4}>
          <Text size={5} fontWeight="bold" data-testid="time-total">
            {t("effort.statsTotal", {
              time: formatDuration(stats.totalSeconds),
              entries: stats.entries,
            })}
          </Text>
          <BarChart
            title={t("effort.byAgent")}
            valueLabel={t("effort.minutes")}
            emptyText={none}
            bars={stats.byAgent.map((a) => ({
              label: a.user ? personName(a.user) : t("effort.deletedUser"),
              value: minutes(a.seconds),
            }))}
          />
          <BarChart
            title={t("effort.byChannel")}
            valueLabel={t("effort.minutes")}
            emptyText={none}
            bars={stats.byChannel.map((c) => ({
              label: c.channel?.name ?? none,
              value: minutes(c.seconds),
            }))}
          />
          <BarChart
            title={t("effort.byCategory")}
            valueLabel={t("effort.minutes")}
            emptyText={none}
            bars={stats.byCategory.map((c) => ({
              label: c.category?.name ?? t("panel.noCategory"),
              value: minutes(c.seconds),
            }))}
          />
        </Box>
      )}
    </Section>
  );
}
