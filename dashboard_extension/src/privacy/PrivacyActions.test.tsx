import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { HelpdeskClient } from "../api/client";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { renderApp } from "../test/render";
import { PrivacyActions, PrivacySettings } from "./PrivacyActions";

const ENDPOINT = "https://shop.example/plugins/global/saleor.helpdesk/graphql/";
const noTickets = { tickets: { totalCount: 0, edges: [] } };
const erased = {
  customerDataErase: {
    errors: [],
    erasure: { ticketCount: 2, attachmentCount: 3, emailCount: 5, webhookDeliveryCount: 1, nothingToErase: false },
  },
};

function withDownloads(client: HelpdeskClient) {
  const zip = new Blob(["PK"], { type: "application/zip" });
  const fetchFile = vi.fn(async (_url: string) => zip);
  return { client: { ...client, endpoint: ENDPOINT, fetchFile }, fetchFile, zip };
}

describe("Privacy actions", () => {
  it("erases a customer from the widget only after a confirmation", async () => {
    const user = userEvent.setup();
    window.location.hash = "#/customer-widget?customerId=User%3A7";
    const fake = createFakeClient({ WidgetTickets: () => noTickets, CustomerDataErase: () => erased });
    const { host } = renderApp(<Screens />, { client: fake.client });

    await user.click(await screen.findByRole("button", { name: "Erase data" }));
    const dialog = await screen.findByRole("dialog", { name: "Erase this person's helpdesk data" });
    const confirm = within(dialog).getByRole("button", { name: "Erase for good" });
    // Nothing happens until the merchant confirms that it cannot be undone.
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByRole("checkbox", { name: "I understand that this cannot be undone" }));
    await user.click(confirm);

    await waitFor(() => expect(fake.callsOf("CustomerDataErase")).toHaveLength(1));
    expect(fake.callsOf("CustomerDataErase")[0]!.variables).toEqual({ customer: "User:7" });
    expect(await screen.findByRole("status")).toHaveTextContent("Erased: 2 ticket(s), 3 file(s), 5 e-mail(s), 1 webhook deliveries");
    expect(host.notify).toHaveBeenCalledWith({ status: "success", title: "Erased: 2 ticket(s), 3 file(s), 5 e-mail(s), 1 webhook deliveries" });
    // The widget's list is read again: the erased tickets no longer belong to the customer.
    await waitFor(() => expect(fake.callsOf("WidgetTickets")).toHaveLength(2));
  });

  it("cancelling the erasure sends nothing", async () => {
    const user = userEvent.setup();
    window.location.hash = "#/customer-widget?customerId=User%3A7";
    const fake = createFakeClient({ WidgetTickets: () => noTickets, CustomerDataErase: () => erased });
    renderApp(<Screens />, { client: fake.client });

    await user.click(await screen.findByRole("button", { name: "Erase data" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.callsOf("CustomerDataErase")).toHaveLength(0);
  });

  it("downloads a customer's export only after a confirmation", async () => {
    const user = userEvent.setup();
    const { client, fetchFile, zip } = withDownloads(createFakeClient({}).client);
    const save = vi.fn();
    renderApp(<PrivacyActions subject={{ customer: "User:7" }} save={save} />, { client });

    await user.click(await screen.findByRole("button", { name: "Export data" }));
    expect(fetchFile).not.toHaveBeenCalled();
    const dialog = await screen.findByRole("dialog", { name: "Export this person's helpdesk data" });
    await user.click(within(dialog).getByRole("button", { name: "Download" }));

    await waitFor(() => expect(save).toHaveBeenCalledWith(zip, "helpdesk-export.zip"));
    expect(fetchFile).toHaveBeenCalledWith("https://shop.example/plugins/global/saleor.helpdesk/privacy/export/?customer=User%3A7");
  });

  it("shows the server's refusal in the dialog", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      CustomerDataErase: () => ({
        customerDataErase: {
          errors: [{ field: null, code: "PERMISSION_DENIED", message: "You need the MANAGE_USERS permission to erase a customer's data." }],
          erasure: null,
        },
      }),
    });
    renderApp(<PrivacySettings />, { client: fake.client });

    await user.type(screen.getByLabelText("Customer's or guest's e-mail address"), "gast@example.de");
    await user.click(screen.getByRole("button", { name: "Erase data" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("checkbox"));
    await user.click(within(dialog).getByRole("button", { name: "Erase for good" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("You need the MANAGE_USERS permission to erase a customer's data.");
    expect(fake.callsOf("CustomerDataErase")[0]!.variables).toEqual({ email: "gast@example.de" });
  });

  it("erases and exports a guest by address in the settings, in German", async () => {
    const user = userEvent.setup();
    const fake = createFakeClient({
      CustomerDataErase: () => ({
        customerDataErase: {
          errors: [],
          erasure: { ticketCount: 0, attachmentCount: 0, emailCount: 0, webhookDeliveryCount: 0, nothingToErase: true },
        },
      }),
    });
    const { client, fetchFile } = withDownloads(fake.client);
    const save = vi.fn();
    renderApp(<PrivacySettings save={save} />, { client, lang: "de" });

    // Without an address there is nobody to act on.
    expect(screen.getByRole("button", { name: "Daten exportieren" })).toBeDisabled();
    await user.type(screen.getByLabelText("E-Mail-Adresse des Kunden oder Gastes"), "gast@example.de");

    await user.click(screen.getByRole("button", { name: "Daten exportieren" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Herunterladen" }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(fetchFile).toHaveBeenCalledWith("https://shop.example/plugins/global/saleor.helpdesk/privacy/export/?email=gast%40example.de");

    await user.click(screen.getByRole("button", { name: "Daten löschen" }));
    const dialog = await screen.findByRole("dialog", { name: "Helpdesk-Daten dieser Person löschen" });
    await user.click(within(dialog).getByRole("checkbox"));
    await user.click(within(dialog).getByRole("button", { name: "Endgültig löschen" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Der Helpdesk hat keine Daten (mehr) zu dieser Person.");
  });
});
