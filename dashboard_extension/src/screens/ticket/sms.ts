/*
 * How many SMS parts a reply takes, counted as the helpdesk counts before sending
 * (saleor_helpdesk/sms/text.py): 160 characters of the GSM 7-bit alphabet per SMS
 * (153 per part when split; `€ [ ] { } \ ~ ^ |` count twice), or 70 (67) when any
 * character lies outside it, counted in UTF-16 units (an emoji takes two). A reply may
 * take at most MAX_PARTS parts.
 */

export const MAX_PARTS = 3;

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

export type SmsSize = { parts: number; units: number; gsm: boolean };

/** The text as it is sent: line breaks as \n, a tab as a space, control characters dropped, trimmed. */
export function smsText(body: string): string {
  const isControl = (c: string) => {
    const code = c.codePointAt(0)!;

    return c !== "\n" && (code < 0x20 || (code >= 0x7f && code <= 0x9f));
  };

  return Array.from(body.replace(/\r\n?/g, "\n").replace(/\t/g, " "))
    .filter((c) => !isControl(c))
    .join("")
    .trim();
}

export function smsSize(body: string): SmsSize {
  const text = smsText(body);
  const characters = Array.from(text);
  const gsm = characters.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const units = gsm
    ? characters.reduce((sum, c) => sum + (GSM_EXTENSION.has(c) ? 2 : 1), 0)
    : text.length; // UTF-16 code units
  const [single, joined] = gsm ? [160, 153] : [70, 67];

  return { parts: units <= single ? 1 : Math.ceil(units / joined), units, gsm };
}

/** The most characters (GSM septets or UTF-16 units) a reply of this alphabet may take. */
export function smsLimit(gsm: boolean): number {
  return (gsm ? 153 : 67) * MAX_PARTS;
}
