/*
 * Helpers of the stand-in end-to-end test: its environment (set by bin/e2e), its demo
 * users, the captured e-mails. What the runs share is in common.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { saleorTokenCreate } from "./common";

export {
  type Browser,
  graphql,
  launchChromium,
  type MutationError,
  noErrors,
  stepRunner,
  Timings,
  waitFor,
} from "./common";

function required(name: string): string {
  const value = process.env[name];

  if (!value) throw new Error(`${name} is not set: run the end-to-end test through bin/e2e`);

  return value;
}

export type Fixture = {
  customerEmail: string;
  customerId: string;
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string }>;
  /** Issue 14: an order over 200 EUR (its customer and first line), and the senior agent. */
  bigOrder: { customerEmail: string; orderId: string; lineId: string };
  seniorEmail: string;
  /** The demo's reply by e-mail from an address its ticket does not know. */
  unverifiedEmail: {
    ticketId: string;
    ticketNumber: number;
    ticketSubject: string;
    fromAddress: string;
  };
};

export const env = {
  baseUrl: required("E2E_BASE_URL").replace(/\/$/, ""),
  mailDir: required("E2E_MAIL_DIR"),
  artifacts: required("E2E_ARTIFACTS"),
  chromium: process.env.CHROMIUM || "/usr/bin/chromium",
  fixture: JSON.parse(readFileSync(required("E2E_FIXTURE"), "utf8")) as Fixture,
};

export const STAFF_EMAIL = "lena.fischer@shop.example";
export const DEMO_PASSWORD = "demo";
export const saleorApi = () => `${env.baseUrl}/graphql/`;
export const helpdeskApi = () => `${env.baseUrl}/plugins/global/saleor.helpdesk/graphql/`;
export const dashboardUrl = () => `${env.baseUrl}/plugins/global/saleor.helpdesk/dashboard/`;

export async function tokenCreate(email: string, password: string): Promise<string> {
  return saleorTokenCreate(saleorApi(), email, password);
}

export type Mail = { file: string; headers: Record<string, string>; text: string };

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, "");

  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);

    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, "utf8"));
  }

  return Buffer.from(bytes).toString("utf8");
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** A MIME entity's decoded text: every text part, transfer encodings undone. */
function entityText(headerBlock: string, body: string): string {
  const contentType =
    /^content-type:\s*([^\n]*(?:\n[ \t][^\n]*)*)/im.exec(headerBlock)?.[1] ?? "text/plain";
  const boundary = /boundary="?([^";\s]+)"?/i.exec(contentType)?.[1];

  if (/^multipart\//i.test(contentType) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith("--"))
      .map((part) => {
        const [head, ...rest] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);

        return entityText(head ?? "", rest.join("\n\n"));
      })
      .join("\n");
  }
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headerBlock)?.[1]?.toLowerCase();

  if (encoding === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);

  return body;
}

/**
 * The e-mails Django's file backend wrote: one file per connection, messages
 * separated by a line of 79 dashes.
 */
export function readMails(dir: string): Mail[] {
  const mails: Mail[] = [];

  for (const file of readdirSync(dir).sort()) {
    const raw = readFileSync(join(dir, file), "utf8");

    for (const message of raw.split(/^-{79}$/m)) {
      const trimmed = message.replace(/^\s+/, "");

      if (!trimmed) continue;
      const [headerBlock = "", ...bodyParts] = trimmed.split(/\r?\n\r?\n/);
      const headers: Record<string, string> = {};

      for (const line of headerBlock.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
        const match = /^([\w-]+):\s*(.*)$/.exec(line);

        if (match) headers[match[1]!.toLowerCase()] = decodeHeader(match[2]!);
      }
      mails.push({ file, headers, text: entityText(headerBlock, bodyParts.join("\n\n")) });
    }
  }

  return mails;
}
