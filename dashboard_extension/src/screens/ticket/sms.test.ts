import { describe, expect, it } from "vitest";

import { smsLimit, smsSize, smsText } from "./sms";

describe("SMS size", () => {
  it("counts the GSM alphabet (German umlauts and ß in it) at 160 per SMS, 153 per part", () => {
    expect(smsSize("Grüße aus München, Ihr Paket ist unterwegs.")).toStrictEqual({
      parts: 1,
      units: 43,
      gsm: true,
    });
    expect(smsSize("a".repeat(160)).parts).toBe(1);
    expect(smsSize("a".repeat(161)).parts).toBe(2);
    expect(smsSize("a".repeat(459)).parts).toBe(3);
    expect(smsSize("a".repeat(460)).parts).toBe(4);
  });

  it("counts the extension characters twice", () => {
    expect(smsSize("10 €").units).toBe(5);
    expect(smsSize("[x]").units).toBe(5);
  });

  it("counts any other character as UCS-2: 70 per SMS, an emoji as two units", () => {
    expect(smsSize("Danke 🙂")).toStrictEqual({ parts: 1, units: 8, gsm: false });
    expect(smsSize("„ok“")).toStrictEqual({ parts: 1, units: 4, gsm: false });
    expect(smsSize("ж".repeat(70)).parts).toBe(1);
    expect(smsSize("ж".repeat(71)).parts).toBe(2);
    expect(smsLimit(false)).toBe(201);
    expect(smsLimit(true)).toBe(459);
  });

  it("counts the text as it is sent: trimmed, line breaks as one character, no control characters", () => {
    expect(smsText("  Hallo\r\nWelt\t!\u0007 ")).toBe("Hallo\nWelt !");
    expect(smsSize("  Hallo\r\nWelt  ").units).toBe(10);
  });
});
