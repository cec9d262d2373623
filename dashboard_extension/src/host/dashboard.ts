import { actions, AppBridge, reportWidgetHeight, type ThemeType } from "@saleor/app-sdk/app-bridge";

import { type Lang, toLang } from "../i18n";
import type { Host } from "./host";

/**
 * The Dashboard's state as the app needs it. AppBridge's `saleorApiUrl` is left out
 * on purpose: it comes from the query string, and the token never goes there (see
 * `helpdeskEndpoint`).
 */
export type BridgeSnapshot = {
  ready: boolean;
  token: string | null;
  theme: ThemeType;
  lang: Lang;
  appId: string;
  /**
   * What the token may do (the user's permissions within the app's), when the
   * Dashboard says; null: unknown.
   */
  permissions: readonly string[] | null;
};

/** The AppBridge connection: token, theme and locale, kept current. */
export class DashboardConnection {
  private listeners = new Set<() => void>();
  private snapshot: BridgeSnapshot;

  constructor(public readonly bridge: AppBridge) {
    this.snapshot = this.read();
    const update = () => {
      this.snapshot = this.read();
      this.listeners.forEach((listener) => listener());
    };

    bridge.subscribe("handshake", update);
    bridge.subscribe("theme", update);
    bridge.subscribe("localeChanged", update);
    bridge.subscribe("tokenRefresh", update);
  }

  private read(): BridgeSnapshot {
    const state = this.bridge.getState();

    return {
      ready: Boolean(state.token),
      token: state.token ?? null,
      theme: state.theme === "dark" ? "dark" : "light",
      lang: toLang(state.locale),
      appId: state.id,
      permissions: tokenPermissions(state.user?.permissions, state.appPermissions),
    };
  }

  getSnapshot = (): BridgeSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  };

  private openAppPage(path: string) {
    const id = this.snapshot.appId;

    if (id)
      void this.bridge.dispatch(
        actions.Redirect({ to: `/extensions/app/${encodeURIComponent(id)}/${path}` }),
      );
  }

  host(): Host {
    const bridge = this.bridge;
    const permissions = () => this.snapshot.permissions ?? undefined;

    return {
      mode: "dashboard",
      get permissions() {
        return permissions();
      },
      notify: ({ status, title, text }) => {
        void bridge.dispatch(actions.Notification({ status, title, text }));
      },
      openDashboard: (path) => {
        void bridge.dispatch(actions.Redirect({ to: path }));
      },
      reportHeight: (height) => reportWidgetHeight(bridge, height),
      /*
       * The Dashboard shows an app page at /extensions/app/<app id>/<path> and loads
       * the plugin's page of that path (see router.ts, entry pages).
       */
      openApp: () => this.openAppPage("inbox"),
      openTicket: (ticketId) => this.openAppPage(`tickets/${encodeURIComponent(ticketId)}`),
      // Widgets live inside another Dashboard page, whose URL is not theirs to change.
      showRoute: isWidgetPage(window.location.pathname)
        ? undefined
        : (path) => {
            void bridge.dispatch(actions.UpdateRouting({ newRoute: path }));
          },
    };
  }
}

/** The Dashboard's token carries the intersection of the user's and the app's permissions. */
export function tokenPermissions(
  user: readonly string[] | undefined,
  app: readonly string[] | undefined,
): readonly string[] | null {
  if (!user) return null;

  return app ? user.filter((permission) => app.includes(permission)) : user;
}

/** The pages the Dashboard loads as widgets (see router.ts, entry pages). */
export function isWidgetPage(pathname: string): boolean {
  return /\/(order|customer)-widget\/?$/.test(pathname);
}

/**
 * The Dashboard path (below its app page) that opens the screen at `path`, if any:
 * the plugin serves the inbox and ticket pages as entry pages.
 */
export function dashboardPathOf(path: string): string | null {
  if (path === "/" || path === "/inbox") return "/inbox";
  const ticket = /^\/tickets\/([^/]+)$/.exec(path);

  return ticket ? `/tickets/${encodeURIComponent(decodeURIComponent(ticket[1]!))}` : null;
}

export function connectToDashboard(): DashboardConnection {
  return new DashboardConnection(new AppBridge({ autoNotifyReady: true }));
}
