import { describe, expect, it } from "vitest";

import { baseFilter, inboxStateToQuery, readInboxState } from "../screens/inbox/inboxState";

describe("the inbox's tag filter", () => {
  it("travels in the URL and filters by the tag's slug", () => {
    const state = readInboxState(new URLSearchParams("tag=vip"));

    expect(state.tag).toBe("vip");
    expect(baseFilter(state)).toStrictEqual({ tags: ["vip"] });
    expect(inboxStateToQuery(state).tag).toBe("vip");
    expect(baseFilter(readInboxState(new URLSearchParams("")))).toStrictEqual({});
  });
});
