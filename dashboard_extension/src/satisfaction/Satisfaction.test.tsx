import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { SettingsSatisfactionQuery, StatisticsSatisfactionQuery } from "../generated/graphql";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { helpdeskChannels } from "../test/fixtures";
import { renderApp } from "../test/render";
import { RatingSection, TicketRating } from "./RatingSection";

type Handler = (variables: Record<string, unknown>) => unknown;

function summary([count, average, csat]: [number, number | null, number | null], scores: number[]) {
  return {
    count,
    average,
    csat,
    distribution: scores.map((n, i) => ({ score: i + 1, count: n })),
  };
}

const satisfaction: StatisticsSatisfactionQuery = {
  ticketSatisfactionStatistics: {
    interval: "MONTH",
    overall: summary([3, 3.67, 66.7], [1, 0, 0, 1, 1]),
    byAgent: [
      {
        agent: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
        summary: summary([2, 4.5, 100], [0, 0, 0, 1, 1]),
      },
      { agent: null, summary: summary([1, 1, 0], [1, 0, 0, 0, 0]) },
    ],
    byChannel: [
      {
        channel: { id: "Channel:1", slug: "webshop-de", name: "Webshop DE" },
        summary: summary([3, 3.67, 66.7], [1, 0, 0, 1, 1]),
      },
    ],
    byPeriod: [{ start: "2025-01-01", summary: summary([3, 3.67, 66.7], [1, 0, 0, 1, 1]) }],
  },
};

function setup(hash: string, handlers: Record<string, Handler>, lang: "en" | "de" = "en") {
  window.location.hash = hash;
  const fake = createFakeClient({ HelpdeskChannels: () => helpdeskChannels, ...handlers });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

describe("the rating on the ticket page", () => {
  it("shows score, comment, source and agent", () => {
    const fake = createFakeClient({});

    renderApp(
      <RatingSection
        rating={{
          id: "TicketSatisfactionRating:1",
          score: 2,
          comment: "Es hat gedauert.",
          source: "EMAIL_LINK",
          createdAt: "2025-01-12T10:00:00+00:00",
          agent: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
        }}
      />,
      { client: fake.client, lang: "de" },
    );
    const rating = screen.getByTestId("satisfaction-rating");

    expect(within(rating).getByLabelText("2 von 5 Sternen")).toHaveTextContent("★★☆☆☆ 2 von 5");
    expect(rating).toHaveTextContent("Es hat gedauert.");
    expect(rating).toHaveTextContent("über den Link in der Abschluss-E-Mail");
    expect(rating).toHaveTextContent("Bearbeitet von Anna Agent");
  });

  it("loads the ticket's rating on its own", async () => {
    const fake = createFakeClient({
      TicketSatisfaction: () => ({
        ticket: {
          id: "Ticket:1",
          satisfactionRating: {
            id: "TicketSatisfactionRating:1",
            score: 5,
            comment: "",
            source: "STOREFRONT",
            createdAt: "2025-01-12T10:00:00+00:00",
            agent: null,
          },
        },
      }),
    });

    renderApp(<TicketRating ticketId="Ticket:1" />, { client: fake.client });
    expect(await screen.findByTestId("satisfaction-rating")).toHaveTextContent("5 of 5");
    expect(screen.getByText("No comment.")).toBeInTheDocument();
    expect(fake.callsOf("TicketSatisfaction")[0].variables).toStrictEqual({ id: "Ticket:1" });
  });

  it("says when the ticket is not rated yet", () => {
    renderApp(<RatingSection rating={null} />, { client: createFakeClient({}).client });
    expect(screen.getByText("Not rated yet.")).toBeInTheDocument();
  });
});

describe("the satisfaction statistics", () => {
  it("shows the figures of the page's period and groups by week on request", async () => {
    const user = userEvent.setup();
    const fake = setup("#/statistics?days=30", {
      StatisticsTickets: () => ({ ticketStatistics: null }),
      StatisticsSatisfaction: () => satisfaction,
    });
    const kpis = await screen.findByTestId("satisfaction-kpis");

    expect(kpis).toHaveTextContent("Ratings3");
    expect(kpis).toHaveTextContent("Average score3.67");
    expect(kpis).toHaveTextContent("CSAT (4 or 5)66.7%");
    expect(screen.getByTestId("satisfaction-periods")).toHaveTextContent("2025-01-01");
    const [first] = fake.callsOf("StatisticsSatisfaction");

    expect(first.variables).toMatchObject({ interval: "MONTH", channel: null });

    await user.selectOptions(screen.getByLabelText("Group by"), "WEEK");
    await waitFor(() => expect(window.location.hash).toContain("csat=week"));
    await waitFor(() =>
      expect(fake.callsOf("StatisticsSatisfaction").at(-1)?.variables.interval).toBe("WEEK"),
    );
  });

  it("says when the period has no ratings, in German", async () => {
    setup(
      "#/statistics",
      {
        StatisticsTickets: () => ({ ticketStatistics: null }),
        StatisticsSatisfaction: () => ({
          ticketSatisfactionStatistics: {
            ...satisfaction.ticketSatisfactionStatistics!,
            overall: summary([0, null, null], [0, 0, 0, 0, 0]),
          },
        }),
      },
      "de",
    );
    expect(await screen.findByText("Keine Bewertungen in diesem Zeitraum.")).toBeInTheDocument();
  });
});

describe("the survey settings", () => {
  const defaults: SettingsSatisfactionQuery = {
    ticketSatisfactionSettings: {
      channel: null,
      inheritsShopDefaults: true,
      surveyEnabled: true,
      linkValidityDays: 30,
    },
  };

  it("saves the survey switch and the links' validity", async () => {
    const user = userEvent.setup();
    const fake = setup("#/settings/channels", {
      SettingsChannel: () => ({ helpdeskChannelSettings: null, supportAgents: [] }),
      SettingsSatisfaction: () => defaults,
      SettingsSatisfactionUpdate: (v) => ({
        ticketSatisfactionSettingsUpdate: {
          errors: [],
          settings: { ...defaults.ticketSatisfactionSettings, ...(v.input as object) },
        },
      }),
    });
    const form = await screen.findByRole("form", { name: "Satisfaction survey" });
    const days = within(form).getByLabelText("Links work for (days, 1 to 365)");

    // a validity out of range is refused before anything is sent
    await user.clear(days);
    await user.type(days, "400");
    await user.click(within(form).getByRole("button", { name: "Save survey settings" }));
    expect(
      await within(form).findByText(/Enter a whole number of days from 1 to 365/),
    ).toBeInTheDocument();
    expect(fake.callsOf("SettingsSatisfactionUpdate")).toHaveLength(0);

    await user.clear(days);
    await user.type(days, "14");
    await user.click(within(form).getByRole("checkbox"));
    await user.click(within(form).getByRole("button", { name: "Save survey settings" }));
    await waitFor(() => expect(fake.callsOf("SettingsSatisfactionUpdate")).toHaveLength(1));
    expect(fake.callsOf("SettingsSatisfactionUpdate")[0].variables).toStrictEqual({
      channel: null,
      input: { surveyEnabled: false, linkValidityDays: 14 },
    });
  });
});
