import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { formatAttainment, SlaAttainmentSection } from "./SlaAttainment";

const counts = (met: number, breached: number, running: number) => ({
  met,
  breached,
  running,
  total: met + breached + running,
  attainment: met + breached ? met / (met + breached) : null,
});

describe("service-level attainment on the statistics page", () => {
  it("shows attainment per target, channel, priority, assignee and week", async () => {
    const { client, callsOf } = createFakeClient({
      StatisticsServiceLevels: () => ({
        slaAttainment: {
          overall: counts(3, 1, 1),
          byMetric: [{ metric: "FIRST_RESPONSE", counts: counts(3, 1, 1) }],
          byChannel: [{ channel: { id: "Channel:1", name: "Webshop" }, counts: counts(3, 1, 1) }],
          byPriority: [{ priority: { id: "P:1", name: "Hoch" }, counts: counts(3, 1, 1) }],
          byAssignee: [{ assignee: null, counts: counts(3, 1, 1) }],
          byWeek: [{ week: "2026-03-02", counts: counts(3, 1, 1) }],
        },
      }),
    });

    renderApp(
      <SlaAttainmentSection gte="2026-03-01T00:00:00Z" lte="2026-03-31T00:00:00Z" channel={null} />,
      {
        client,
        lang: "de",
      },
    );

    expect(await screen.findByTestId("sla-attainment")).toHaveTextContent("Erfüllungsquote: 75 %");
    const byMetric = screen.getByRole("table", { name: "Nach Ziel" });

    expect(within(byMetric).getByRole("rowheader", { name: "Erste Antwort" })).toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "Nicht zugewiesen" })).toBeInTheDocument();
    expect(callsOf("StatisticsServiceLevels")[0]!.variables).toStrictEqual({
      period: { gte: "2026-03-01T00:00:00Z", lte: "2026-03-31T00:00:00Z" },
      channel: null,
      languageCode: "de",
    });
  });

  it("formats shares in the reader's locale", () => {
    expect(formatAttainment(0.875, "en")).toBe("88%");
    expect(formatAttainment(null, "de")).toBe("—");
  });
});
