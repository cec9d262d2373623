// Helpers of the end-to-end test: its environment (set by bin/e2e), GraphQL over fetch
// (as a storefront or a script calls the API), the captured e-mails, polling.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), "helpdesk-e2e-chromium-"));
}

export type MutationError = { field: string | null; code: string; message: string };

/** One GraphQL request; throws on HTTP or GraphQL errors, with what was answered. */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let payload: { data?: T; errors?: Array<{ message: string }> };
  try {
    payload = JSON.parse(text);
  } catch {
    throw new Error(`POST ${url} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  if (!response.ok || payload.errors?.length || !payload.data) {
    throw new Error(`POST ${url} answered HTTP ${response.status}: ${text.slice(0, 1000)}`);
  }
  return payload.data;
}

/** Fails with the mutation's own errors, so a refusal reads as what the API said. */
export function noErrors(what: string, errors: MutationError[] | undefined | null) {
  if (errors?.length) throw new Error(`${what} refused: ${JSON.stringify(errors)}`);
}

export async function tokenCreate(email: string, password: string): Promise<string> {
  const data = await graphql<{ tokenCreate: { token: string | null; errors: MutationError[] } }>(
    saleorApi(),
    `mutation($email: String!, $password: String!) { tokenCreate(email: $email, password: $password) { token errors { field code message } } }`,
    { email, password },
  );
  noErrors(`tokenCreate(${email})`, data.tokenCreate.errors);
  if (!data.tokenCreate.token) throw new Error(`tokenCreate(${email}) gave no token`);
  return data.tokenCreate.token;
}

/** Poll until `probe` gives a value (not undefined); fail after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
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
    encoding.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** A MIME entity's decoded text: every text part, transfer encodings undone. */
function entityText(headerBlock: string, body: string): string {
  const contentType = /^content-type:\s*([^\n]*(?:\n[ \t][^\n]*)*)/im.exec(headerBlock)?.[1] ?? "text/plain";
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
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

/** The e-mails Django's file backend wrote: one file per connection, messages
 * separated by a line of 79 dashes. */
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

/** Step timings for the closing summary. */
export class Timings {
  private readonly rows: Array<{ step: string; ms: number; ok: boolean }> = [];
  private readonly started = Date.now();
  private readonly notes: string[] = [];

  note(text: string) {
    this.notes.push(text);
  }

  record(step: string, ms: number, ok: boolean) {
    this.rows.push({ step, ms, ok });
  }

  summary(): string {
    const passed = this.rows.filter((row) => row.ok).length;
    const width = Math.max(...this.rows.map((row) => row.step.length), 10);
    const lines = this.rows.map((row) => `  ${row.ok ? "ok  " : "FAIL"} ${row.step.padEnd(width)} ${(row.ms / 1000).toFixed(1).padStart(6)} s`);
    return [
      `End-to-end summary: ${passed} of ${this.rows.length} steps passed in ${((Date.now() - this.started) / 1000).toFixed(1)} s`,
      ...lines,
      ...this.notes.map((text) => `  ${text}`),
      `  screenshots: ${env.artifacts}`,
    ].join("\n");
  }
}
