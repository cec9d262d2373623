/*
 * The Dashboard extension end to end (run by bin/e2e): a customer files a complaint
 * through the storefront API, staff work it in the extension in headless Chromium
 * (standalone login, inbox, ticket, complaint, reply from a response template, refund),
 * the customer's e-mail is read from the captured files, the widgets, settings and
 * statistics screens are rendered, the customer widget exports and erases the
 * customer's data, a push mailbox is added in the settings (its secret shown once),
 * and a reply by e-mail from an unverified sender is accepted on its ticket. Every step
 * leaves a screenshot in E2E_ARTIFACTS.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";

import { SETTINGS_SECTIONS } from "../src/settings/sections";
import {
  type Browser,
  dashboardUrl,
  DEMO_PASSWORD,
  env,
  graphql,
  helpdeskApi,
  launchChromium,
  type MutationError,
  noErrors,
  readMails,
  STAFF_EMAIL,
  stepRunner,
  Timings,
  tokenCreate,
  waitFor,
} from "./support";

const fixture = env.fixture;
const line = fixture.lines[0]!;
const SUBJECT = `Damaged on arrival: ${line.productName}`;
const TEMPLATE_NAME = "Complaint: refund under way";
// Plain sentences (no placeholders) to find in the conversation and in the e-mail.
const TEMPLATE_SENTENCE = "We are sorry that your parcel arrived damaged.";
const TEMPLATE_REFUND_SENTENCE =
  "We are refunding the damaged item to your original payment method.";

const state: {
  staffToken?: string;
  customerToken?: string;
  ticketId?: string;
  ticketNumber?: number;
  customerFirstName?: string;
  replyText?: string;
} = {};

const timings = new Timings(env.artifacts);
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const step = stepRunner({
  timings,
  artifacts: env.artifacts,
  currentPage: () => page,
  fullPage: true,
});

/**
 * A screenshot of the whole page, of what the window shows ("viewport": a modal dialog
 * is fixed to it), or of one element.
 */
async function shot(name: string, element?: Locator | "viewport") {
  await settled();

  return element === "viewport"
    ? page.screenshot({ path: join(env.artifacts, name) })
    : element
    ? element.screenshot({ path: join(env.artifacts, name) })
    : page.screenshot({ path: join(env.artifacts, name), fullPage: true });
}

/** Every loading placeholder (the screens' `aria-busy` skeletons) has given way. */
async function settled(timeoutMs = 15_000) {
  await waitFor(
    "the page to finish loading",
    async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : undefined),
    { timeoutMs, everyMs: 100 },
  );
}

/** No ErrorState ("Something went wrong: …") and no sign-in form on the page. */
async function expectNoErrorState() {
  await settled();
  await expect(page.getByText(/Something went wrong/).count()).resolves.toBe(0);
  await expect(page.getByRole("heading", { name: "Helpdesk demo login" }).count()).resolves.toBe(0);
}

/**
 * Open a screen: a hash route (`#/settings`), or an entry page with its query as the
 * Dashboard loads the widgets (`order-widget?orderId=…`).
 */
async function openRoute(route: string) {
  await page.goto(`${dashboardUrl()}${route}`);
  await page.locator("#root > *").first().waitFor();
  await settled();
}

/** A route in a freshly loaded page: no notification of an earlier step in the picture. */
async function openFresh(route: string) {
  await openRoute(route);
  await page.reload();
  await page.locator("#root > *").first().waitFor();
  await settled();
}

beforeAll(async () => {
  mkdirSync(env.artifacts, { recursive: true });
  browser = await launchChromium(env.chromium);
  browser.context.setDefaultTimeout(15_000);
  page = browser.page;
  page.on("pageerror", (error) => pageErrors.push(String(error)));
});

afterAll(async () => {
  await browser?.close();
  console.log(`\n${timings.summary()}\n`);
});

describe("helpdesk end to end", () => {
  step("setup: staff and customer sign in (tokenCreate), a response template exists", async () => {
    state.staffToken = await tokenCreate(STAFF_EMAIL, DEMO_PASSWORD);
    state.customerToken = await tokenCreate(fixture.customerEmail, DEMO_PASSWORD);
    /*
     * The demo has no response templates; a merchant writes them in the settings. Kept
     * when it is there already (a second run against the same database).
     */
    const existing = await graphql<{ responseTemplates: Array<{ id: string; name: string }> }>(
      helpdeskApi(),
      {
        query: `
        query {
          responseTemplates(languageCode: "en", kind: COMPLAINT) {
            id
            name
          }
        }
      `,
        variables: {},
        token: state.staffToken,
      },
    );

    if (existing.responseTemplates.some((template) => template.name === TEMPLATE_NAME)) return;
    const created = await graphql<{
      responseTemplateCreate: { errors: MutationError[]; template: { id: string } | null };
    }>(helpdeskApi(), {
      query: `
        mutation ($input: ResponseTemplateInput!) {
          responseTemplateCreate(input: $input) {
            errors {
              field
              code
              message
            }
            template {
              id
            }
          }
        }
      `,
      variables: {
        input: {
          name: TEMPLATE_NAME,
          languageCode: "en",
          kind: "COMPLAINT",
          isActive: true,
          body:
            "<p>Hello {{ customer.first_name }},</p>" +
            `<p>${TEMPLATE_SENTENCE} ${TEMPLATE_REFUND_SENTENCE}</p>` +
            "<p>Order {{ order.number }}, ticket {{ ticket.number }}.</p><p>Best regards, {{ agent.name }}</p>",
        },
      },
      token: state.staffToken,
    });

    noErrors("responseTemplateCreate", created.responseTemplateCreate.errors);
    expect(created.responseTemplateCreate.template?.id).toBeTruthy();
  });

  step("1. the customer files a complaint through the storefront API", async () => {
    const data = await graphql<{
      ticketCreate: {
        errors: MutationError[];
        ticket: {
          id: string;
          number: number;
          kind: string;
          subject: string;
          order: { id: string; number: string } | null;
          lines: Array<{ orderLineId: string; quantity: number; reason: string }>;
          complaint: { requestedResolution: string | null; decision: string } | null;
        } | null;
      };
    }>(helpdeskApi(), {
      query: `
        mutation ($input: TicketCreateInput!) {
          ticketCreate(input: $input) {
            errors {
              field
              code
              message
            }
            ticket {
              id
              number
              kind
              subject
              order {
                id
                number
              }
              lines {
                orderLineId
                quantity
                reason
              }
              complaint {
                requestedResolution
                decision
              }
            }
          }
        }
      `,
      variables: {
        input: {
          kind: "COMPLAINT",
          subject: SUBJECT,
          body: `The ${line.productName} arrived broken, the box was crushed.`,
          order: fixture.orderId,
          languageCode: "en",
          lines: [
            {
              orderLineId: line.id,
              quantity: 1,
              reason: "DAMAGED_IN_TRANSIT",
              note: "Cracked, box crushed",
            },
          ],
          complaint: {
            requestedResolution: "REFUND",
            description: "The parcel was visibly damaged on delivery.",
          },
        },
      },
      token: state.customerToken,
    });

    noErrors("ticketCreate", data.ticketCreate.errors);
    const ticket = data.ticketCreate.ticket!;

    expect(ticket.kind).toBe("COMPLAINT");
    expect(ticket.subject).toBe(SUBJECT);
    expect(ticket.order?.id).toBe(fixture.orderId);
    expect(ticket.lines).toStrictEqual([
      { orderLineId: line.id, quantity: 1, reason: "DAMAGED_IN_TRANSIT" },
    ]);
    expect(ticket.complaint).toStrictEqual({ requestedResolution: "REFUND", decision: "PENDING" });
    state.ticketId = ticket.id;
    state.ticketNumber = ticket.number;
  });

  step("2. staff sign in on the standalone login page; the complaint is in the inbox", async () => {
    await page.goto(dashboardUrl());
    await expect(
      page.getByRole("heading", { name: "Helpdesk demo login" }).isVisible(),
    ).resolves.toBe(true);
    await page.getByLabel("E-mail").fill(STAFF_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const row = page.getByTestId("ticket-row").filter({ hasText: `#${state.ticketNumber}` });

    await row.waitFor();
    await expect(row.getByRole("link", { name: SUBJECT }).isVisible()).resolves.toBe(true);
    expect(page.url()).toContain("#/inbox");
    // Newest activity first: the new complaint leads the list.
    await expect(page.getByTestId("ticket-row").first().textContent()).resolves.toContain(
      `#${state.ticketNumber}`,
    );
    await expectNoErrorState();
    await shot("inbox.png");
  });

  step(
    "2b. service levels: the demo's 'first answer within 4 business hours' shows a breach in the inbox",
    async () => {
      // The demo's oldest unanswered ticket is two weeks past its first-answer target.
      await openRoute("#/inbox?tab=all&sla=BREACHED&sort=slaDue&dir=ASC");
      const rows = page.getByTestId("ticket-row");

      await rows.first().waitFor();
      const due = rows.first().getByTestId("sla-due");

      await expect(due.getAttribute("data-sla-state")).resolves.toBe("BREACHED");
      await expect(due.textContent()).resolves.toMatch(/^overdue by \d+ d/);
      const states = await rows
        .getByTestId("sla-due")
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-sla-state")));

      expect(new Set(states)).toStrictEqual(new Set(["BREACHED"]));
      await expectNoErrorState();
      await shot("inbox-sla-breached.png");

      // The ticket page names the breached target.
      await rows.first().getByRole("link").nth(1).click();
      const target = page.getByTestId("sla-target").first();

      await target.waitFor();
      await expect(target.textContent()).resolves.toContain("First response");
      await expect(target.getByTestId("sla-due").getAttribute("data-sla-state")).resolves.toBe(
        "BREACHED",
      );
      await shot("ticket-sla.png");
      await openRoute("#/inbox");
    },
  );

  step("3a. staff open the ticket: the complaint shows its line and reason", async () => {
    await page
      .getByTestId("ticket-row")
      .filter({ hasText: `#${state.ticketNumber}` })
      .getByRole("link", { name: SUBJECT })
      .click();
    await page
      .getByRole("heading", { level: 1, name: `#${state.ticketNumber} ${SUBJECT}` })
      .waitFor();
    expect(decodeURIComponent(page.url())).toContain(`#/tickets/${state.ticketId}`);
    const complaint = page.getByRole("region", { name: "Complaint", exact: true });
    const complained = complaint.getByTestId("complaint-line");

    await complained.first().waitFor();
    await expect(complained.count()).resolves.toBe(1);
    const cells = await complained.locator("td").allTextContents();

    expect(cells[0]).toBe(line.productName);
    expect(cells[2]).toBe("1");
    expect(cells[3]).toBe("Damaged in transit");
    expect(cells[4]).toBe("Cracked, box crushed");
    await expect(complaint.getByText("Requested resolution").isVisible()).resolves.toBe(true);
    await expect(complaint.getByTestId("complaint-decision").textContent()).resolves.toBe(
      "Pending",
    );
    await expectNoErrorState();
    await shot("ticket.png");
    await shot("complaint.png", complaint);
  });

  step("3b. staff answer with a response template; the reply joins the conversation", async () => {
    const form = page.getByRole("form", { name: "Answer" });
    const templates = form.getByLabel("Response template");

    await waitFor("the response templates to load", async () =>
      (await templates.isEnabled()) ? true : undefined,
    );
    await templates.selectOption({ label: TEMPLATE_NAME });
    const message = form.getByLabel("Message");
    const text = await waitFor("the template's text in the message box", async () => {
      const value = await message.inputValue();

      return value.includes(TEMPLATE_SENTENCE) ? value : undefined;
    });

    // The placeholders were filled with this ticket's values.
    expect(text).not.toContain("{{");
    expect(text).toContain(`ticket ${state.ticketNumber}`);
    expect(text).toContain(`Order ${fixture.orderNumber}`);
    expect(text).toContain("Lena Fischer");
    state.customerFirstName = /Hello ([^,]+),/.exec(text)?.[1];
    expect(state.customerFirstName).toBeTruthy();
    state.replyText = text;
    await form.getByRole("button", { name: "Send reply" }).click();
    const reply = page.getByTestId("comment").filter({ hasText: TEMPLATE_REFUND_SENTENCE });

    await reply.waitFor();
    await expect(reply.getAttribute("data-visibility")).resolves.toBe("PUBLIC");
    await expect(reply.getAttribute("aria-label")).resolves.toBe("Reply: Lena Fischer");
    await expect(message.inputValue()).resolves.toBe("");
    await shot("reply.png");
  });

  step("4. the customer's e-mail carries the reply", async () => {
    const mail = await waitFor(
      `an e-mail to ${fixture.customerEmail} with the reply in ${env.mailDir}`,
      () =>
        readMails(env.mailDir).find(
          (m) =>
            (m.headers.to ?? "").includes(fixture.customerEmail) &&
            m.text.includes(TEMPLATE_REFUND_SENTENCE) &&
            m.text.includes(`ticket ${state.ticketNumber}`),
        ),
      { timeoutMs: 10_000 },
    );

    expect(mail.headers.subject).toContain(`#${state.ticketNumber}`);
    expect(mail.headers.subject).toContain(SUBJECT);
    expect(mail.text).toContain(TEMPLATE_SENTENCE);
    expect(mail.text).toContain(`Hello ${state.customerFirstName}`);
  });

  step(
    "5. staff refund one line: pending, then refunded by the payment app",
    async () => {
      const refunds = page.getByRole("region", { name: "Refunds", exact: true });

      await expect(refunds.getByText("No refunds from this ticket yet.").isVisible()).resolves.toBe(
        true,
      );
      await refunds.getByRole("button", { name: "Refund…" }).click();
      const dialog = page.getByRole("dialog", { name: "Refund from this ticket" });
      const quantity = dialog.getByLabel(`Quantity to refund of ${line.productName}`);

      await quantity.waitFor();
      // The complained line and quantity come preselected; refund exactly that one piece.
      await expect(quantity.inputValue()).resolves.toBe("1");
      for (const other of fixture.lines.slice(1))
        await dialog.getByLabel(`Quantity to refund of ${other.productName}`).fill("0");
      await quantity.fill("1");
      const amount = dialog.getByLabel(`Amount (${fixture.currency})`);

      await expect(amount.inputValue()).resolves.toBe(Number(line.unitPrice).toFixed(2));
      await shot("refund-dialog.png", "viewport");
      await dialog.getByRole("button", { name: "Review refund" }).click();
      await expect(dialog.getByText(/This cannot be undone/).isVisible()).resolves.toBe(true);
      await dialog.getByRole("button", { name: "Refund now" }).click();
      await dialog.waitFor({ state: "detached" });

      const refund = refunds.getByTestId("refund");

      await refund.waitFor();
      await expect(refund.count()).resolves.toBe(1);
      await expect(refund.textContent()).resolves.toContain(`1 × ${line.productName}`);
      // The demo payment app answers about 3 s after the request: until then it waits.
      const shown = (await refund.textContent()) ?? "";

      expect(shown).toMatch(/Requested|Pending/);
      expect(shown).not.toMatch(/Refunded|Failed/);
      const firstState = /Requested|Pending/.exec(shown)![0];
      const pendingAt = Date.now();

      await shot("refund-pending.png", refunds);

      // The ticket page does not poll; reload it until the payment app's answer shows.
      await waitFor(
        "the refund to show as Refunded",
        async () => {
          await page.reload();
          const item = page
            .getByRole("region", { name: "Refunds", exact: true })
            .getByTestId("refund");

          await item.waitFor();
          const text = (await item.textContent()) ?? "";

          if (text.includes("Failed")) throw new Error(`the refund failed: ${text}`);

          return text.includes("Refunded") ? text : undefined;
        },
        { timeoutMs: 15_000, everyMs: 1_000 },
      );
      timings.note(
        `refund: shown "${firstState}", then "Refunded" ${((Date.now() - pendingAt) / 1000).toFixed(
          1,
        )} s later (after reloads)`,
      );
      await shot("refund-state.png", page.getByRole("region", { name: "Refunds", exact: true }));
      await shot("refund-ticket.png");

      const data = await graphql<{
        ticket: {
          refunds: Array<{
            state: string;
            amount: string;
            currency: string;
            lines: Array<{ orderLineId: string; quantity: number }>;
          }>;
        };
      }>(helpdeskApi(), {
        query: `
          query ($id: ID!) {
            ticket(id: $id) {
              refunds {
                state
                amount
                currency
                lines {
                  orderLineId
                  quantity
                }
              }
            }
          }
        `,
        variables: { id: state.ticketId },
        token: state.staffToken,
      });

      expect(data.ticket.refunds).toHaveLength(1);
      const [made] = data.ticket.refunds;

      expect(made!.state).toBe("SUCCEEDED");
      expect(Number(made!.amount)).toBeCloseTo(Number(line.unitPrice), 2);
      expect(made!.currency).toBe(fixture.currency);
      expect(made!.lines).toStrictEqual([{ orderLineId: line.id, quantity: 1 }]);
    },
    60_000,
  );

  step("6a. the order widget lists the complaint", async () => {
    await openRoute(`order-widget?orderId=${encodeURIComponent(fixture.orderId)}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const item = page
      .getByTestId("widget-ticket")
      .filter({ hasText: `#${state.ticketNumber} ${SUBJECT}` });

    await item.waitFor();
    // A fresh order: this complaint is its only ticket.
    await expect(page.getByTestId("widget-ticket").count()).resolves.toBe(1);
    await expectNoErrorState();
    await shot("order-widget.png");
  });

  step("6b. the customer widget lists the complaint", async () => {
    await openRoute(`customer-widget?customerId=${encodeURIComponent(fixture.customerId)}`);
    await page
      .getByTestId("widget-ticket")
      .filter({ hasText: `#${state.ticketNumber} ${SUBJECT}` })
      .waitFor();
    await expectNoErrorState();
    await shot("customer-widget.png");
  });

  step(
    "6c. every settings section renders; the team screen picks new members by search",
    async () => {
      for (const section of SETTINGS_SECTIONS) {
        await openRoute(`#/settings/${section}`);
        await expect(page.getByText("This page does not exist.").count()).resolves.toBe(0);
        await expectNoErrorState();
        await shot(section === "statuses" ? "settings.png" : `settings-${section}.png`);
      }
      await openRoute("#/settings/team");
      await page.getByRole("button", { name: "Add team member" }).click();
      const search = page.getByRole("combobox", { name: "Staff member" });

      await search.fill("shop.example");
      /*
       * Matches, or (every demo staff member is in the team already) the answer for this
       * search; not the "everyone is in the team" of the empty box before it.
       */
      await waitFor("the staff search to answer", async () =>
        !(await page.getByText("Searching staff…").count()) &&
        ((await page.getByRole("option").count()) ||
          (await page.getByText("No staff user matches “shop.example”.").count()))
          ? true
          : undefined,
      );
      await shot("settings-team-add.png");
    },
  );

  step("6d. the statistics screen renders", async () => {
    await openRoute("#/statistics");
    await expect(page.getByText("This page does not exist.").count()).resolves.toBe(0);
    await expectNoErrorState();
    await shot("statistics.png");
  });

  step(
    "6e. the customer widget exports the customer's data and erases it, each confirmed",
    async () => {
      await openRoute(`customer-widget?customerId=${encodeURIComponent(fixture.customerId)}`);
      const privacy = page.getByRole("region", { name: "Personal data" });

      await privacy.getByRole("button", { name: "Export data" }).click();
      const exportDialog = page.getByRole("dialog", { name: "Export personal data" });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        exportDialog.getByRole("button", { name: "Download" }).click(),
      ]);

      expect(download.suggestedFilename()).toMatch(/^helpdesk-export-\d{8}-\d{6}\.zip$/);
      const zipPath = join(env.artifacts, "privacy-export.zip");

      await download.saveAs(zipPath);
      expect(readFileSync(zipPath).subarray(0, 2).toString("latin1")).toBe("PK");
      await privacy.getByText(/^Export downloaded: helpdesk-export-/).waitFor();

      await privacy.getByRole("button", { name: "Erase personal data" }).click();
      const eraseDialog = page.getByRole("dialog", { name: "Erase personal data" });
      const erase = eraseDialog.getByRole("button", { name: "Erase for good" });

      expect(await erase.isDisabled()).toBe(true);
      await eraseDialog.getByRole("checkbox").click();
      await shot("customer-widget-erase-dialog.png", "viewport");
      await erase.click();
      // The demo customer has at least this run's complaint.
      const result = privacy.getByTestId("erasure-result");

      await result.waitFor();
      expect(await result.textContent()).toMatch(
        /^Erased: [1-9]\d* tickets anonymised, \d+ files deleted, \d+ e-mails and \d+ webhook deliveries removed\.$/,
      );
      await shot("customer-widget-privacy.png");

      const data = await graphql<{
        ticket: { number: number; personalDataErasedAt: string | null };
      }>(helpdeskApi(), {
        query: `
          query ($id: ID!) {
            ticket(id: $id) {
              number
              personalDataErasedAt
            }
          }
        `,
        variables: { id: state.ticketId },
        token: state.staffToken,
      });

      expect(data.ticket.personalDataErasedAt).not.toBeNull();
    },
  );

  step("6f. the privacy settings preview the retention policy and save it", async () => {
    await openRoute("#/settings/privacy");
    const form = page.getByRole("form", { name: "Retention: Shop defaults" });

    await form.getByLabel("Keep closed tickets for (months)").fill("1");
    await form.getByRole("button", { name: "Preview" }).click();
    const preview = form.getByTestId("retention-preview");

    await preview.waitFor();
    /*
     * The sample tickets were closed minutes ago: a month's retention touches none yet,
     * so saving asks nothing (the confirmation is covered by settings/Privacy.test.tsx).
     */
    expect(await preview.textContent()).toContain(
      "0 tickets anonymised, 0 tickets deleted, 0 files removed.",
    );
    await shot("settings-privacy-preview.png");
    await form.getByRole("button", { name: "Save" }).click();
    const retention = `{ helpdeskChannelSettings { ticketRetentionMonths ticketRetentionAction attachmentRetentionMonths } }`;

    type Retention = {
      helpdeskChannelSettings: {
        ticketRetentionMonths: number | null;
        ticketRetentionAction: string;
        attachmentRetentionMonths: number | null;
      };
    };
    const saved = await waitFor("the retention settings to be saved", async () => {
      const data = await graphql<Retention>(helpdeskApi(), {
        query: retention,
        variables: {},
        token: state.staffToken,
      });

      return data.helpdeskChannelSettings.ticketRetentionMonths === 1 ? data : undefined;
    });

    expect(saved.helpdeskChannelSettings).toStrictEqual({
      ticketRetentionMonths: 1,
      ticketRetentionAction: "ANONYMIZE",
      attachmentRetentionMonths: null,
    });
  });

  step(
    "7a. E-mail in: a push mailbox is added in the settings; its secret shows once",
    async () => {
      const email = fixture.unverifiedEmail;

      await openRoute("#/settings/mailboxes");
      // The demo's mailbox, and the reply from an unverified sender waiting for review.
      await page
        .getByTestId("mailbox-row")
        .filter({ hasText: "kundenservice@example.com" })
        .waitFor();
      const waiting = page.getByTestId("inbound-email").filter({ hasText: email.fromAddress });

      await waiting.waitFor();
      await expect(waiting.getAttribute("data-status")).resolves.toBe("UNVERIFIED");
      await expect(
        waiting
          .getByRole("link", { name: `#${email.ticketNumber} ${email.ticketSubject}` })
          .count(),
      ).resolves.toBe(1);
      await expectNoErrorState();
      await shot("email-in-settings.png");

      const address = `e2e-push-${Date.now()}@example.com`;

      await page.getByRole("button", { name: "Add mailbox" }).click();
      const form = page.getByRole("form", { name: "Add mailbox" });

      await form.getByLabel("Name", { exact: true }).fill("E2E push");
      await form.getByLabel("Address", { exact: true }).fill(address);
      await form.getByLabel("How messages arrive").selectOption("PUSH");
      await expect(form.getByLabel("Password or app password").count()).resolves.toBe(0);
      await form.getByLabel("Channel").selectOption({ index: 1 });
      await form.getByRole("button", { name: "Save" }).click();
      const once = page.getByTestId("push-secret-once");

      await once.waitFor();
      const secret = (await once.getByTestId("push-secret").textContent()) ?? "";
      const pushUrl = (await once.getByTestId("push-url").textContent()) ?? "";

      expect(secret).toMatch(/^[\w-]{40,}$/);
      expect(pushUrl).toMatch(
        new RegExp(`^${env.baseUrl}/plugins/global/saleor\\.helpdesk/inbound/raw/[0-9a-f-]{36}/$`),
      );
      // The copy button puts the secret on the clipboard.
      await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: env.baseUrl,
      });
      await once.getByRole("button", { name: "Copy Push secret" }).click();
      await once.getByText("Copied").waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(secret);
      await shot("settings-mailbox-secret.png");

      const saved = await graphql<{
        helpdeskMailboxes: Array<{
          address: string;
          kind: string;
          isActive: boolean;
          hasPushSecret: boolean;
        }>;
      }>(helpdeskApi(), {
        query: `{ helpdeskMailboxes { address kind isActive hasPushSecret } }`,
        variables: {},
        token: state.staffToken,
      });

      expect(saved.helpdeskMailboxes.find((m) => m.address === address)).toStrictEqual({
        address,
        kind: "PUSH",
        isActive: false,
        hasPushSecret: true,
      });

      // Shown once: the mailbox's own page says a secret is set, and never shows it.
      await once.getByRole("link", { name: "Open E2E push" }).click();
      await page
        .getByTestId("push-secret-state")
        .filter({ hasText: "A secret is set. It was shown once, when it was made." })
        .waitFor();
      await expect(page.content()).resolves.not.toContain(secret);
      await page.getByRole("button", { name: "Enable" }).click();
      await page.getByTestId("mailbox-active").filter({ hasText: "Active" }).waitFor();
      await expectNoErrorState();
      await shot("settings-mailbox.png");
    },
  );

  step("7b. a reply by e-mail from an unverified sender is accepted on its ticket", async () => {
    const email = fixture.unverifiedEmail;

    await openFresh(`#/tickets/${encodeURIComponent(email.ticketId)}`);
    const banner = page.getByRole("region", {
      name: `Unverified sender: ${email.fromAddress} is not on this ticket`,
    });

    await banner.waitFor();
    const fromSender = page
      .getByTestId("comment")
      .filter({ has: page.getByText(`E-mail from ${email.fromAddress}`) });

    await expect(fromSender.count()).resolves.toBe(1);
    await expect(fromSender.getAttribute("data-visibility")).resolves.toBe("INTERNAL");
    // The customer's own messages came by e-mail too, each marked so.
    expect(await page.getByTestId("email-badge").count()).toBeGreaterThanOrEqual(3);
    await expectNoErrorState();
    await shot("ticket-email.png");

    // The original, as it arrived (fetched with the staff token).
    await fromSender
      .getByRole("button", { name: /^View the original of the e-mail from / })
      .click();
    const original = page.getByRole("dialog", { name: "Original message" });
    const source = original.getByTestId("original-message");

    await source.waitFor();
    const raw = (await source.textContent()) ?? "";

    expect(raw).toContain(`<${email.fromAddress}>`);
    expect(raw).toMatch(/^Message-ID:/im);
    expect(raw).toContain(`Re: [#${email.ticketNumber}]`);
    await shot("ticket-email-original.png", "viewport");
    await original.getByRole("button", { name: "Close" }).click();
    await original.waitFor({ state: "detached" });

    await banner.getByRole("button", { name: "Accept" }).click();
    await banner.waitFor({ state: "detached" });
    await waitFor("the accepted reply to join the customer's conversation", async () =>
      (await fromSender.getAttribute("data-visibility")) === "PUBLIC" ? true : undefined,
    );
    await expect(fromSender.getByTestId("email-badge").textContent()).resolves.toContain(
      "Accepted",
    );

    const data = await graphql<{
      ticket: {
        ccEmails: string[];
        inboundEmails: Array<{ fromAddress: string; status: string }>;
      };
    }>(helpdeskApi(), {
      query: `
        query ($id: ID!) {
          ticket(id: $id) {
            ccEmails
            inboundEmails {
              fromAddress
              status
            }
          }
        }
      `,
      variables: { id: email.ticketId },
      token: state.staffToken,
    });

    expect(
      data.ticket.inboundEmails.filter((m) => m.fromAddress === email.fromAddress),
    ).toStrictEqual([{ fromAddress: email.fromAddress, status: "ACCEPTED" }]);
    expect(data.ticket.ccEmails).toContain(email.fromAddress);
    await shot("ticket-email-accepted.png");
  });

  step("8. a rule routes a defective-item complaint over 200 EUR to the senior agent", async () => {
    // given the demo's rule (sample_data/automation.py); when the customer complains
    const big = fixture.bigOrder;
    const token = await tokenCreate(big.customerEmail, DEMO_PASSWORD);
    const created = await graphql<{
      ticketCreate: { errors: MutationError[]; ticket: { id: string; number: number } | null };
    }>(helpdeskApi(), {
      query: `
        mutation ($input: TicketCreateInput!) {
          ticketCreate(input: $input) {
            errors {
              field
              code
              message
            }
            ticket {
              id
              number
            }
          }
        }
      `,
      variables: {
        input: {
          kind: "COMPLAINT",
          subject: "The espresso machine does not heat",
          body: "It stays cold.",
          order: big.orderId,
          languageCode: "en",
          lines: [{ orderLineId: big.lineId, quantity: 1, reason: "DEFECTIVE" }],
          complaint: { requestedResolution: "REPLACEMENT" },
        },
      },
      token,
    });

    noErrors("ticketCreate", created.ticketCreate.errors);
    const ticket = created.ticketCreate.ticket!;
    // then (the rule runs after commit) it is the senior agent's, with high priority
    const routed = await waitFor("the rule to route the complaint", async () => {
      const data = await graphql<{
        ticket: { priority: { slug: string }; assignee: { email: string } | null };
      }>(helpdeskApi(), {
        query: `
          query ($id: ID!) {
            ticket(id: $id) {
              priority {
                slug
              }
              assignee {
                email
              }
            }
          }
        `,
        variables: { id: ticket.id },
        token: state.staffToken,
      });

      return data.ticket.assignee ? data.ticket : undefined;
    });

    expect(routed).toStrictEqual({
      priority: { slug: "high" },
      assignee: { email: fixture.seniorEmail },
    });
    // and the timeline names the rule
    await openFresh(`#/tickets/${encodeURIComponent(ticket.id)}`);
    await page
      .getByTestId("event")
      .filter({ hasText: "Rule “Defective items over 200 EUR → senior agent” applied" })
      .waitFor();
    await shot("rule-applied.png");
  });

  step("no uncaught errors in the page", async () => {
    expect(pageErrors).toStrictEqual([]);
  });
});
