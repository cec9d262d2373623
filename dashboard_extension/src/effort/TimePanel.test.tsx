import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { TimePanel, TimePanelView } from "./TimePanel";

const anna = { id: "User:1", email: "anna@shop.example", firstName: "Anna", lastName: "Agent" };
const ben = { id: "User:2", email: "ben@shop.example", firstName: "Ben", lastName: "Berg" };

function ticketTime(overrides: Record<string, unknown> = {}) {
  return {
    ticketTime: {
      totalSeconds: 2700,
      people: [
        { seconds: 1800, user: ben },
        { seconds: 900, user: anna },
      ],
      entries: [
        {
          id: "TicketTimeEntry:7",
          source: "MANUAL",
          startedAt: "2026-03-02T09:00:00+00:00",
          seconds: 900,
          note: "Telefonat",
          user: anna,
        },
      ],
      points: null,
      contract: {
        id: "SupportContract:1",
        name: "Wartung 2026",
        unit: "POINTS",
        budget: "10.00",
        validFrom: "2026-01-01",
        validUntil: null,
        warningThreshold: "2.00",
        pointsPerTicket: "1.00",
        isActive: true,
        warnedAt: "2026-03-02T10:00:00+00:00",
        used: "9.00",
        remaining: "1.00",
        low: true,
        customerEmail: "",
        customer: null,
      },
      ...overrides,
    },
  };
}

function setup(lang: "en" | "de" = "en") {
  const fake = createFakeClient({
    TicketTime: () => ticketTime(),
    TicketTimeHeartbeat: () => ({
      ticketTimeHeartbeat: { errors: [], tracking: { tracking: true, seconds: 65, beatAt: "" } },
    }),
    TicketTimeEntryAdd: () => ({
      ticketTimeEntryAdd: { errors: [], entry: { id: "TicketTimeEntry:8", seconds: 600 } },
    }),
    TicketTimeEntryDelete: () => ({
      ticketTimeEntryDelete: { errors: [], entry: { id: "TicketTimeEntry:7" } },
    }),
    TicketPointsSet: () => ({ ticketPointsSet: { errors: [], points: "3.00" } }),
  });

  return {
    ...fake,
    ...renderApp(<TimePanel ticketId="Ticket:1" />, { client: fake.client, lang }),
  };
}

describe("Time panel", () => {
  it("beats for the ticket and shows the caller's time, the totals and the contract", async () => {
    const { callsOf } = setup();

    await waitFor(() => expect(screen.getByTestId("own-time")).toHaveTextContent("1:05"));
    expect(callsOf("TicketTimeHeartbeat")[0]!.variables).toMatchObject({
      ticket: "Ticket:1",
      active: true,
    });
    expect(screen.getByText("Counting while you work on this ticket")).toBeInTheDocument();
    expect(screen.getByTestId("total-time")).toHaveTextContent("45:00");
    expect(screen.getByText("Ben Berg")).toBeInTheDocument();
    const budget = screen.getByTestId("contract-budget");

    expect(budget).toHaveTextContent("Support contract: Wartung 2026");
    expect(budget).toHaveTextContent("Remaining: 1.00 points of 10.00 points");
    expect(within(budget).getByText("Running low")).toBeInTheDocument();
  });

  it("logs a phone call with its note and sets the ticket's points", async () => {
    const user = userEvent.setup();
    const { callsOf, host } = setup();

    await screen.findByTestId("contract-budget");
    await user.type(screen.getByLabelText("Minutes"), "10");
    await user.type(screen.getByLabelText("Note (e.g. phone call)"), "Rückruf");
    await user.click(screen.getByRole("button", { name: "Log time" }));

    await waitFor(() => expect(callsOf("TicketTimeEntryAdd")).toHaveLength(1));
    expect(callsOf("TicketTimeEntryAdd")[0]!.variables).toStrictEqual({
      ticket: "Ticket:1",
      input: { minutes: 10, note: "Rückruf" },
    });
    await waitFor(() =>
      expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "Time logged" }),
    );

    await user.type(screen.getByLabelText("Points for this ticket"), "3");
    await user.click(screen.getByRole("button", { name: "Save points" }));
    await waitFor(() =>
      expect(callsOf("TicketPointsSet")[0]!.variables).toStrictEqual({
        ticket: "Ticket:1",
        points: "3",
      }),
    );
  });

  it("removes a manual entry", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup();

    await user.click(await screen.findByText(/Entries \(1\)/));
    await user.click(screen.getByRole("button", { name: "Remove entry of 15 min" }));

    await waitFor(() =>
      expect(callsOf("TicketTimeEntryDelete")[0]!.variables).toStrictEqual({
        id: "TicketTimeEntry:7",
      }),
    );
  });

  it("speaks German", async () => {
    const fake = createFakeClient({ TicketTime: () => ticketTime({ contract: null }) });

    renderApp(<TimePanelView ticketId="Ticket:1" tracked={null} />, {
      client: fake.client,
      lang: "de",
    });

    expect(await screen.findByText("Pro Person")).toBeInTheDocument();
    expect(screen.getByText("Pausiert (keine Eingabe oder Seite verborgen)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Zeit erfassen" })).toBeDisabled();
  });
});
