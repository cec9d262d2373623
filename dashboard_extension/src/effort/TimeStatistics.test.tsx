import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { TimeStatisticsSection } from "./TimeStatistics";

const PERIOD = { gte: "2026-03-01T00:00:00.000Z", lte: "2026-03-31T23:59:59.999Z" };

describe("Time statistics", () => {
  it("shows the time per agent, channel and category and downloads the CSV", async () => {
    URL.createObjectURL = vi.fn(() => "blob:time");
    URL.revokeObjectURL = vi.fn();
    const user = userEvent.setup();
    const fake = createFakeClient(
      {
        TimeStatistics: () => ({
          timeStatistics: {
            totalSeconds: 3600,
            entries: 3,
            byAgent: [
              {
                seconds: 3000,
                entries: 2,
                user: { id: "User:1", email: "a@x", firstName: "Anna", lastName: "Agent" },
              },
              { seconds: 600, entries: 1, user: null },
            ],
            byChannel: [
              { seconds: 3600, entries: 3, channel: { id: "C:1", slug: "de", name: "Shop DE" } },
            ],
            byCategory: [{ seconds: 3600, entries: 3, category: null }],
          },
        }),
      },
      () => ({ blob: new Blob(["csv"], { type: "text/csv" }), filename: "helpdesk-time.csv" }),
    );

    renderApp(<TimeStatisticsSection period={PERIOD} channel="Channel:1" />, {
      client: fake.client,
      lang: "de",
    });

    expect(await screen.findByTestId("time-total")).toHaveTextContent("1:00:00 in 3 Einträgen");
    expect(screen.getAllByText("Anna Agent").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Gelöschter Benutzer").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Shop DE").length).toBeGreaterThan(0);

    await user.click(screen.getByRole("button", { name: "CSV exportieren" }));
    await waitFor(() => expect(fake.downloads).toHaveLength(1));
    expect(fake.downloads[0]).toStrictEqual({
      path: "effort/export/",
      params: { ...PERIOD, language: "de", channel: "Channel:1" },
    });
  });
});
