import { describe, expect, it } from "vitest";

import { buildHash, parseHash, routeOf, routeParam } from "./router";
import {
  DEFAULT_STATE,
  inboxStateToQuery,
  inboxVariables,
  readInboxState,
} from "./screens/inbox/inboxState";

describe("hash routing", () => {
  it("parses and builds deep links", () => {
    const route = parseHash("#/tickets/VGlja2V0OjE=?back=%23%2Finbox%3Ftab%3Dclosed");

    expect(route.path).toBe("/tickets/VGlja2V0OjE=");
    expect(route.query.get("back")).toBe("#/inbox?tab=closed");
    expect(parseHash("").path).toBe("/");
    expect(parseHash("#/inbox/").path).toBe("/inbox");
    expect(buildHash("/inbox", { tab: "closed", q: "", overdue: true, kind: undefined })).toBe(
      "#/inbox?tab=closed&overdue=1",
    );
  });

  it("reads widget parameters from the hash or the page's query string", () => {
    window.history.replaceState(
      null,
      "",
      "/dashboard/?orderId=T3JkZXI6MQ%3D%3D&saleorApiUrl=x#/order-widget",
    );
    expect(routeParam(parseHash(window.location.hash), "orderId")).toBe("T3JkZXI6MQ==");
    expect(routeParam(parseHash("#/order-widget?orderId=abc"), "orderId")).toBe("abc");
    window.history.replaceState(null, "", "/");
  });
});

describe("entry pages", () => {
  it("take the first screen from the page's path when the hash names none", () => {
    const at = (pathname: string, hash = "") => routeOf(pathname, hash).path;

    // Where the Dashboard opens each extension (the query is its own).
    expect(at("/plugins/global/saleor.helpdesk/dashboard/inbox")).toBe("/inbox");
    expect(at("/plugins/global/saleor.helpdesk/dashboard/order-widget")).toBe("/order-widget");
    expect(at("/plugins/global/saleor.helpdesk/dashboard/customer-widget/")).toBe(
      "/customer-widget",
    );
    // The folder itself: the inbox comes by redirect from "/" (Screens).
    expect(at("/plugins/global/saleor.helpdesk/dashboard/")).toBe("/");
    expect(at("/plugins/global/saleor.helpdesk/dashboard/index.html")).toBe("/");
    // A ticket a widget opened on the app page.
    expect(at("/plugins/global/saleor.helpdesk/dashboard/tickets/VGlja2V0OjE%3D")).toBe(
      "/tickets/VGlja2V0OjE%3D",
    );
    // Moving on inside a page: the hash wins.
    expect(at("/plugins/global/saleor.helpdesk/dashboard/inbox", "#/tickets/VGlja2V0OjE=")).toBe(
      "/tickets/VGlja2V0OjE=",
    );
  });

  it("read widget parameters from the entry page's query", () => {
    window.history.replaceState(
      null,
      "",
      "/dashboard/order-widget?domain=localhost%3A8000&saleorApiUrl=x&id=QXBwOjE%3D&orderId=T3JkZXI6MQ%3D%3D&theme=light",
    );
    const route = routeOf(window.location.pathname, window.location.hash);

    expect(route.path).toBe("/order-widget");
    expect(routeParam(route, "orderId")).toBe("T3JkZXI6MQ==");
    window.history.replaceState(null, "", "/");
  });
});

describe("inbox URL state", () => {
  it("round-trips through the URL and leaves defaults out", () => {
    const state = {
      ...DEFAULT_STATE,
      tab: "closed" as const,
      kind: "COMPLAINT" as const,
      overdue: true,
      sort: "number" as const,
      dir: "ASC" as const,
    };
    const query = new URLSearchParams(buildHash("/inbox", inboxStateToQuery(state)).split("?")[1]);

    expect(Object.fromEntries(query)).toStrictEqual({
      tab: "closed",
      kind: "COMPLAINT",
      overdue: "1",
      sort: "number",
      dir: "ASC",
    });
    expect(readInboxState(query)).toStrictEqual(state);
    expect(inboxStateToQuery(DEFAULT_STATE)).toStrictEqual(
      expect.not.objectContaining({ tab: expect.anything() }),
    );
  });

  it("ignores unknown values and pages backwards with `last`", () => {
    const state = readInboxState(
      new URLSearchParams("tab=bogus&kind=NOPE&sort=nope&dir=up&before=abc"),
    );

    expect(state).toMatchObject({
      tab: "open",
      kind: "",
      sort: "lastActivity",
      dir: "DESC",
      before: "abc",
    });
    expect(inboxVariables(state, "de")).toMatchObject({
      last: 50,
      before: "abc",
      languageCode: "de",
    });
    expect(inboxVariables(state, "en").sortBy).toStrictEqual({
      field: "LAST_ACTIVITY_AT",
      direction: "DESC",
    });
  });

  it("sends every column's sorting to the API", () => {
    const sortBy = (sort: string, dir = "ASC") =>
      inboxVariables(readInboxState(new URLSearchParams({ sort, dir })), "en").sortBy;

    expect(sortBy("title")).toStrictEqual({ field: "SUBJECT", direction: "ASC" });
    expect(sortBy("customer", "DESC")).toStrictEqual({ field: "CUSTOMER", direction: "DESC" });
    expect(sortBy("status")).toStrictEqual({ field: "STATUS", direction: "ASC" });
    expect(sortBy("assignee")).toStrictEqual({ field: "ASSIGNEE", direction: "ASC" });
    expect(sortBy("channel")).toStrictEqual({ field: "CHANNEL", direction: "ASC" });
    expect(sortBy("priority", "DESC")).toStrictEqual({ field: "PRIORITY", direction: "DESC" });
  });
});
