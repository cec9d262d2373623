import { createContext, type ReactNode, useContext } from "react";

import type { Lang } from "../i18n";

export type NotifyStatus = "success" | "error" | "info" | "warning";
export type Notification = { status: NotifyStatus; title: string; text?: string };

/** What the screens need from where they run (the Dashboard's iframe or standalone). */
export interface Host {
  mode: "dashboard" | "standalone";
  /** Show a notification (the Dashboard's own, or a toast standalone). */
  notify(notification: Notification): void;
  /** Open a page of the Saleor Dashboard, e.g. `/orders/<id>`; absent standalone. */
  openDashboard?: (path: string) => void;
  /** Open the helpdesk's main page in the Dashboard (from a widget); absent standalone. */
  openApp?: () => void;
  /**
   * Open a ticket on the helpdesk's page in the Dashboard (from a widget, whose frame
   * is too small for it); absent standalone.
   */
  openTicket?: (ticketId: string) => void;
  /**
   * On the Dashboard's app page: tell the Dashboard which screen shows (`/inbox`,
   * `/tickets/<id>`), so its URL, a reload or a shared link opens the same; absent in
   * widgets and standalone.
   */
  showRoute?: (path: string) => void;
  /** Inside a Dashboard widget: tell the Dashboard how tall the content is. */
  reportHeight?: (height: number) => void;
  /**
   * The permissions of the caller's token when the host knows them (the Dashboard
   * says); absent: unknown, the screens show everything and the API refuses.
   */
  readonly permissions?: readonly string[];
  /** Standalone: switch the language. */
  setLang?: (lang: Lang) => void;
  /** Standalone: forget the token. */
  logout?: () => void;
}

const HostContext = createContext<Host>({ mode: "standalone", notify: () => undefined });

export function HostProvider({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): Host {
  return useContext(HostContext);
}

/**
 * Where Saleor serves the helpdesk plugin: its pages under `dashboard/`, its API
 * under `graphql/`.
 */
export const HELPDESK_PLUGIN_PATH = "/plugins/global/saleor.helpdesk/";
export const HELPDESK_GRAPHQL_PATH = `${HELPDESK_PLUGIN_PATH}graphql/`;

export type PageLocation = Pick<Location, "origin" | "pathname">;

/**
 * The helpdesk's GraphQL endpoint for the page at `page`: the plugin serves its pages
 * from Saleor's own origin (`…/plugins/global/saleor.helpdesk/dashboard/…`), so the API
 * is beside them, under the same path prefix (a Saleor mounted below a path keeps it).
 * The caller's token goes only there: never to a URL taken from the query string or
 * from the Dashboard (AppBridge's `saleorApiUrl`), whose origin is not the page's.
 */
export function helpdeskEndpoint(page: PageLocation = window.location): string {
  const at = page.pathname.indexOf(HELPDESK_PLUGIN_PATH);
  const prefix = at > 0 ? page.pathname.slice(0, at) : "";

  return new URL(`${prefix}${HELPDESK_GRAPHQL_PATH}`, page.origin).toString();
}

/** Whether `url` (absolute, or relative to the page) is on the page's own origin. */
export function isOwnOrigin(url: string, origin: string = window.location.origin): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

export function isInIframe(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true; // a cross-origin parent denies access: we are framed
  }
}
