import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import type { SettingsAgentCandidatesQuery, SettingsTeamQuery } from "../generated/graphql";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { helpdeskChannels } from "../test/fixtures";
import { renderApp } from "../test/render";

type Handler = (variables: Record<string, unknown>) => unknown;
type Candidate = NonNullable<SettingsAgentCandidatesQuery["supportAgentCandidates"]>[number];

const team: SettingsTeamQuery = {
  supportAgents: [
    {
      id: "SupportAgent:1",
      isActive: true,
      signature: "",
      createdAt: "2025-01-01T10:00:00+00:00",
      user: { id: "User:1", email: "agent@shop.example", firstName: "Alex", lastName: "Agent" },
      contacts: [],
    },
  ],
  ticketContacts: [{ id: "TicketContact:1", name: "Customer service", isActive: true }],
};

/*
 * Staff outside the team, as the server would answer: every word of the search must
 * match the e-mail, first or last name.
 */
const staff: Candidate[] = [
  { id: "VXNlcjoy", email: "b.weber@shop.example", firstName: "Bernd", lastName: "Weber" },
  { id: "VXNlcjoz", email: "nina.neumann@shop.example", firstName: "Nina", lastName: "Neumann" },
  { id: "VXNlcjo0", email: "nina.wolf@shop.example", firstName: "Nina", lastName: "Wolf" },
  { id: "VXNlcjo1", email: "praktikum@shop.example", firstName: "", lastName: "" },
];
const matching = (search: unknown) => {
  const words = String(search ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);

  return staff.filter((u) =>
    words.every((w) => [u.email, u.firstName, u.lastName].some((f) => f.toLowerCase().includes(w))),
  );
};
const candidates: Handler = (v) => ({ supportAgentCandidates: matching(v.search) });

function setup(handlers: Record<string, Handler>, lang: "en" | "de" = "en") {
  window.location.hash = "#/settings/team";
  const fake = createFakeClient({
    HelpdeskChannels: () => helpdeskChannels,
    SettingsTeam: () => team,
    SettingsAgentCandidates: candidates,
    ...handlers,
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

async function openAddForm(user: ReturnType<typeof userEvent.setup>, name = "Add team member") {
  await screen.findAllByTestId("settings-row");
  await user.click(screen.getByRole("button", { name }));

  return screen.getByRole("form", { name });
}

/** Each offered option as "name · e-mail" (or the e-mail alone). */
const optionTexts = () =>
  screen
    .queryAllByRole("option")
    .map((o) => Array.from(o.children, (c) => c.textContent).join(" · "));

describe("Support team: adding a member", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("finds staff by name as the merchant types, picks one with the keyboard and adds them by their id", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup({
      SettingsAgentAdd: () => ({
        supportAgentAdd: { errors: [], agent: { id: "SupportAgent:2" } },
      }),
    });
    const form = await openAddForm(user);

    expect(within(form).queryByLabelText(/ID/)).not.toBeInTheDocument();
    const field = within(form).getByRole("combobox", { name: "Staff member" });

    expect(field).toHaveAttribute("aria-expanded", "false");

    // focusing lists the first staff members; typing narrows them down after a pause
    await user.click(field);
    await waitFor(() => expect(optionTexts()).toHaveLength(4));
    await user.type(field, "nina");
    await waitFor(() =>
      expect(optionTexts()).toStrictEqual([
        "Nina Neumann · nina.neumann@shop.example",
        "Nina Wolf · nina.wolf@shop.example",
      ]),
    );
    expect(screen.getByRole("listbox", { name: "Matching staff members" })).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-expanded", "true");
    expect(within(form).getByRole("status")).toHaveTextContent("Matches: 2");
    // one search per pause, not one per key
    expect(callsOf("SettingsAgentCandidates").map((c) => c.variables)).toStrictEqual([
      { search: null, first: 20 },
      { search: "nina", first: 20 },
    ]);

    // the arrow keys move through the matches (wrapping), Enter takes one
    const [neumann, wolf] = screen.getAllByRole("option");

    expect(neumann).toHaveAttribute("aria-selected", "true");
    expect(field).toHaveAttribute("aria-activedescendant", neumann!.id);
    await user.keyboard("{ArrowDown}");
    expect(wolf).toHaveAttribute("aria-selected", "true");
    expect(field).toHaveAttribute("aria-activedescendant", wolf!.id);
    await user.keyboard("{ArrowDown}");
    expect(field).toHaveAttribute("aria-activedescendant", neumann!.id);
    await user.keyboard("{ArrowUp}{Enter}");

    expect(field).toHaveValue("Nina Wolf");
    expect(field).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("option")).not.toBeInTheDocument();
    expect(
      within(form).getByText("Chosen: Nina Wolf (nina.wolf@shop.example)"),
    ).toBeInTheDocument();
    // Enter picked; it did not submit the form
    expect(callsOf("SettingsAgentAdd")).toHaveLength(0);
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();

    await user.click(within(form).getByRole("checkbox", { name: "Customer service" }));
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsAgentAdd")).toHaveLength(1));
    expect(callsOf("SettingsAgentAdd")[0]!.variables).toStrictEqual({
      user: "VXNlcjo0",
      input: { signature: "", isActive: true, contacts: ["TicketContact:1"] },
    });
    await waitFor(() =>
      expect(screen.queryByRole("form", { name: "Add team member" })).not.toBeInTheDocument(),
    );
  });

  it("picks with the mouse, shows an e-mail-only user by e-mail, and forgets the choice when the text changes", async () => {
    const user = userEvent.setup();

    setup({});
    const form = await openAddForm(user);
    const field = within(form).getByRole("combobox", { name: "Staff member" });

    await user.type(field, "praktikum");
    await user.click(await screen.findByRole("option", { name: "praktikum@shop.example" }));
    expect(field).toHaveValue("praktikum@shop.example");
    expect(
      within(form).getByText("Chosen: praktikum@shop.example (praktikum@shop.example)"),
    ).toBeInTheDocument();

    await user.type(field, "x");
    expect(within(form).queryByText(/^Chosen:/)).not.toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Not saved: Choose a staff member.",
    );
  });

  it("says when no staff user matches, closes with Escape and empties with a second Escape", async () => {
    const user = userEvent.setup();

    setup({});
    const form = await openAddForm(user);
    const field = within(form).getByRole("combobox", { name: "Staff member" });

    await user.type(field, "zoe");
    expect(await screen.findByText("No staff user matches “zoe”.")).toBeInTheDocument();
    expect(screen.queryByRole("option")).not.toBeInTheDocument();
    expect(field).toHaveAttribute("aria-expanded", "false");

    await user.keyboard("{Escape}");
    expect(screen.queryByText("No staff user matches “zoe”.")).not.toBeInTheDocument();
    expect(field).toHaveValue("zoe");
    await user.keyboard("{Escape}");
    expect(field).toHaveValue("");
    expect(screen.getByRole("form", { name: "Add team member" })).toBeInTheDocument();
  });

  it("says when everyone is in the team already", async () => {
    const user = userEvent.setup();

    setup({ SettingsAgentCandidates: () => ({ supportAgentCandidates: [] }) });
    const form = await openAddForm(user);

    await user.click(within(form).getByRole("combobox", { name: "Staff member" }));
    expect(
      await screen.findByText("Every active staff member is in the team already."),
    ).toBeInTheDocument();
  });

  it("shows that it is searching, and a failed search with a retry", async () => {
    const user = userEvent.setup();
    let answer: () => void = () => undefined;
    let fail = true;

    setup({
      SettingsAgentCandidates: (v) =>
        new Promise((resolve, reject) => {
          answer = () => (fail ? reject(new Error("Network down")) : resolve(candidates(v)));
        }),
    });
    const form = await openAddForm(user);

    await user.click(within(form).getByRole("combobox", { name: "Staff member" }));
    expect(await screen.findByText("Searching staff…")).toBeInTheDocument();

    answer();
    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Staff could not be searched: Network down",
    );
    fail = false;
    await user.click(within(form).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Searching staff…")).toBeInTheDocument();
    answer();
    await waitFor(() => expect(optionTexts()).toHaveLength(4));
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("tells the first 20 matches apart from all of them", async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `User:${i + 10}`,
      email: `m${i + 10}@shop.example`,
      firstName: "Max",
      lastName: `M${i + 10}`,
    }));

    setup({ SettingsAgentCandidates: () => ({ supportAgentCandidates: many }) });
    const form = await openAddForm(user);

    await user.click(within(form).getByRole("combobox", { name: "Staff member" }));
    expect(
      await screen.findByText("The first 20 matches: type more to narrow them down."),
    ).toBeInTheDocument();
  });

  it("is in German when the Dashboard is", async () => {
    const user = userEvent.setup();

    setup({}, "de");
    const form = await openAddForm(user, "Teammitglied hinzufügen");
    const field = within(form).getByRole("combobox", { name: "Mitarbeiter" });

    expect(field).toHaveAttribute("placeholder", "Name oder E-Mail");
    await user.type(field, "weber");
    await waitFor(() =>
      expect(optionTexts()).toStrictEqual(["Bernd Weber · b.weber@shop.example"]),
    );
    expect(screen.getByRole("listbox", { name: "Passende Mitarbeiter" })).toBeInTheDocument();
    expect(within(form).getByRole("status")).toHaveTextContent("Treffer: 1");
    await user.clear(field);
    await user.type(field, "zoe");
    expect(await screen.findByText("Kein Mitarbeiter passt zu „zoe“.")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Speichern" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Wählen Sie einen Mitarbeiter aus.",
    );
  });
});
