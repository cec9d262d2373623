import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { LoginForm, StandaloneHeader } from "../Root";
import { parseHash } from "../router";
import { Inbox } from "../screens/inbox/Inbox";
import { createFakeClient } from "../test/fakeClient";
import { counts, helpdeskChannels, inboxPage, inboxTicket, options } from "../test/fixtures";
import { renderApp } from "../test/render";
import { makeI18n, toLang, translate } from "./index";
import { de, en } from "./messages";

describe("i18n", () => {
  it("has the same keys in German and English, none empty", () => {
    expect(Object.keys(de).sort()).toStrictEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(de)) expect(value, key).not.toBe("");
  });

  it("maps locales to a dictionary and fills placeholders", () => {
    expect(toLang("de-AT")).toBe("de");
    expect(toLang("de_DE")).toBe("de");
    expect(toLang("fr")).toBe("en");
    expect(toLang(undefined)).toBe("en");
    expect(translate("de", "inbox.selected", { count: 3 })).toBe("3 ausgewählt");
    expect(translate("en", "inbox.selected", { count: 3 })).toBe("3 selected");
    expect(makeI18n("de").label("kind", "COMPLAINT")).toBe("Reklamation");
    expect(makeI18n("en").label("kind", "SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(makeI18n("de").formatMoney(150.5, "EUR")).toMatch(/^150,50\s€$/u);
  });

  it("switches the screens' language and asks the API for labels in it", async () => {
    window.location.hash = "#/inbox";
    const fake = createFakeClient({
      InboxOptions: () => options,
      Inbox: () => inboxPage([inboxTicket({ id: "Ticket:1", number: 10001, kind: "COMPLAINT" })]),
      InboxCounts: () => counts,
      HelpdeskChannels: () => helpdeskChannels,
    });
    const route = parseHash(window.location.hash);
    const { rerenderWith } = renderApp(<Inbox route={route} />, {
      client: fake.client,
      lang: "en",
    });

    expect(await screen.findByRole("heading", { name: "Support tickets" })).toBeInTheDocument();
    expect(within(screen.getByTestId("ticket-row")).getByText("Complaint")).toBeInTheDocument();
    expect(fake.callsOf("Inbox").at(-1)!.variables.languageCode).toBe("en");

    rerenderWith({ lang: "de" });
    expect(await screen.findByRole("heading", { name: "Support-Tickets" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /Geschlossen/ })).toBeInTheDocument();
    expect(within(screen.getByTestId("ticket-row")).getByText("Reklamation")).toBeInTheDocument();
    await waitFor(() => expect(fake.callsOf("Inbox").at(-1)!.variables.languageCode).toBe("de"));
    expect(fake.callsOf("InboxOptions").at(-1)!.variables.languageCode).toBe("de");
  });

  it("lets a standalone user switch the language", async () => {
    const user = userEvent.setup();
    const onLang = vi.fn();
    const fake = createFakeClient({});

    renderApp(<StandaloneHeader lang="en" onLang={onLang} onLogout={() => undefined} />, {
      client: fake.client,
    });
    await user.selectOptions(screen.getByLabelText("Language"), "de");
    expect(onLang).toHaveBeenCalledWith("de");
  });
});

describe("Standalone login", () => {
  it("signs in with e-mail and password and hands over the token", async () => {
    const user = userEvent.setup();
    const loginImpl = vi.fn().mockResolvedValue("jwt-token");
    const onToken = vi.fn();

    renderApp(
      <LoginForm lang="en" onLang={() => undefined} onToken={onToken} loginImpl={loginImpl} />,
      { client: createFakeClient({}).client },
    );
    expect(screen.getByLabelText("E-mail")).toHaveValue("support@example.com");
    await user.type(screen.getByLabelText("Password"), "demo");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(onToken).toHaveBeenCalledWith("jwt-token"));
    expect(loginImpl).toHaveBeenCalledWith("support@example.com", "demo");
  });

  it("shows Saleor's refusal and keeps the form", async () => {
    const user = userEvent.setup();
    const loginImpl = vi.fn().mockRejectedValue(new Error("Please, enter valid credentials"));

    renderApp(
      <LoginForm lang="de" onLang={() => undefined} onToken={vi.fn()} loginImpl={loginImpl} />,
      { client: createFakeClient({}).client, lang: "de" },
    );
    await user.type(screen.getByLabelText("Passwort"), "wrong");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Anmeldung fehlgeschlagen: Please, enter valid credentials",
    );
    expect(screen.getByLabelText("Passwort")).toHaveValue("wrong");
  });
});
