import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { contractInput, emptyContractForm } from "./contractForm";
import { ContractsManager } from "./ContractsManager";

const contract = {
  id: "SupportContract:1",
  name: "Wartung 2026",
  unit: "HOURS",
  budget: "10.00",
  validFrom: "2026-01-01",
  validUntil: null,
  warningThreshold: "2.00",
  pointsPerTicket: "1.00",
  isActive: true,
  warnedAt: "2026-03-02T10:00:00+00:00",
  used: "8.50",
  remaining: "1.50",
  low: true,
  customerEmail: "",
  customer: { id: "User:9", email: "kunde@example.de", firstName: "Kim", lastName: "Kunde" },
};

describe("contractInput", () => {
  it("names the account when there is one, else the guest address, and leaves out empty fields", () => {
    const form = { ...emptyContractForm("2026-03-01"), name: " Wartung ", budget: "10" };

    expect(contractInput(form, "User:9")).toStrictEqual({
      name: "Wartung",
      customer: "User:9",
      unit: "HOURS",
      budget: "10",
      warningThreshold: undefined,
      pointsPerTicket: undefined,
      validFrom: "2026-03-01",
      validUntil: undefined,
    });
    expect(contractInput({ ...form, guestEmail: "gast@example.de" })).toMatchObject({
      customerEmail: "gast@example.de",
    });
  });
});

describe("Support contracts", () => {
  it("lists a customer's contracts with what is left and adds one", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      SupportContracts: () => ({ supportContracts: [contract] }),
      SupportContractCreate: () => ({
        supportContractCreate: { errors: [], contract: { ...contract, id: "SupportContract:2" } },
      }),
    });
    const { host } = renderApp(<ContractsManager customer="User:9" />, {
      client: fake.client,
      lang: "de",
    });

    const item = await screen.findByTestId("contract");

    expect(item).toHaveTextContent("Wartung 2026");
    expect(item).toHaveTextContent("1.50 Std. von 10.00 Std. übrig");
    expect(item).toHaveTextContent("Fast aufgebraucht");
    expect(screen.queryByLabelText("E-Mail-Adresse (Gast)")).not.toBeInTheDocument();

    const form = within(screen.getByRole("form", { name: "Vertrag anlegen" }));

    await user.type(form.getByLabelText("Name"), "Punkte");
    await user.selectOptions(form.getByLabelText("Einheit"), "POINTS");
    await user.type(form.getByLabelText("Budget"), "20");
    await user.type(form.getByLabelText("Punkte pro Ticket"), "2");
    await user.click(form.getByRole("button", { name: "Vertrag anlegen" }));

    await waitFor(() => expect(fake.callsOf("SupportContractCreate")).toHaveLength(1));
    expect(fake.callsOf("SupportContractCreate")[0]!.variables.input).toMatchObject({
      name: "Punkte",
      customer: "User:9",
      unit: "POINTS",
      budget: "20",
      pointsPerTicket: "2",
    });
    await waitFor(() =>
      expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "Vertrag angelegt" }),
    );
  });

  it("tops up a contract's budget and deactivates it", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      SupportContracts: () => ({ supportContracts: [contract] }),
      SupportContractUpdate: () => ({ supportContractUpdate: { errors: [], contract } }),
    });

    renderApp(<ContractsManager />, { client: fake.client });
    const row = within(await screen.findByRole("form", { name: "Budget of Wartung 2026" }));
    const budget = row.getByLabelText("Budget");

    await user.clear(budget);
    await user.type(budget, "20");
    await user.click(row.getByRole("button", { name: "Save" }));
    await user.click(screen.getByRole("button", { name: "Deactivate" }));

    await waitFor(() => expect(fake.callsOf("SupportContractUpdate")).toHaveLength(2));
    expect(fake.callsOf("SupportContractUpdate").map((c) => c.variables)).toStrictEqual([
      { id: "SupportContract:1", input: { budget: "20" } },
      { id: "SupportContract:1", input: { isActive: false } },
    ]);
  });

  it("shows the API's refusal to staff without the permission", async () => {
    const fake = createFakeClient({
      SupportContracts: () => {
        throw new Error("You need the MANAGE_USERS permission to manage support contracts.");
      },
    });

    renderApp(<ContractsManager />, { client: fake.client });

    expect(await screen.findByText(/MANAGE_USERS/)).toBeInTheDocument();
  });
});
