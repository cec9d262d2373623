import { createContext, useContext, type ReactNode } from "react";
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
  /** Open a ticket on the helpdesk's page in the Dashboard (from a widget, whose frame
   * is too small for it); absent standalone. */
  openTicket?: (ticketId: string) => void;
  /** On the Dashboard's app page: tell the Dashboard which screen shows (`/inbox`,
   * `/tickets/<id>`), so its URL, a reload or a shared link opens the same; absent in
   * widgets and standalone. */
  showRoute?: (path: string) => void;
  /** Inside a Dashboard widget: tell the Dashboard how tall the content is. */
  reportHeight?: (height: number) => void;
  /** The permissions of the caller's token when the host knows them (the Dashboard
   * says); absent: unknown, the screens show everything and the API refuses. */
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

export const HELPDESK_GRAPHQL_PATH = "/plugins/global/saleor.helpdesk/graphql/";

/** The helpdesk endpoint next to a Saleor API URL (same origin). */
export function helpdeskEndpoint(saleorApiUrl: string): string {
  return new URL(HELPDESK_GRAPHQL_PATH, new URL(saleorApiUrl).origin).toString();
}

export function isInIframe(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true; // a cross-origin parent denies access: we are framed
  }
}
