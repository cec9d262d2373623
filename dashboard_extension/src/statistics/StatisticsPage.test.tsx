import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import type { StatisticsTicketsQuery } from "../generated/graphql";
import { parseHash } from "../router";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";

type Stats = NonNullable<StatisticsTicketsQuery["ticketStatistics"]>;

const stats: Stats = {
  channelId: null,
  total: 12,
  byStatusGroup: [
    { group: "OPEN", count: 5 },
    { group: "CLOSED", count: 7 },
  ],
  byStatus: [],
  byKind: [
    { kind: "COMPLAINT", count: 4 },
    { kind: "QUESTION", count: 8 },
  ],
  byCategory: [
    { name: "Defect", count: 3, category: { id: "cat-1", kind: "COMPLAINT" } },
    { name: null, count: 9, category: null },
  ],
  byReason: [{ reason: "DAMAGED_IN_TRANSIT", lineCount: 5, ticketCount: 3 }],
  byAssignee: [
    {
      count: 7,
      assignee: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
    },
    { count: 5, assignee: null },
  ],
  firstResponseTime: { median: 3 * 3600 + 20 * 60, p90: 2 * 86400, count: 10 },
  resolutionTime: { median: null, p90: null, count: 0 },
  volume: [
    { date: "2025-01-01", created: 4, closed: 1 },
    { date: "2025-01-02", created: 8, closed: 6 },
  ],
};

function setup(
  handler: (v: Record<string, unknown>) => unknown = () => ({ ticketStatistics: stats }),
  lang: "en" | "de" = "en",
) {
  const fake = createFakeClient({
    StatisticsTickets: handler,
    // The time section (src/effort): its own tests cover it.
    TimeStatistics: () => ({
      timeStatistics: { totalSeconds: 0, entries: 0, byAgent: [], byChannel: [], byCategory: [] },
    }),
    StatisticsSatisfaction: () => ({ ticketSatisfactionStatistics: null }),
    // The service levels' section (src/sla/SlaAttainment.test.tsx): no targets here.
    StatisticsServiceLevels: () => ({ slaAttainment: null }),
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

describe("Statistics", () => {
  beforeEach(() => {
    window.location.hash = "#/statistics?from=2025-01-01&to=2025-01-03";
  });

  it("asks for the period of the URL and shows times, volume and breakdowns", async () => {
    const { callsOf } = setup();

    expect(await screen.findByText("3 h 20 min")).toBeInTheDocument();
    const vars = callsOf("StatisticsTickets")[0]!.variables as {
      period: { gte: string; lte: string };
      languageCode: string;
      channel: null;
    };

    expect(new Date(vars.period.gte).getTime()).toBe(new Date(2025, 0, 1).getTime());
    expect(new Date(vars.period.lte).getTime()).toBe(
      new Date(2025, 0, 3, 23, 59, 59, 999).getTime(),
    );
    expect(vars.languageCode).toBe("en");
    expect(screen.getByText("90% within 2 d · 10 tickets")).toBeInTheDocument();
    expect(screen.getByText("12")).toBeInTheDocument();

    // Charts are images with a title and a description, and a table with the same numbers.
    const volume = screen.getByRole("img", { name: /Tickets per day/ });

    expect(volume).toHaveAccessibleName(
      expect.stringContaining("12 created and 7 closed over 3 days"),
    );
    const assignee = screen.getByRole("img", { name: /Tickets per assignee/ });

    expect(assignee).toHaveAccessibleName(expect.stringContaining("Anna Agent: 7, Unassigned: 5"));
    const table = screen.getByRole("table", { name: "Tickets per day" });
    const rows = within(table).getAllByRole("row").slice(1);

    expect(rows).toHaveLength(3); // the missing day is filled with zeros
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toStrictEqual([
      ["4", "1"],
      ["8", "6"],
      ["0", "0"],
    ]);
    const reasons = screen.getByRole("table", { name: "Complaints per reason" });

    expect(within(reasons).getByRole("row", { name: /Damaged in transit/ })).toHaveTextContent(
      "35",
    );
    expect(screen.getByRole("img", { name: /Tickets per category/ })).toHaveAccessibleName(
      expect.stringContaining("No category: 9"),
    );
  });

  it("changes the period through the selector and the custom range, kept in the URL", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup();

    await screen.findByText("3 h 20 min");
    await user.selectOptions(screen.getByLabelText("Period"), "7");
    await waitFor(() => expect(parseHash(window.location.hash).query.toString()).toBe("days=7"));
    await waitFor(() => expect(callsOf("StatisticsTickets")).toHaveLength(2));

    const from = screen.getByLabelText("From");
    const to = screen.getByLabelText("To");

    await user.clear(from);
    await user.type(from, "2024-12-01");
    await user.clear(to);
    await user.type(to, "2024-12-31");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() =>
      expect(parseHash(window.location.hash).query.toString()).toBe(
        "from=2024-12-01&to=2024-12-31",
      ),
    );
    await waitFor(() => expect(screen.getByLabelText("Period")).toHaveValue("custom"));
  });

  it("shows loading, empty and error states, and German labels", async () => {
    const user = userEvent.setup();
    let mode: "fail" | "empty" = "fail";

    setup(() => {
      if (mode === "fail") throw new Error("Server down");

      return { ticketStatistics: { ...stats, total: 0, volume: [], byAssignee: [] } };
    }, "de");
    expect(screen.getByRole("status")).toHaveTextContent("Statistik wird geladen…");
    expect(await screen.findByText(/Server down/)).toBeInTheDocument();
    mode = "empty";
    await user.click(screen.getByRole("button", { name: "Erneut versuchen" }));
    expect(await screen.findByText("Keine Tickets in diesem Zeitraum.")).toBeInTheDocument();
  });

  it("says when the range in the URL is unusable and shows the default period instead", async () => {
    window.location.hash = "#/statistics?from=2025-02-01&to=2025-01-01";
    const { callsOf } = setup();

    expect(await screen.findByText(/The range must run forward/)).toBeInTheDocument();
    expect(screen.getByLabelText("Period")).toHaveValue("30");
    expect(callsOf("StatisticsTickets")).toHaveLength(1);
  });

  it("explains when the API refuses the statistics", async () => {
    setup(() => ({ ticketStatistics: null }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not available to you");
  });
});
