import type { AppBridge } from "@saleor/app-sdk/app-bridge";
import { act, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { DashboardConnection, dashboardPathOf, isWidgetPage, tokenPermissions } from "./dashboard";

type Listener = (payload: unknown) => void;

function fakeBridge(initial: { token?: string; theme: "light" | "dark"; locale: string }) {
  let state = {
    id: "app-1",
    ready: false,
    path: "/",
    saleorApiUrl: "https://shop.example/graphql/",
    formContext: {},
    ...initial,
  };
  const listeners: Record<string, Listener[]> = {};
  const bridge = {
    getState: () => state,
    subscribe: (type: string, cb: Listener) => {
      (listeners[type] ??= []).push(cb);

      return () => undefined;
    },
    dispatch: vi.fn().mockResolvedValue(undefined),
  };
  const emit = (type: string, changes: Partial<typeof state>) => {
    state = { ...state, ...changes };
    listeners[type]?.forEach((cb) => cb(changes));
  };

  return { bridge: bridge as unknown as AppBridge, emit, dispatch: bridge.dispatch };
}

describe("Dashboard connection", () => {
  it("follows AppBridge's token, theme and locale", () => {
    const { bridge, emit } = fakeBridge({ theme: "light", locale: "en" });
    const connection = new DashboardConnection(bridge);

    expect(connection.getSnapshot()).toMatchObject({ ready: false, lang: "en", theme: "light" });
    const seen = vi.fn();

    connection.subscribe(seen);
    emit("handshake", { token: "jwt-1" });
    emit("theme", { theme: "dark" });
    emit("localeChanged", { locale: "de" });
    expect(connection.getSnapshot()).toStrictEqual({
      ready: true,
      token: "jwt-1",
      theme: "dark",
      lang: "de",
      appId: "app-1",
      permissions: null,
    });
    emit("tokenRefresh", { token: "jwt-2" });
    expect(connection.getSnapshot().token).toBe("jwt-2");
    expect(seen).toHaveBeenCalledTimes(4);
  });

  it("knows the token's permissions from the handshake: the user's within the app's", () => {
    const { bridge, emit } = fakeBridge({ theme: "light", locale: "en" });
    const connection = new DashboardConnection(bridge);
    const host = connection.host();

    expect(host.permissions).toBeUndefined(); // not told: unknown
    emit("handshake", {
      token: "jwt",
      user: {
        email: "a@shop.example",
        permissions: ["MANAGE_USERS", "MANAGE_ORDERS", "MANAGE_STAFF"],
      },
      appPermissions: ["MANAGE_USERS", "MANAGE_ORDERS", "MANAGE_PLUGINS"],
    } as never);
    expect(host.permissions).toStrictEqual(["MANAGE_USERS", "MANAGE_ORDERS"]);
    expect(tokenPermissions(["MANAGE_USERS"], undefined)).toStrictEqual(["MANAGE_USERS"]);
  });

  it("uses the Dashboard's notifications and navigation", async () => {
    const { bridge, dispatch } = fakeBridge({ token: "jwt", theme: "light", locale: "de" });
    const host = new DashboardConnection(bridge).host();

    host.notify({ status: "success", title: "Gespeichert" });
    host.openDashboard!("/orders/Order%3A1");
    expect(dispatch.mock.calls[0]![0]).toMatchObject({
      type: "notification",
      payload: { status: "success", title: "Gespeichert" },
    });
    expect(dispatch.mock.calls[1]![0]).toMatchObject({
      type: "redirect",
      payload: { to: "/orders/Order%3A1" },
    });
  });

  it("opens the helpdesk's page, or a ticket on it, at the Dashboard's app page paths", () => {
    const { bridge, dispatch } = fakeBridge({ token: "jwt", theme: "light", locale: "en" });
    const host = new DashboardConnection(bridge).host();

    host.openApp!();
    host.openTicket!("VGlja2V0OjE=");
    expect(dispatch.mock.calls[0]![0]).toMatchObject({
      type: "redirect",
      payload: { to: "/extensions/app/app-1/inbox" },
    });
    expect(dispatch.mock.calls[1]![0]).toMatchObject({
      type: "redirect",
      payload: { to: "/extensions/app/app-1/tickets/VGlja2V0OjE%3D" },
    });
  });

  it("keeps the Dashboard's URL on the app page's screen, never from a widget", () => {
    const { bridge, dispatch } = fakeBridge({ token: "jwt", theme: "light", locale: "en" });

    window.history.replaceState(
      null,
      "",
      "/plugins/global/saleor.helpdesk/dashboard/inbox?id=app-1",
    );
    new DashboardConnection(bridge).host().showRoute!("/tickets/VGlja2V0OjE%3D");
    expect(dispatch.mock.calls[0]![0]).toMatchObject({
      type: "updateRouting",
      payload: { newRoute: "/tickets/VGlja2V0OjE%3D" },
    });
    window.history.replaceState(
      null,
      "",
      "/plugins/global/saleor.helpdesk/dashboard/order-widget?orderId=x",
    );
    expect(new DashboardConnection(bridge).host().showRoute).toBeUndefined();
    window.history.replaceState(null, "", "/");

    expect(isWidgetPage("/x/dashboard/customer-widget")).toBe(true);
    expect(isWidgetPage("/x/dashboard/tickets/abc")).toBe(false);
    expect(dashboardPathOf("/")).toBe("/inbox");
    expect(dashboardPathOf("/tickets/VGlja2V0OjE=")).toBe("/tickets/VGlja2V0OjE%3D");
    expect(dashboardPathOf("/tickets/VGlja2V0OjE%3D")).toBe("/tickets/VGlja2V0OjE%3D");
    expect(dashboardPathOf("/settings/team")).toBeNull();
  });

  it("renders the app once the Dashboard handed over a token", async () => {
    const { DashboardRoot } = await import("../Root");
    const { bridge, emit } = fakeBridge({ theme: "light", locale: "de" });
    const connection = new DashboardConnection(bridge);
    const fetchMock = vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response(
        JSON.stringify({
          data: {
            ticketStatuses: [],
            ticketPriorities: [],
            ticketCategories: [],
            supportAgents: [],
            tickets: null,
            all: null,
            open: null,
            waiting: null,
            closed: null,
          },
        }),
      ),
    );

    window.location.hash = "#/inbox";
    render(<DashboardRoot connection={connection} />);
    expect(screen.getByRole("status")).toHaveTextContent("Wird geladen…");
    await act(async () => emit("handshake", { token: "jwt-1" }));
    expect(await screen.findByRole("heading", { name: "Support-Tickets" })).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0]!;

    expect(url).toBe(`${window.location.origin}/plugins/global/saleor.helpdesk/graphql/`);
    expect((init as RequestInit).headers).toMatchObject({ Authorization: "Bearer jwt-1" });
    fetchMock.mockRestore();
  });

  it("sends the token only to its own origin, whatever API URL the Dashboard's query string names", async () => {
    const { DashboardRoot } = await import("../Root");

    /*
     * given the page as the plugin serves it, and an API URL of another origin (as a
     * crafted link to the page would carry it in `saleorApiUrl`)
     */
    window.history.replaceState(
      null,
      "",
      "/plugins/global/saleor.helpdesk/dashboard/?saleorApiUrl=https%3A%2F%2Fevil.example%2Fgraphql%2F#/inbox",
    );
    const { bridge, emit } = fakeBridge({ theme: "light", locale: "en" });

    emit("handshake", { saleorApiUrl: "https://evil.example/graphql/" });
    const fetchMock = vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response(
        JSON.stringify({
          data: {
            ticketStatuses: [],
            ticketPriorities: [],
            ticketCategories: [],
            supportAgents: [],
            tickets: null,
            all: null,
            open: null,
            waiting: null,
            closed: null,
          },
        }),
      ),
    );

    // when the Dashboard hands over the token and the inbox loads
    render(<DashboardRoot connection={new DashboardConnection(bridge)} />);
    await act(async () => emit("handshake", { token: "jwt-secret" }));
    expect(await screen.findByRole("heading", { name: "Support tickets" })).toBeInTheDocument();

    // then every request went to the helpdesk beside the page, none elsewhere
    expect(fetchMock).toHaveBeenCalled();
    for (const [url] of fetchMock.mock.calls) {
      expect(url).toBe(`${window.location.origin}/plugins/global/saleor.helpdesk/graphql/`);
    }
    fetchMock.mockRestore();
    window.history.replaceState(null, "", "/");
  });
});
