import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/client";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { makeHost, renderApp } from "../test/render";
import { allowed } from "./PrivacyActions";

/*
 * The customer widget's "Export data" and "Erase personal data", each behind a
 * confirmation (the same component serves the settings' guest form).
 */

const noTickets = () => ({ tickets: { totalCount: 0, edges: [] } });
const erasure = {
  ticketCount: 3,
  attachmentCount: 2,
  emailCount: 5,
  webhookDeliveryCount: 1,
  nothingToErase: false,
};

let clicked: HTMLAnchorElement[] = [];

beforeEach(() => {
  window.location.hash = "#/customer-widget?customerId=User%3A10";
  clicked = [];
  // jsdom has no object URLs and does not navigate: record the Blob link's click instead.
  URL.createObjectURL = vi.fn(() => "blob:export");
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this);
  });
});
afterEach(() => vi.restoreAllMocks());

async function openWidget(fake: ReturnType<typeof createFakeClient>, host = makeHost()) {
  renderApp(<Screens />, { client: fake.client, host });
  await screen.findByText("No tickets yet.");

  return within(screen.getByRole("region", { name: "Personal data" }));
}

describe("Customer widget: privacy", () => {
  it("erases only after the confirmation is ticked, and shows what was erased", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      WidgetTickets: noTickets,
      CustomerDataErase: () => ({ customerDataErase: { errors: [], erasure } }),
    });
    const host = makeHost();
    const widget = await openWidget(fake, host);

    await user.click(widget.getByRole("button", { name: "Erase personal data" }));
    const dialog = await screen.findByRole("dialog", { name: "Erase personal data" });

    // The dialog says what goes and that it is for good.
    expect(dialog).toHaveTextContent("their messages and complaint texts");
    expect(dialog).toHaveTextContent("every file attached to those tickets");
    expect(dialog).toHaveTextContent("This cannot be undone.");
    const erase = within(dialog).getByRole("button", { name: "Erase for good" });

    expect(erase).toBeDisabled();
    await user.click(erase);
    expect(fake.callsOf("CustomerDataErase")).toHaveLength(0);

    await user.click(
      within(dialog).getByRole("checkbox", {
        name: "I understand that this erases the data for good",
      }),
    );
    await user.click(erase);
    await waitFor(() => expect(fake.callsOf("CustomerDataErase")).toHaveLength(1));
    expect(fake.callsOf("CustomerDataErase")[0]!.variables).toStrictEqual({ customer: "User:10" });
    expect(await screen.findByTestId("erasure-result")).toHaveTextContent(
      "Erased: 3 tickets anonymised, 2 files deleted, 5 e-mails and 1 webhook deliveries removed.",
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "Personal data erased" });
  });

  it("cancelling sends nothing; a refusal shows in the dialog, a missing permission plainly", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      WidgetTickets: noTickets,
      CustomerDataErase: () => ({
        customerDataErase: {
          errors: [
            {
              field: null,
              code: "PERMISSION_DENIED",
              message: "You need the MANAGE_USERS permission.",
            },
          ],
          erasure: null,
        },
      }),
    });
    const widget = await openWidget(fake);

    await user.click(widget.getByRole("button", { name: "Erase personal data" }));
    await user.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel" }),
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(fake.callsOf("CustomerDataErase")).toHaveLength(0);

    await user.click(widget.getByRole("button", { name: "Erase personal data" }));
    const dialog = await screen.findByRole("dialog");

    await user.click(within(dialog).getByRole("checkbox"));
    await user.click(within(dialog).getByRole("button", { name: "Erase for good" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Not erased: You may not do this: You need the MANAGE_USERS permission. Ask an administrator for the permissions it needs.",
    );
    expect(screen.queryByTestId("erasure-result")).not.toBeInTheDocument();
  });

  it("says when there was nothing to erase", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      WidgetTickets: noTickets,
      CustomerDataErase: () => ({
        customerDataErase: {
          errors: [],
          erasure: {
            ticketCount: 0,
            attachmentCount: 0,
            emailCount: 0,
            webhookDeliveryCount: 0,
            nothingToErase: true,
          },
        },
      }),
    });
    const widget = await openWidget(fake);

    await user.click(widget.getByRole("button", { name: "Erase personal data" }));
    const dialog = await screen.findByRole("dialog");

    await user.click(within(dialog).getByRole("checkbox"));
    await user.click(within(dialog).getByRole("button", { name: "Erase for good" }));
    expect(await screen.findByTestId("erasure-result")).toHaveTextContent(
      "The helpdesk holds no personal data of this person (any more): nothing was erased.",
    );
  });

  it("exports after the confirmation and saves the zip through a Blob link", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({ WidgetTickets: noTickets }, () => ({
      blob: new Blob(["PK"], { type: "application/zip" }),
      filename: "helpdesk-export-20260101-100000.zip",
    }));
    const widget = await openWidget(fake);

    await user.click(widget.getByRole("button", { name: "Export data" }));
    const dialog = await screen.findByRole("dialog", { name: "Export personal data" });

    expect(fake.downloads).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Download" }));
    await waitFor(() =>
      expect(fake.downloads).toStrictEqual([
        { path: "privacy/export/", params: { customer: "User:10" } },
      ]),
    );
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe("helpdesk-export-20260101-100000.zip");
    expect(clicked[0]!.href).toBe("blob:export");
    expect(await widget.findByRole("status")).toHaveTextContent(
      "Export downloaded: helpdesk-export-20260101-100000.zip",
    );
  });

  it("shows the export endpoint's refusal", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({ WidgetTickets: noTickets }, () => {
      throw new ApiError("http", "You need the MANAGE_ORDERS permission in every channel.", {
        status: 403,
        code: "permission_denied",
      });
    });
    const widget = await openWidget(fake);

    await user.click(widget.getByRole("button", { name: "Export data" }));
    const dialog = await screen.findByRole("dialog");

    await user.click(within(dialog).getByRole("button", { name: "Download" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Not exported: You may not do this: You need the MANAGE_ORDERS permission in every channel.",
    );
    expect(clicked).toHaveLength(0);
  });

  it("hides what the Dashboard says the user may not do", async () => {
    const fake = createFakeClient({ WidgetTickets: noTickets });
    // MANAGE_USERS without MANAGE_ORDERS: erasure yes, export no.
    const widget = await openWidget(fake, makeHost({ permissions: ["MANAGE_USERS"] }));

    expect(widget.getByRole("button", { name: "Erase personal data" })).toBeInTheDocument();
    expect(widget.queryByRole("button", { name: "Export data" })).not.toBeInTheDocument();
    expect(allowed(undefined, ["MANAGE_USERS"])).toBe(true);
    expect(allowed(["MANAGE_ORDERS"], ["MANAGE_USERS"])).toBe(false);
  });
});
