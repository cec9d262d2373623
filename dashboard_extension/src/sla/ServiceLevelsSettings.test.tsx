import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import type { SettingsServiceLevelsQuery } from "../generated/graphql";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { helpdeskChannels, options } from "../test/fixtures";
import { renderApp } from "../test/render";

type Handler = (variables: Record<string, unknown>) => unknown;

const empty: SettingsServiceLevelsQuery = {
  businessCalendars: [],
  slaPolicies: [],
  slaHolidayCountries: [
    { code: "AT", subdivisions: ["1", "9"] },
    { code: "DE", subdivisions: ["BE", "BY"] },
  ],
};

function setup(handlers: Record<string, Handler>, lang: "en" | "de" = "en") {
  window.location.hash = "#/settings/service-levels";
  const fake = createFakeClient({
    HelpdeskChannels: () => helpdeskChannels,
    InboxOptions: () => options,
    SettingsServiceLevels: () => empty,
    ...handlers,
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

describe("Settings: service levels", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("adds the Bavarian calendar with its hours, holidays and closed days", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      SettingsCalendarCreate: () => ({
        businessCalendarCreate: { errors: [], calendar: null },
      }),
    });

    await screen.findByText("No calendar yet: every hour counts (24/7).");
    await user.click(screen.getByRole("button", { name: "Add calendar" }));
    const form = screen.getByRole("form", { name: "Add calendar" });

    await user.type(within(form).getByLabelText("Name"), "Bavaria");
    // Monday to Friday 9 to 17 are offered; Friday ends early instead
    const hours = within(form).getByLabelText("Opening hours");

    expect(hours).toHaveValue(
      "Mon 09:00-17:00\nTue 09:00-17:00\nWed 09:00-17:00\nThu 09:00-17:00\nFri 09:00-17:00",
    );
    await user.clear(hours);
    await user.type(hours, "Mon 09:00-17:00{enter}Fri 09:00-13:00");
    await user.type(within(form).getByLabelText("Extra closed days"), "2026-12-31");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(callsOf("SettingsCalendarCreate")).toHaveLength(1));
    expect(callsOf("SettingsCalendarCreate")[0]!.variables).toStrictEqual({
      input: {
        name: "Bavaria",
        timeZone: "Europe/Berlin",
        hours: [
          { weekday: "MONDAY", start: "09:00", end: "17:00" },
          { weekday: "FRIDAY", start: "09:00", end: "13:00" },
        ],
        holidayCountry: "",
        holidaySubdivision: "",
        closedDates: ["2026-12-31"],
        isDefault: true,
        channels: [],
      },
    });
  });

  it("refuses hours it cannot read before asking the server", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({}, "de");

    await screen.findByText("Noch kein Kalender: jede Stunde zählt (24/7).");
    await user.click(screen.getByRole("button", { name: "Kalender hinzufügen" }));
    const form = screen.getByRole("form", { name: "Kalender hinzufügen" });

    await user.type(within(form).getByLabelText("Name"), "Bayern");
    await user.clear(within(form).getByLabelText("Geschäftszeiten"));
    await user.type(within(form).getByLabelText("Geschäftszeiten"), "Montag früh");
    await user.click(within(form).getByRole("button", { name: "Speichern" }));

    expect(await within(form).findByText(/„Montag früh“ ist nicht lesbar/)).toBeInTheDocument();
    expect(callsOf("SettingsCalendarCreate")).toHaveLength(0);
  });

  it("adds 'first answer within 4 business hours'", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      SettingsSlaPolicyCreate: () => ({ slaPolicyCreate: { errors: [], policy: null } }),
    });

    await screen.findByText("No policy yet: tickets get no targets.");
    await user.click(screen.getByRole("button", { name: "Add policy" }));
    const form = screen.getByRole("form", { name: "Add policy" });

    await user.type(within(form).getByLabelText("Name"), "First answer within 4 business hours");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(callsOf("SettingsSlaPolicyCreate")).toHaveLength(1));
    expect(callsOf("SettingsSlaPolicyCreate")[0]!.variables).toStrictEqual({
      input: {
        name: "First answer within 4 business hours",
        isActive: true,
        priority: null,
        channel: null,
        kind: null,
        firstResponseMinutes: 240,
        nextResponseMinutes: null,
        resolutionMinutes: null,
        atRiskPercent: 80,
      },
    });
  });
});
