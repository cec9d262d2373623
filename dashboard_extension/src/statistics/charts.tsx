import { Box, Text } from "@saleor/macaw-ui";
import { useId } from "react";

import { useI18n } from "../i18n";
import { niceMax } from "./stats";

const COLORS = { created: "#2563eb", closed: "#16a34a", bar: "#6366f1", grid: "#9ca3af" };

export type Bar = { label: string; value: number; secondary?: number };

const tableStyle = { borderCollapse: "collapse" as const, width: "100%" };
const cell = { padding: "4px 8px", textAlign: "left" as const, borderBottom: "1px solid #ddd" };
const numCell = { ...cell, textAlign: "right" as const };

/** Horizontal bars (SVG, one row per item) with a table of the same numbers. */
export function BarChart({
  title,
  bars,
  valueLabel,
  secondaryLabel,
  emptyText,
}: {
  title: string;
  bars: Bar[];
  valueLabel: string;
  secondaryLabel?: string;
  emptyText: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const descId = useId();
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  const max = niceMax(Math.max(0, ...sorted.map((b) => b.value)));
  const rowHeight = 28;
  const labelWidth = 160;
  const width = 560;
  const barArea = width - labelWidth - 48;
  const height = sorted.length * rowHeight + 4;
  const description = sorted.map((b) => `${b.label}: ${b.value}`).join(", ");

  return (
    <Box
      as="figure"
      margin={0}
      display="flex"
      flexDirection="column"
      gap={2}
      data-testid="bar-chart"
    >
      <Text as="h3" id={titleId} size={4} fontWeight="bold">
        {title}
      </Text>
      {sorted.length === 0 ? (
        <Text color="default2">{emptyText}</Text>
      ) : (
        <>
          <svg
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            style={{ maxWidth: width }}
            preserveAspectRatio="xMinYMin meet"
          >
            <desc id={descId}>{description}</desc>
            {sorted.map((b, i) => {
              const y = i * rowHeight + 4;
              const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barArea);

              return (
                <g key={`${b.label}-${i}`}>
                  <text
                    x={labelWidth - 8}
                    y={y + rowHeight / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                    fontSize="12"
                    fill="currentColor"
                  >
                    {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
                  </text>
                  <rect
                    x={labelWidth}
                    y={y + 4}
                    width={w}
                    height={rowHeight - 10}
                    rx="3"
                    fill={COLORS.bar}
                  />
                  <text
                    x={labelWidth + w + 6}
                    y={y + rowHeight / 2}
                    dominantBaseline="middle"
                    fontSize="12"
                    fill="currentColor"
                  >
                    {b.value}
                  </text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary style={{ cursor: "pointer" }}>{t("stats.showTable", { title })}</summary>
            <table style={tableStyle}>
              <caption style={{ textAlign: "left" }}>{title}</caption>
              <thead>
                <tr>
                  <th scope="col" style={cell}>
                    {t("stats.item")}
                  </th>
                  <th scope="col" style={numCell}>
                    {valueLabel}
                  </th>
                  {secondaryLabel && (
                    <th scope="col" style={numCell}>
                      {secondaryLabel}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {sorted.map((b, i) => (
                  <tr key={`${b.label}-${i}`}>
                    <th scope="row" style={{ ...cell, fontWeight: "normal" }}>
                      {b.label}
                    </th>
                    <td style={numCell}>{b.value}</td>
                    {secondaryLabel && <td style={numCell}>{b.secondary ?? "—"}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Box>
  );
}

export type VolumeDay = { date: string; created: number; closed: number };

/** Created and closed tickets per day as two lines (SVG), with a table of the same numbers. */
export function VolumeChart({ title, days }: { title: string; days: VolumeDay[] }) {
  const { t, formatDate } = useI18n();
  const titleId = useId();
  const descId = useId();
  const width = 720;
  const height = 240;
  const left = 40;
  const bottom = 28;
  const top = 10;
  const right = 10;
  const max = niceMax(Math.max(0, ...days.map((d) => Math.max(d.created, d.closed))));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (days.length <= 1 ? plotW / 2 : (i / (days.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const line = (key: "created" | "closed") =>
    days.map((d, i) => `${x(i).toFixed(1)},${y(d[key]).toFixed(1)}`).join(" ");
  const created = days.reduce((s, d) => s + d.created, 0);
  const closed = days.reduce((s, d) => s + d.closed, 0);
  const busiest = days.reduce<VolumeDay | null>(
    (best, d) => (!best || d.created > best.created ? d : best),
    null,
  );
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, false);
  const description = t("stats.volumeDesc", {
    created,
    closed,
    days: days.length,
    busiest: busiest && busiest.created > 0 ? day(busiest.date) : "—",
    busiestCount: busiest?.created ?? 0,
  });

  return (
    <Box
      as="figure"
      margin={0}
      display="flex"
      flexDirection="column"
      gap={2}
      data-testid="volume-chart"
    >
      <Text as="h3" id={titleId} size={4} fontWeight="bold">
        {title}
      </Text>
      <Box display="flex" gap={4} aria-hidden="true">
        <Text size={2}>
          <span style={{ color: COLORS.created }}>■</span> {t("stats.created")}
        </Text>
        <Text size={2}>
          <span style={{ color: COLORS.closed }}>■</span> {t("stats.closed")}
        </Text>
      </Box>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <desc id={descId}>{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={left}
              x2={width - right}
              y1={y(max * f)}
              y2={y(max * f)}
              stroke={COLORS.grid}
              strokeOpacity="0.4"
            />
            <text
              x={left - 6}
              y={y(max * f)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="11"
              fill="currentColor"
            >
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {days.length > 0 && (
          <>
            <text x={x(0)} y={height - 8} fontSize="11" fill="currentColor" textAnchor="start">
              {day(days[0]!.date)}
            </text>
            <text
              x={x(days.length - 1)}
              y={height - 8}
              fontSize="11"
              fill="currentColor"
              textAnchor="end"
            >
              {day(days[days.length - 1]!.date)}
            </text>
            <polyline
              points={line("created")}
              fill="none"
              stroke={COLORS.created}
              strokeWidth="2"
            />
            <polyline
              points={line("closed")}
              fill="none"
              stroke={COLORS.closed}
              strokeWidth="2"
              strokeDasharray="6 3"
            />
          </>
        )}
      </svg>
      <Text size={2} color="default2">
        {description}
      </Text>
      <details>
        <summary style={{ cursor: "pointer" }}>{t("stats.showTable", { title })}</summary>
        <table style={tableStyle}>
          <caption style={{ textAlign: "left" }}>{title}</caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                {t("stats.day")}
              </th>
              <th scope="col" style={numCell}>
                {t("stats.created")}
              </th>
              <th scope="col" style={numCell}>
                {t("stats.closed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row" style={{ ...cell, fontWeight: "normal" }}>
                  {day(d.date)}
                </th>
                <td style={numCell}>{d.created}</td>
                <td style={numCell}>{d.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Box>
  );
}
