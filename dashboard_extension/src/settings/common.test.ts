import { describe, expect, it } from "vitest";

import { cleanTranslations, parseOptionalInt, splitList } from "./common";
import { parseSettingsPath } from "./SettingsPage";
import { prettyJson, webhookInput } from "./Webhooks";

describe("settings helpers", () => {
  it("parses settings paths", () => {
    expect(parseSettingsPath("/settings")).toStrictEqual({ section: "statuses", id: null });
    expect(parseSettingsPath("/settings/templates")).toStrictEqual({
      section: "templates",
      id: null,
    });
    expect(parseSettingsPath("/settings/webhooks/V2ViaG9vazox")).toStrictEqual({
      section: "webhooks",
      id: "V2ViaG9vazox",
    });
    expect(parseSettingsPath("/settings/webhooks/a%3A1")).toStrictEqual({
      section: "webhooks",
      id: "a:1",
    });
    expect(parseSettingsPath("/settings/mailboxes/SGVscGRlc2tNYWlsYm94OjE=")).toStrictEqual({
      section: "mailboxes",
      id: "SGVscGRlc2tNYWlsYm94OjE=",
    });
    expect(parseSettingsPath("/settings/nope")).toBeNull();
    expect(parseSettingsPath("/settings/statuses/1")).toBeNull();
  });

  it("parses numbers, lists and translations as typed", () => {
    expect(parseOptionalInt(" 12 ")).toBe(12);
    expect(parseOptionalInt("")).toBeNull();
    expect(parseOptionalInt("1.5")).toBeNaN();
    expect(splitList("a, b;c  a\nd")).toStrictEqual(["a", "b", "c", "d"]);
    expect(
      cleanTranslations([
        { languageCode: " DE ", name: " Neu " },
        { languageCode: "", name: "x" },
        { languageCode: "fr", name: "" },
      ]),
    ).toStrictEqual([{ languageCode: "de", name: "Neu" }]);
  });

  it("builds webhook input and pretty-prints payloads", () => {
    expect(
      webhookInput({
        name: " Hook ",
        targetUrl: " https://x.test/h ",
        events: ["ticket.created"],
        channels: ["de", "at"],
        isActive: true,
        includeInternalComments: false,
        signing: "HMAC",
      }),
    ).toStrictEqual({
      name: "Hook",
      targetUrl: "https://x.test/h",
      events: ["ticket.created"],
      channels: ["de", "at"],
      isActive: true,
      includeInternalComments: false,
      signing: "HMAC",
    });
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson("not json")).toBe("not json");
  });
});
