import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { PrivacyRetentionQuery } from "../generated/graphql";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { helpdeskChannels } from "../test/fixtures";
import { renderApp } from "../test/render";
import { erasesMore } from "./Privacy";

type Handler = (variables: Record<string, unknown>) => unknown;

const shopDefaults: PrivacyRetentionQuery = {
  helpdeskChannelSettings: {
    channel: null,
    inheritsShopDefaults: false,
    ticketRetentionMonths: null,
    ticketRetentionAction: "ANONYMIZE",
    attachmentRetentionMonths: null,
  },
};
const nothing = { ticketsToAnonymize: 0, ticketsToDelete: 0, attachmentsToRemove: 0 };

function setup(hash: string, handlers: Record<string, Handler>) {
  window.location.hash = hash;
  const fake = createFakeClient({
    HelpdeskChannels: () => helpdeskChannels,
    PrivacyRetention: () => shopDefaults,
    ...handlers,
  });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client }) };
}

/**
 * The dry run as the server answers it: the saved settings (no overrides) erase
 * nothing; 24 months with DELETE would delete 4 tickets and their 7 files' worth.
 */
const preview: Handler = (v) => ({
  helpdeskRetentionPreview:
    v.ticketRetentionMonths === 24
      ? {
          ticketsToAnonymize: 0,
          ticketsToDelete: 4,
          attachmentsToRemove: v.attachmentRetentionMonths === 6 ? 7 : 0,
        }
      : nothing,
});
const saved: Handler = (v) => ({
  helpdeskChannelSettingsUpdate: {
    errors: [],
    settings: { ...shopDefaults.helpdeskChannelSettings, ...(v.input as object) },
  },
});

let clicked: HTMLAnchorElement[] = [];

beforeEach(() => {
  clicked = [];
  URL.createObjectURL = vi.fn(() => "blob:export");
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this);
  });
});
afterEach(() => vi.restoreAllMocks());

describe("Privacy settings", () => {
  it("previews the retention settings' effect, and saves only after confirming what they erase now", async () => {
    const user = userEvent.setup();
    const fake = setup("#/settings/privacy", {
      PrivacyRetentionPreview: preview,
      PrivacyRetentionUpdate: saved,
    });
    const form = await screen.findByRole("form", { name: "Retention: Shop defaults" });

    await user.type(within(form).getByLabelText("Keep closed tickets for (months)"), "24");
    await user.selectOptions(within(form).getByLabelText("Then"), "DELETE");
    await user.type(within(form).getByLabelText("Keep files of closed tickets for (months)"), "6");

    // The dry run, before anything is saved.
    await user.click(within(form).getByRole("button", { name: "Preview" }));
    expect(await within(form).findByTestId("retention-preview")).toHaveTextContent(
      "0 tickets anonymised, 4 tickets deleted, 7 files removed.",
    );
    expect(fake.callsOf("PrivacyRetentionPreview")[0]!.variables).toStrictEqual({
      channel: null,
      ticketRetentionMonths: 24,
      ticketRetentionAction: "DELETE",
      attachmentRetentionMonths: 6,
    });
    expect(fake.callsOf("PrivacyRetentionUpdate")).toHaveLength(0);

    // Saving asks first: these settings erase more than the saved ones would.
    await user.click(within(form).getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("dialog", { name: "Save the retention settings?" });

    expect(dialog).toHaveTextContent(
      "0 tickets anonymised, 4 tickets deleted, 7 files removed. This cannot be undone.",
    );
    expect(fake.callsOf("PrivacyRetentionUpdate")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(fake.callsOf("PrivacyRetentionUpdate")).toHaveLength(0);

    await user.click(within(form).getByRole("button", { name: "Save" }));
    await user.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Save anyway" }),
    );
    await waitFor(() => expect(fake.callsOf("PrivacyRetentionUpdate")).toHaveLength(1));
    expect(fake.callsOf("PrivacyRetentionUpdate")[0]!.variables).toStrictEqual({
      channel: null,
      input: {
        ticketRetentionMonths: 24,
        ticketRetentionAction: "DELETE",
        attachmentRetentionMonths: 6,
      },
    });
  });

  it("saves at once what erases nothing more, for the channel picked, and shows a refusal", async () => {
    const user = userEvent.setup();
    let refuse = false;
    const fake = setup("#/settings/privacy?channel=webshop-ch", {
      PrivacyRetention: () => ({
        helpdeskChannelSettings: {
          ...shopDefaults.helpdeskChannelSettings,
          channel: { id: "Channel:2", slug: "webshop-ch", name: "Webshop CH" },
          inheritsShopDefaults: true,
        },
      }),
      PrivacyRetentionPreview: preview,
      PrivacyRetentionUpdate: (v) =>
        refuse
          ? {
              helpdeskChannelSettingsUpdate: {
                errors: [
                  {
                    field: "ticketRetentionMonths",
                    code: "INVALID",
                    message: "Longer than the shop allows.",
                  },
                ],
                settings: null,
              },
            }
          : saved(v),
    });
    const form = await screen.findByRole("form", { name: "Retention: Webshop CH" });

    await user.type(within(form).getByLabelText("Keep closed tickets for (months)"), "120");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fake.callsOf("PrivacyRetentionUpdate")).toHaveLength(1));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(fake.callsOf("PrivacyRetentionUpdate")[0]!.variables).toStrictEqual({
      channel: "webshop-ch",
      input: {
        ticketRetentionMonths: 120,
        ticketRetentionAction: "ANONYMIZE",
        attachmentRetentionMonths: null,
      },
    });
    // Each save is previewed first, with and without the change.
    expect(fake.callsOf("PrivacyRetentionPreview").map((c) => c.variables)).toStrictEqual([
      {
        channel: "webshop-ch",
        ticketRetentionMonths: 120,
        ticketRetentionAction: "ANONYMIZE",
        attachmentRetentionMonths: null,
      },
      { channel: "webshop-ch" },
    ]);

    refuse = true;
    const months = within(
      await screen.findByRole("form", { name: "Retention: Webshop CH" }),
    ).getByLabelText("Keep closed tickets for (months)");

    await user.clear(months);
    await user.type(months, "300");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Not saved: ticketRetentionMonths: Longer than the shop allows.",
    );
  });

  it("exports and erases a guest's data by e-mail address, each confirmed", async () => {
    const user = userEvent.setup();
    const fake = setup("#/settings/privacy", {
      PrivacyRetentionPreview: preview,
      CustomerDataErase: () => ({
        customerDataErase: {
          errors: [],
          erasure: {
            ticketCount: 1,
            attachmentCount: 0,
            emailCount: 2,
            webhookDeliveryCount: 0,
            nothingToErase: false,
          },
        },
      }),
    });
    const section = within(
      await screen.findByRole("region", { name: "Export or erase by e-mail address" }),
    );

    await user.click(section.getByRole("button", { name: "Erase personal data" }));
    expect(section.getByRole("alert")).toHaveTextContent("Enter an e-mail address first.");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.type(section.getByLabelText("E-mail address"), "gast@example.com");
    await user.click(section.getByRole("button", { name: "Export data" }));
    const exportDialog = await screen.findByRole("dialog", { name: "Export personal data" });

    expect(exportDialog).toHaveTextContent("gast@example.com");
    await user.click(within(exportDialog).getByRole("button", { name: "Download" }));
    await waitFor(() =>
      expect(fake.downloads).toStrictEqual([
        { path: "privacy/export/", params: { email: "gast@example.com" } },
      ]),
    );
    expect(clicked.map((a) => a.download)).toStrictEqual(["helpdesk-export.zip"]);

    await user.click(section.getByRole("button", { name: "Erase personal data" }));
    const eraseDialog = await screen.findByRole("dialog", { name: "Erase personal data" });

    expect(eraseDialog).toHaveTextContent("For: gast@example.com");
    await user.click(within(eraseDialog).getByRole("checkbox"));
    await user.click(within(eraseDialog).getByRole("button", { name: "Erase for good" }));
    await waitFor(() => expect(fake.callsOf("CustomerDataErase")).toHaveLength(1));
    expect(fake.callsOf("CustomerDataErase")[0]!.variables).toStrictEqual({
      email: "gast@example.com",
    });
    expect(await screen.findByTestId("erasure-result")).toHaveTextContent(
      "Erased: 1 tickets anonymised, 0 files deleted, 2 e-mails and 0 webhook deliveries removed.",
    );
  });

  it("asks only when the change erases more than the saved settings would", () => {
    expect(
      erasesMore(
        { ticketsToAnonymize: 2, ticketsToDelete: 0, attachmentsToRemove: 0 },
        { ticketsToAnonymize: 2, ticketsToDelete: 0, attachmentsToRemove: 0 },
      ),
    ).toBe(false);
    expect(
      erasesMore({ ticketsToAnonymize: 0, ticketsToDelete: 0, attachmentsToRemove: 1 }, nothing),
    ).toBe(true);
  });
});
