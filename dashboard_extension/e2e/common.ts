/*
 * What both end-to-end runs share: Chromium's flags, GraphQL over fetch (as a
 * storefront or a script calls the API), polling, step timings.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type BrowserContext, chromium, type Page } from "playwright-core";
import { it } from "vitest";

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

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/**
 * Headless Chromium with a fresh profile, an English UI in Berlin's time zone and a
 * desktop window; `close` also removes the profile.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const profileDir = freshProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "en-US",
    timezoneId: "Europe/Berlin",
    viewport: { width: 1440, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export type MutationError = { field: string | null; code: string; message: string };

/** One GraphQL request; throws on HTTP or GraphQL errors, with what was answered. */
export async function graphql<T>(
  url: string,
  {
    query,
    variables,
    token,
  }: { query: string; variables: Record<string, unknown>; token?: string },
): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
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

/** `tokenCreate` on a Saleor API (Saleor's own, or the stand-in's). */
export async function saleorTokenCreate(
  saleorApiUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const data = await graphql<{ tokenCreate: { token: string | null; errors: MutationError[] } }>(
    saleorApiUrl,
    {
      query: `
      mutation ($email: String!, $password: String!) {
        tokenCreate(email: $email, password: $password) {
          token
          errors {
            field
            code
            message
          }
        }
      }
    `,
      variables: { email, password },
    },
  );

  noErrors(`tokenCreate(${email})`, data.tokenCreate.errors);
  if (!data.tokenCreate.token) throw new Error(`tokenCreate(${email}) gave no token`);

  return data.tokenCreate.token;
}

/** Poll until `probe` gives a value (not undefined); fail after `timeoutMs` with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 10_000, everyMs = 250 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    const value = await probe();

    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Step timings for the closing summary. */
export class Timings {
  constructor(private readonly artifacts: string) {}

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
    const lines = this.rows.map(
      (row) =>
        `  ${row.ok ? "ok  " : "FAIL"} ${row.step.padEnd(width)} ${(row.ms / 1000)
          .toFixed(1)
          .padStart(6)} s`,
    );

    return [
      `End-to-end summary: ${passed} of ${this.rows.length} steps passed in ${(
        (Date.now() - this.started) /
        1000
      ).toFixed(1)} s`,
      ...lines,
      ...this.notes.map((text) => `  ${text}`),
      `  screenshots: ${this.artifacts}`,
    ].join("\n");
  }
}

/**
 * `step(name, body)`: a test that is timed, leaves a screenshot of the page when it
 * fails, and is skipped once an earlier step failed (the later ones build on it).
 */
export function stepRunner(options: {
  timings: Timings;
  artifacts: string;
  currentPage: () => Page | undefined;
  fullPage?: boolean;
  timeout?: number;
}) {
  const { timings, artifacts, currentPage } = options;

  let failed = false;

  return function step(name: string, body: () => Promise<void>, timeout = options.timeout) {
    it(
      name,
      async (ctx) => {
        if (failed) ctx.skip();
        const started = Date.now();

        try {
          await body();
          timings.record(name, Date.now() - started, true);
        } catch (error) {
          failed = true;
          timings.record(name, Date.now() - started, false);
          const page = currentPage();

          if (page)
            await page
              .screenshot({
                path: join(artifacts, `FAILED-${name.replace(/\W+/g, "-")}.png`),
                fullPage: options.fullPage,
              })
              .catch(() => {});
          throw error;
        }
      },
      timeout,
    );
  };
}
