import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { SlaPanel } from "./SlaPanel";

const now = new Date("2026-03-03T14:00:00Z");

describe("the ticket page's service levels", () => {
  it("shows each target's state and time, in German too", async () => {
    const levels = {
      id: "Ticket:1",
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
    } as const;
    const { client } = createFakeClient({ TicketServiceLevels: () => ({ ticket: levels }) });

    renderApp(<SlaPanel ticketId="Ticket:1" now={now} />, { client, lang: "de" });

    expect(await screen.findByText("Erste Antwort")).toBeInTheDocument();
    expect(screen.getByTestId("sla-due")).toHaveTextContent("überfällig seit 2 Std.");
    expect(screen.getByTestId("sla-due")).toHaveAttribute("data-sla-state", "BREACHED");
    expect(screen.getByText("6 Std. von 4 Std. verbraucht")).toBeInTheDocument();
  });

  it("says when a ticket has no targets", async () => {
    const { client } = createFakeClient({
      TicketServiceLevels: () => ({
        ticket: { id: "Ticket:1", slaDueAt: null, slaState: null, slaTargets: [] },
      }),
    });

    renderApp(<SlaPanel ticketId="Ticket:1" now={now} />, { client });

    expect(
      await screen.findByText("No service-level targets for this ticket."),
    ).toBeInTheDocument();
  });
});
