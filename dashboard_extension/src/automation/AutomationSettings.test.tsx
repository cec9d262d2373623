import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { RulesSettings } from "./AutomationSettings";

const rule = {
  id: "AutomationRule:1",
  name: "Defective items over 200 EUR",
  trigger: "TICKET_CREATED",
  isActive: true,
  position: 0,
  stopProcessing: false,
  conditions: [
    { field: "KIND", operator: "IN", values: ["complaint"] },
    { field: "ORDER_TOTAL", operator: "GT", values: ["200"] },
  ],
  actions: [{ type: "SET_PRIORITY", values: ["high"] }],
};

function setup(lang: "en" | "de" = "en") {
  const fake = createFakeClient({
    SettingsAutomationRules: () => ({
      automationRules: [rule],
      helpdeskTags: [],
      responseTemplates: [],
      supportAgents: [],
    }),
    SettingsAutomationDryRun: () => ({
      automationRuleDryRun: {
        examined: 12,
        matches: [{ id: "Ticket:7", number: 10007, subject: "Maschine defekt" }],
      },
    }),
    SettingsAutomationRuleUpdate: () => ({
      automationRuleUpdate: { errors: [], rule },
    }),
  });

  return { ...fake, ...renderApp(<RulesSettings />, { client: fake.client, lang }) };
}

describe("rules settings", () => {
  it("lists rules and dry-runs the editor's conditions without saving", async () => {
    const { calls } = setup();
    const row = (await screen.findByText(rule.name)).closest("tr")!;

    expect(within(row).getByText("A ticket is created")).toBeInTheDocument();
    await userEvent.click(within(row).getByRole("button", { name: `Edit ${rule.name}` }));
    await userEvent.click(screen.getByRole("button", { name: "Dry run" }));

    expect(await screen.findByRole("status")).toHaveTextContent("1 of 12 tickets match.");
    expect(screen.getByRole("link", { name: "#10007 Maschine defekt" })).toBeInTheDocument();
    const dryRun = calls.find((c) => c.operation === "SettingsAutomationDryRun");

    expect(dryRun?.variables).toStrictEqual({
      input: {
        conditions: [
          { field: "KIND", operator: "IN", values: ["complaint"] },
          { field: "ORDER_TOTAL", operator: "GT", values: ["200"] },
        ],
      },
    });
    await waitFor(() =>
      expect(calls.some((c) => c.operation === "SettingsAutomationRuleUpdate")).toBe(false),
    );
  });

  it("speaks German", async () => {
    setup("de");
    expect(await screen.findByText("Ein Ticket wird erstellt")).toBeInTheDocument();
  });
});
