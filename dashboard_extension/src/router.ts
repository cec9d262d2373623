import { useCallback, useEffect, useState } from "react";

/*
 * Hash routing: the build is a static folder served by the plugin, so every screen is
 * `…/dashboard/#/<path>?<query>`; a deep link works without any server-side routing.
 *   #/inbox?tab=open&status=…   the inbox (filters, sorting and page live in the query)
 *   #/tickets/<id>               the ticket page
 *   #/order-widget?orderId=…     the widget on the Dashboard's order page
 *   #/customer-widget?customerId=…
 *   #/settings, #/statistics
 * The Dashboard opens each extension at a page of its own (`…/dashboard/inbox`,
 * `…/dashboard/order-widget?orderId=…`, `…/dashboard/customer-widget?customerId=…`,
 * and `…/dashboard/tickets/<id>` when a widget opens a ticket on the app page):
 * it appends its query to the URL, which behind a `#` would land in the fragment. So
 * without a hash route the first screen comes from the page's path.
 */

export type Route = { path: string; query: URLSearchParams };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [pathPart, queryPart = ""] = raw.split("?", 2);
  const path = "/" + (pathPart ?? "").replace(/^\/+/, "").replace(/\/+$/, "");

  return { path, query: new URLSearchParams(queryPart) };
}

export type QueryValues = Record<string, string | number | boolean | null | undefined>;

export function buildHash(path: string, query?: URLSearchParams | QueryValues): string {
  let params: URLSearchParams;

  if (query instanceof URLSearchParams) {
    params = query;
  } else {
    params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === "" || value === false) continue;
      params.set(key, value === true ? "1" : String(value));
    }
  }
  const search = params.toString();

  return `#${path}${search ? `?${search}` : ""}`;
}

export function navigate(
  path: string,
  query?: URLSearchParams | QueryValues,
  options?: { replace?: boolean },
) {
  const hash = buildHash(path, query);

  if (options?.replace) {
    const url = `${window.location.pathname}${window.location.search}${hash}`;

    window.history.replaceState(window.history.state, "", url);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = hash;
  }
}

/** The extension pages the plugin serves (saleor_helpdesk/dashboard/app.py). */
const ENTRY_PAGES = new Set(["inbox", "order-widget", "customer-widget"]);

/** The route of a page URL: its hash route, or else the entry page its path names. */
export function routeOf(pathname: string, hash: string): Route {
  const route = parseHash(hash);

  if (route.path !== "/") return route;
  const segments = pathname.replace(/\/+$/, "").split("/");
  const page = segments.at(-1) ?? "";

  if (ENTRY_PAGES.has(page)) return { path: `/${page}`, query: route.query };
  // A ticket opened from a widget: …/dashboard/tickets/<id>.
  if (segments.at(-2) === "tickets" && page)
    return { path: `/tickets/${page}`, query: route.query };

  return route;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);

  useEffect(() => {
    const onChange = () => setHash(window.location.hash);

    window.addEventListener("hashchange", onChange);
    window.addEventListener("popstate", onChange);

    return () => {
      window.removeEventListener("hashchange", onChange);
      window.removeEventListener("popstate", onChange);
    };
  }, []);

  return routeOf(window.location.pathname, hash);
}

/**
 * A parameter from the hash's query, or else from the page's own query string (the
 * Dashboard appends widget parameters such as `orderId` to the extension URL).
 */
export function routeParam(route: Route, name: string): string | null {
  return route.query.get(name) ?? new URLSearchParams(window.location.search).get(name);
}

/** Change some query parameters of the current route (others stay). */
export function useQueryUpdater(route: Route) {
  return useCallback(
    (changes: QueryValues, options?: { replace?: boolean }) => {
      const next = new URLSearchParams(route.query);

      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === "" || value === false)
          next.delete(key);
        else next.set(key, value === true ? "1" : String(value));
      }
      navigate(route.path, next, options);
    },
    [route.path, route.query.toString()], // eslint-disable-line react-hooks/exhaustive-deps
  );
}
