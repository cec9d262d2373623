import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { ticketDetails } from "../test/fixtures";
import { renderApp } from "../test/render";
import { SlaPanel } from "./SlaPanel";

const now = new Date("2026-03-03T14:00:00Z");

describe("the ticket page's service levels", () => {
  it("shows each target's state and time, in German too", () => {
    const ticket = ticketDetails({
      slaDueAt: "2026-03-03T12:00:00Z",
      slaState: "BREACHED",
      slaTargets: [
        {
          metric: "FIRST_RESPONSE",
          state: "BREACHED",
          targetMinutes: 240,
          consumedMinutes: 360,
          remainingMinutes: -120,
          dueAt: "2026-03-03T12:00:00Z",
          startedAt: "2026-03-03T08:00:00Z",
          pausedAt: null,
          metAt: null,
          breachedAt: "2026-03-03T12:00:00Z",
        },
      ],
    }).ticket!;
    const { client } = createFakeClient({});

    renderApp(<SlaPanel ticket={ticket} now={now} />, { client, lang: "de" });

    expect(screen.getByText("Erste Antwort")).toBeInTheDocument();
    expect(screen.getByTestId("sla-due")).toHaveTextContent("überfällig seit 2 Std.");
    expect(screen.getByTestId("sla-due")).toHaveAttribute("data-sla-state", "BREACHED");
    expect(screen.getByText("6 Std. von 4 Std. verbraucht")).toBeInTheDocument();
  });

  it("says when a ticket has no targets", () => {
    const { client } = createFakeClient({});

    renderApp(<SlaPanel ticket={ticketDetails().ticket!} now={now} />, { client });

    expect(screen.getByText("No service-level targets for this ticket.")).toBeInTheDocument();
  });
});
