import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { RetentionEditor } from "./Retention";

const saved = { inheritsShopDefaults: false, ticketRetentionMonths: null, ticketRetentionAction: "ANONYMIZE", attachmentRetentionMonths: null };

describe("Retention", () => {
  it("shows what a new period would do and saves it only after confirmation", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      RetentionSettings: () => ({ helpdeskChannelSettings: saved }),
      RetentionPreview: () => ({ helpdeskRetentionPreview: { ticketsToAnonymize: 0, ticketsToDelete: 12, attachmentsToRemove: 40 } }),
      RetentionSettingsUpdate: (vars) => ({
        helpdeskChannelSettingsUpdate: { errors: [], settings: { ...saved, ...(vars.input as object) } },
      }),
    });
    renderApp(<RetentionEditor channel="webshop-de" />, { client: fake.client });

    await user.type(await screen.findByLabelText("Closed tickets: months"), "72");
    await user.selectOptions(screen.getByLabelText("Then"), "DELETE");
    await user.type(screen.getByLabelText("Files of closed tickets: months"), "12");
    await user.click(screen.getByRole("button", { name: "Check and save" }));

    // The dry run first, with the values typed, nothing saved yet.
    const dialog = await screen.findByRole("dialog", { name: "Save the retention policy?" });
    expect(fake.callsOf("RetentionPreview")[0]!.variables).toEqual({ channel: "webshop-de", months: 72, action: "DELETE", fileMonths: 12 });
    expect(within(dialog).getByTestId("retention-preview")).toHaveTextContent(
      "Applied now, this would anonymise 0 ticket(s), delete 12 and remove 40 file(s) in the whole shop.",
    );
    expect(fake.callsOf("RetentionSettingsUpdate")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fake.callsOf("RetentionSettingsUpdate")).toHaveLength(1));
    expect(fake.callsOf("RetentionSettingsUpdate")[0]!.variables).toEqual({
      channel: "webshop-de",
      input: { ticketRetentionMonths: 72, ticketRetentionAction: "DELETE", attachmentRetentionMonths: 12 },
    });
  });

  it("refuses a period that is not whole months without asking the server", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({ RetentionSettings: () => ({ helpdeskChannelSettings: saved }) });
    renderApp(<RetentionEditor channel={null} />, { client: fake.client });

    await user.type(await screen.findByLabelText("Closed tickets: months"), "sechs");
    await user.click(screen.getByRole("button", { name: "Check and save" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter whole months, or leave empty.");
    expect(fake.callsOf("RetentionPreview")).toHaveLength(0);
  });
});
