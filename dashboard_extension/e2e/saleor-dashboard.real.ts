/*
 * The helpdesk inside a real Saleor Dashboard (`npm run e2e:saleor-dashboard`): not part
 * of ./bin/test, which has no Saleor; run it by hand against a Saleor with the plugin
 * installed and the Dashboard app written (`manage.py helpdesk_dashboard_app_install`),
 * and a Saleor Dashboard pointing at it. See README "Run it in a real Saleor Dashboard".
 *
 * A staff member signs in to the Dashboard, finds the helpdesk in the navigation, works
 * a complaint (inbox → ticket → reply → refund) inside the app page's iframe, sees the
 * ticket in the order page's and the customer page's widgets, opens it from the order
 * page and sees the extension follow the Dashboard's language. Saleor needs a payment
 * app to refund: the test plays one (a Saleor App with a TRANSACTION_REFUND_REQUESTED
 * sync webhook answered by a local HTTP server) and pays a fresh order (a completed
 * draft of a registered customer) through it; it deletes that app at the end.
 */
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";

import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";

import {
  type Browser,
  graphql,
  launchChromium,
  type MutationError,
  noErrors,
  saleorTokenCreate,
  stepRunner,
  Timings,
  waitFor,
} from "./common";

function required(name: string): string {
  const value = process.env[name];

  if (!value)
    throw new Error(`${name} is not set (see README, "Run it in a real Saleor Dashboard")`);

  return value;
}

const env = {
  dashboardUrl: required("SALEOR_DASHBOARD_URL").replace(/\/?$/, "/"),
  apiUrl: required("SALEOR_API_URL"),
  email: required("SALEOR_STAFF_EMAIL"),
  password: required("SALEOR_STAFF_PASSWORD"),
  /*
   * Where Saleor reaches this test's payment app (Saleor must allow loopback addresses
   * for webhooks: HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS=True, or give an address it reaches).
   */
  callbackHost: process.env.E2E_CALLBACK_HOST || "127.0.0.1",
  artifacts: resolve(process.env.E2E_ARTIFACTS || "../var/e2e/saleor-dashboard"),
  chromium: process.env.CHROMIUM || "/usr/bin/chromium",
};
const helpdeskApi = new URL("/plugins/global/saleor.helpdesk/graphql/", env.apiUrl).toString();
const STAMP = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const SUBJECT = `Damaged on arrival (check ${STAMP})`;
const REPLY = `We are sorry that your parcel arrived damaged; we refund the piece now (${STAMP}).`;

type OrderLine = {
  id: string;
  productName: string;
  quantity: number;
  unitPrice: { gross: { amount: number; currency: string } };
};
type Order = {
  id: string;
  number: string;
  userEmail: string | null;
  total: { gross: { amount: number; currency: string } };
  lines: OrderLine[];
};

const state: {
  token?: string;
  helpdeskAppId?: string;
  paymentApp?: { id: string; token: string };
  order?: Order;
  line?: OrderLine;
  ticketId?: string;
  ticketNumber?: number;
  customerId?: string;
} = {};
const refundRequests: Array<{ amount: number; pspReference: string }> = [];

const timings = new Timings(env.artifacts);
let browser: Browser;
let page: Page;
let paymentApp: Server;
const pageErrors: string[] = [];

const step = stepRunner({
  timings,
  artifacts: env.artifacts,
  currentPage: () => page,
  timeout: 120_000,
});

const saleor = <T>(query: string, variables: Record<string, unknown> = {}, token = state.token) =>
  graphql<T>(env.apiUrl, { query, variables, token });
const helpdesk = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(helpdeskApi, { query, variables, token: state.token });

const ORDER_FIELDS =
  "id number userEmail total { gross { amount currency } } lines { id productName quantity unitPrice { gross { amount currency } } }";

/**
 * A draft order with two products of the shop's first channel, shipped to an address
 * the channel's shipping zones serve, completed by staff.
 */
async function placeOrder(): Promise<Order> {
  const channels = await saleor<{
    channels: Array<{
      id: string;
      slug: string;
      isActive: boolean;
      countries: Array<{ code: string }>;
    }>;
  }>(`query { channels { id slug isActive countries { code } } }`);
  const channel =
    channels.channels.find(
      (c) => c.isActive && c.countries.some((country) => country.code === "US"),
    ) ?? channels.channels.find((c) => c.isActive);

  if (!channel) throw new Error("The shop has no active channel.");
  const products = await saleor<{
    products: {
      edges: Array<{
        node: { variants: Array<{ id: string; quantityAvailable: number | null }> | null };
      }>;
    };
  }>(
    `query($channel: String!) { products(first: 30, channel: $channel, filter: { isPublished: true, stockAvailability: IN_STOCK }) {
      edges { node { variants { id quantityAvailable(countryCode: US) } } } } }`,
    { channel: channel.slug },
  );
  const variants = products.products.edges
    .flatMap((edge) => edge.node.variants ?? [])
    .filter((variant) => (variant.quantityAvailable ?? 0) >= 2)
    .slice(0, 2);

  if (variants.length < 2)
    throw new Error(
      `Channel ${channel.slug} has fewer than two products in stock (Saleor's populatedb makes plenty).`,
    );
  // A registered customer's order, so the customer page shows the ticket as well.
  const customers = await saleor<{
    customers: { edges: Array<{ node: { id: string; email: string } }> };
  }>(`query { customers(first: 1) { edges { node { id email } } } }`);
  const customer = customers.customers.edges[0]?.node;

  if (!customer) throw new Error("The shop has no customers (Saleor's populatedb makes some).");
  state.customerId = customer.id;
  const address = {
    firstName: "Lindsay",
    lastName: "Jones",
    streetAddress1: "1600 Amphitheatre Pkwy",
    city: "Mountain View",
    postalCode: "94043",
    country: "US",
    countryArea: "CA",
  };
  const created = await saleor<{
    draftOrderCreate: {
      errors: MutationError[];
      order: { id: string; shippingMethods: Array<{ id: string; active: boolean }> } | null;
    };
  }>(
    `mutation($input: DraftOrderCreateInput!) { draftOrderCreate(input: $input) { errors { field code message } order { id shippingMethods { id active } } } }`,
    {
      input: {
        channelId: channel.id,
        user: customer.id,
        lines: variants.map((variant) => ({ variantId: variant.id, quantity: 2 })),
        billingAddress: address,
        shippingAddress: address,
      },
    },
  );

  noErrors("draftOrderCreate", created.draftOrderCreate.errors);
  const draft = created.draftOrderCreate.order!;
  const shipping = draft.shippingMethods.find((method) => method.active);

  if (!shipping)
    throw new Error(
      `No shipping method of channel ${channel.slug} ships to the test's US address.`,
    );
  const updated = await saleor<{ draftOrderUpdate: { errors: MutationError[] } }>(
    `mutation($id: ID!, $input: DraftOrderInput!) { draftOrderUpdate(id: $id, input: $input) { errors { field code message } } }`,
    { id: draft.id, input: { shippingMethod: shipping.id } },
  );

  noErrors("draftOrderUpdate", updated.draftOrderUpdate.errors);
  const completed = await saleor<{
    draftOrderComplete: { errors: MutationError[]; order: Order | null };
  }>(
    `mutation($id: ID!) { draftOrderComplete(id: $id) { errors { field code message } order { ${ORDER_FIELDS} } } }`,
    { id: draft.id },
  );

  noErrors("draftOrderComplete", completed.draftOrderComplete.errors);

  return completed.draftOrderComplete.order!;
}

/** The helpdesk on the Dashboard's app page (the page's one app frame). */
const appPage = () => page.frameLocator('iframe[data-test-id="app-frame"]');

/** Every loading placeholder inside the frame has given way. */
async function settled(frame: FrameLocator, timeoutMs = 30_000) {
  await waitFor(
    "the helpdesk page to finish loading",
    async () => ((await frame.locator('[aria-busy="true"]').count()) === 0 ? true : undefined),
    { timeoutMs, everyMs: 200 },
  );
}

async function shot(name: string, element?: Locator) {
  await (element ?? page).screenshot({ path: join(env.artifacts, name) });
}

/** Saleor Dashboard's own announcements (a video card in 3.23) cover part of the page. */
async function dismissDashboardPopups() {
  const dismiss = page.locator('[data-test-id="ripple-video-announcement-dismiss"]');

  if (await dismiss.count())
    await dismiss
      .first()
      .click()
      .catch(() => {});
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];

    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    request.on("error", fail);
  });
}

/**
 * The payment app's webhook: every refund request succeeds at once (a card refund
 * that the provider confirms in its answer).
 */
function startPaymentApp(): Promise<number> {
  paymentApp = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || "{}");
    const amount = Number(body?.action?.amount ?? 0);
    const pspReference = `refund-${STAMP}-${refundRequests.length + 1}`;

    refundRequests.push({ amount, pspReference });
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ pspReference, result: "REFUND_SUCCESS", amount }));
  });

  return new Promise((done) =>
    paymentApp.listen(0, "0.0.0.0", () => done((paymentApp.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  mkdirSync(env.artifacts, { recursive: true });
  browser = await launchChromium(env.chromium);
  // A Dashboard served by its development server compiles on first use: be patient.
  browser.context.setDefaultTimeout(60_000);
  browser.context.setDefaultNavigationTimeout(180_000);
  page = browser.page;
  // What the helpdesk's own pages report as errors (the Dashboard's are not ours).
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      message.location().url.includes("/saleor.helpdesk/dashboard/")
    )
      pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  if (state.paymentApp && state.token) {
    await saleor(`mutation($id: ID!) { appDelete(id: $id) { errors { field code message } } }`, {
      id: state.paymentApp.id,
    }).catch((error) =>
      console.warn(`could not delete the test's payment app ${state.paymentApp?.id}: ${error}`),
    );
  }
  paymentApp?.close();
  console.log(`\n${timings.summary()}\n`);
});

describe("the helpdesk in a real Saleor Dashboard", () => {
  step(
    "setup: the Dashboard app is installed; an unpaid order is paid through the test's payment app",
    async () => {
      state.token = await saleorTokenCreate(env.apiUrl, env.email, env.password);
      const extensions = await saleor<{
        appExtensions: {
          edges: Array<{
            node: { label: string; url: string; app: { id: string; identifier: string } };
          }>;
        };
      }>(
        // No filter: the mount filter's type differs between Saleor releases (enum, string).
        `query { appExtensions(first: 100) { edges { node { label url app { id identifier } } } } }`,
      );
      const inbox = extensions.appExtensions.edges
        .map((e) => e.node)
        .find((node) => node.app.identifier === "saleor.helpdesk" && !node.url.startsWith("http"));

      if (!inbox)
        throw new Error(
          "The helpdesk's Dashboard app is not installed: run `manage.py helpdesk_dashboard_app_install --base-url <Saleor's URL>`",
        );
      expect(inbox.url).toBe("/inbox");
      state.helpdeskAppId = inbox.app.id;

      /*
       * A fresh order for a customer (a draft completed by staff, as a phone order), so
       * the only money on it is this test's and every run has its own.
       */
      state.order = await placeOrder();
      state.line = state.order.lines[0]!;

      const port = await startPaymentApp();
      const created = await saleor<{
        appCreate: {
          errors: MutationError[];
          authToken: string | null;
          app: { id: string } | null;
        };
      }>(
        `mutation($input: AppInput!) { appCreate(input: $input) { errors { field code message } authToken app { id } } }`,
        {
          input: {
            name: `Helpdesk check payments ${STAMP}`,
            identifier: `helpdesk-check.payments.${STAMP}`,
            permissions: ["HANDLE_PAYMENTS"],
          },
        },
      );

      noErrors("appCreate", created.appCreate.errors);
      state.paymentApp = { id: created.appCreate.app!.id, token: created.appCreate.authToken! };
      const webhook = await saleor<{ webhookCreate: { errors: MutationError[] } }>(
        `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) { errors { field code message } } }`,
        {
          input: {
            app: state.paymentApp.id,
            name: "refunds",
            targetUrl: `http://${env.callbackHost}:${port}/`,
            isActive: true,
            syncEvents: ["TRANSACTION_REFUND_REQUESTED"],
            query: `subscription { event { ... on TransactionRefundRequested { action { amount actionType } transaction { pspReference } } } }`,
          },
        },
      );

      noErrors("webhookCreate", webhook.webhookCreate.errors);
      const paid = await saleor<{ transactionCreate: { errors: MutationError[] } }>(
        `mutation($id: ID!, $transaction: TransactionCreateInput!) { transactionCreate(id: $id, transaction: $transaction) { errors { field code message } } }`,
        {
          id: state.order.id,
          transaction: {
            name: "Card",
            pspReference: `charge-${STAMP}`,
            availableActions: ["REFUND"],
            amountCharged: {
              amount: state.order.total.gross.amount,
              currency: state.order.total.gross.currency,
            },
          },
        },
        state.paymentApp.token,
      );

      noErrors("transactionCreate", paid.transactionCreate.errors);
    },
  );

  step("1. a complaint about the order's first line comes in", async () => {
    const data = await helpdesk<{
      ticketCreate: { errors: MutationError[]; ticket: { id: string; number: number } | null };
    }>(
      `mutation($input: TicketCreateInput!) { ticketCreate(input: $input) { errors { field code message } ticket { id number } } }`,
      {
        input: {
          kind: "COMPLAINT",
          subject: SUBJECT,
          body: `The ${state.line!.productName} arrived broken, the box was crushed.`,
          order: state.order!.id,
          customerEmail: state.order!.userEmail,
          languageCode: "en",
          lines: [
            {
              orderLineId: state.line!.id,
              quantity: 1,
              reason: "DAMAGED_IN_TRANSIT",
              note: "Cracked",
            },
          ],
          complaint: {
            requestedResolution: "REFUND",
            description: "The parcel was visibly damaged on delivery.",
          },
        },
      },
    );

    noErrors("ticketCreate", data.ticketCreate.errors);
    state.ticketId = data.ticketCreate.ticket!.id;
    state.ticketNumber = data.ticketCreate.ticket!.number;
  });

  step("2. staff sign in to the Dashboard and find the helpdesk in the navigation", async () => {
    await page.goto(env.dashboardUrl);
    await page.locator('input[name="email"]').fill(env.email);
    await page.locator('input[name="password"]').fill(env.password);
    await page.keyboard.press("Enter");
    await page
      .getByRole("link", { name: /^Home$/ })
      .or(page.getByText("Home", { exact: true }))
      .first()
      .waitFor();
    await dismissDashboardPopups();
    const entry = page.getByRole("link", { name: "Helpdesk", exact: true });

    if (!(await entry.isVisible())) {
      // The orders section (called "Fulfillment" in Dashboard 3.23) lists the app's entry.
      await page
        .getByText(/^(Fulfillment|Orders)$/)
        .first()
        .click();
    }
    await entry.waitFor();
    await shot("navigation.png", page.locator("nav, aside").first());
    await entry.click();
    await page.waitForURL(/\/extensions\/app\/[^/]+\/inbox/);
    expect(decodeURIComponent(page.url())).toContain(
      `/extensions/app/${state.helpdeskAppId}/inbox`,
    );
  });

  step(
    "3. the app page shows the inbox with the complaint (AppBridge handed over the token)",
    async () => {
      const frame = appPage();
      const row = frame.getByTestId("ticket-row").filter({ hasText: `#${state.ticketNumber}` });

      await row.waitFor({ timeout: 60_000 });
      await expect(row.getByRole("link", { name: SUBJECT }).isVisible()).resolves.toBe(true);
      await settled(frame);
      await shot("inbox.png");
    },
  );

  step(
    "4. the ticket: the complaint's line, a reply from the reply box, the Dashboard's URL on the ticket",
    async () => {
      const frame = appPage();

      await frame
        .getByTestId("ticket-row")
        .filter({ hasText: `#${state.ticketNumber}` })
        .getByRole("link", { name: SUBJECT })
        .click();
      await frame
        .getByRole("heading", { level: 1, name: `#${state.ticketNumber} ${SUBJECT}` })
        .waitFor();
      const complaint = frame.getByRole("region", { name: "Complaint", exact: true });

      await complaint.getByTestId("complaint-line").first().waitFor();
      const cells = await complaint
        .getByTestId("complaint-line")
        .first()
        .locator("td")
        .allTextContents();

      expect(cells[0]).toBe(state.line!.productName);
      expect(cells[3]).toBe("Damaged in transit");
      await settled(frame);
      await shot("ticket.png");

      const form = frame.getByRole("form", { name: "Answer" });

      await form.getByLabel("Message").fill(REPLY);
      await form.getByRole("button", { name: "Send reply" }).click();
      const reply = frame.getByTestId("comment").filter({ hasText: REPLY });

      await reply.waitFor();
      await expect(reply.getAttribute("data-visibility")).resolves.toBe("PUBLIC");

      // The Dashboard's URL follows the ticket: a reload (or a shared link) opens it again.
      await page.waitForURL(/\/extensions\/app\/[^/]+\/tickets\/[^/?]+/);
      await page.reload();
      await appPage()
        .getByRole("heading", { level: 1, name: `#${state.ticketNumber} ${SUBJECT}` })
        .waitFor({ timeout: 60_000 });
      await expect(
        appPage().getByTestId("comment").filter({ hasText: REPLY }).count(),
      ).resolves.toBe(1);
    },
  );

  step("5. staff refund the complained piece; Saleor's payment app confirms it", async () => {
    const frame = appPage();
    const line = state.line!;
    const refunds = frame.getByRole("region", { name: "Refunds", exact: true });

    await refunds.getByRole("button", { name: "Refund…" }).click();
    const dialog = frame.getByRole("dialog", { name: "Refund from this ticket" });
    const quantity = dialog.getByLabel(`Quantity to refund of ${line.productName}`);

    await quantity.waitFor();
    await expect(quantity.inputValue()).resolves.toBe("1");
    for (const other of state.order!.lines.slice(1))
      await dialog.getByLabel(`Quantity to refund of ${other.productName}`).fill("0");
    const amount = dialog.getByLabel(`Amount (${line.unitPrice.gross.currency})`);

    await expect(amount.inputValue()).resolves.toBe(line.unitPrice.gross.amount.toFixed(2));
    // A shop with Saleor's refund reasons set up requires one: take the first.
    const reason = dialog.getByLabel("Refund reason");
    const reasons = await reason
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));

    if (reasons.length) await reason.selectOption(reasons[0]!);
    await shot("refund-dialog.png");
    await dialog.getByRole("button", { name: "Review refund" }).click();
    await dialog.getByRole("button", { name: "Refund now" }).click();
    await dialog.waitFor({ state: "detached" });

    await waitFor(
      "the refund to show as Refunded",
      async () => {
        const text = (await refunds.getByTestId("refund").first().textContent()) ?? "";

        if (text.includes("Failed")) throw new Error(`the refund failed: ${text}`);
        if (text.includes("Refunded")) return true;
        // The ticket page does not poll: reload the app page until Saleor's answer shows.
        await page.reload();
        await frame
          .getByRole("region", { name: "Refunds", exact: true })
          .getByTestId("refund")
          .first()
          .waitFor();

        return undefined;
      },
      { timeoutMs: 60_000, everyMs: 2_000 },
    ).catch((error) => {
      if (!refundRequests.length) {
        throw new Error(
          `${error}; Saleor never called the test's payment app at ${env.callbackHost}: does it allow webhooks to that address (HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS=True)?`,
        );
      }
      throw error;
    });
    await settled(frame);
    await shot("refund-ticket.png");

    expect(refundRequests).toHaveLength(1);
    expect(refundRequests[0]!.amount).toBeCloseTo(line.unitPrice.gross.amount, 2);
    const order = await saleor<{
      order: {
        grantedRefunds: Array<{
          status: string;
          amount: { amount: number };
          reason: string | null;
        }>;
        events: Array<{ type: string; message: string | null }>;
      };
    }>(
      `query($id: ID!) { order(id: $id) { grantedRefunds { status amount { amount } reason } events { type message } } }`,
      { id: state.order!.id },
    );
    const [granted] = order.order.grantedRefunds;

    expect(granted?.status).toBe("SUCCESS");
    expect(granted?.amount.amount).toBeCloseTo(line.unitPrice.gross.amount, 2);
    expect(granted?.reason).toContain(`#${state.ticketNumber}`);
    expect(
      order.order.events.some(
        (event) =>
          event.type === "NOTE_ADDED" && (event.message ?? "").includes(`#${state.ticketNumber}`),
      ),
    ).toBe(true);
  });

  step(
    "6. the order page's widget lists the ticket, opens it on the helpdesk's page, and back to the order",
    async () => {
      await page.goto(`${env.dashboardUrl}orders/${encodeURIComponent(state.order!.id)}`);
      await dismissDashboardPopups();
      const widget = page.frameLocator('iframe[src*="/saleor.helpdesk/dashboard/order-widget"]');
      const item = widget
        .getByTestId("widget-ticket")
        .filter({ hasText: `#${state.ticketNumber} ${SUBJECT}` });

      await item.waitFor({ timeout: 60_000 });
      await settled(widget);
      const card = page.locator('iframe[src*="/saleor.helpdesk/dashboard/order-widget"]');

      await card.scrollIntoViewIfNeeded();
      await shot("order-page.png");
      await shot("order-widget.png", card);

      await item.getByRole("link").click();
      await page.waitForURL(/\/extensions\/app\/[^/]+\/tickets\//);
      const ticketPage = page.frameLocator('iframe[src*="/saleor.helpdesk/dashboard/tickets/"]');

      await ticketPage
        .getByRole("heading", { level: 1, name: `#${state.ticketNumber} ${SUBJECT}` })
        .waitFor();
      await expect(
        ticketPage
          .getByRole("region", { name: "Refunds", exact: true })
          .getByTestId("refund")
          .first()
          .textContent(),
      ).resolves.toContain("Refunded");
      await settled(ticketPage);
      await shot("ticket-from-widget.png");

      // And back: the ticket's order panel opens the order in the Dashboard.
      await ticketPage.getByRole("button", { name: "Open the order in the Dashboard" }).click();
      await page.waitForURL(/\/orders\/[^/?]+/);
      expect(decodeURIComponent(page.url())).toContain(`/orders/${state.order!.id}`);
    },
  );

  step("6b. the customer page's widget lists the ticket", async () => {
    await page.goto(`${env.dashboardUrl}customers/${encodeURIComponent(state.customerId!)}`);
    await dismissDashboardPopups();
    const widget = page.frameLocator('iframe[src*="/saleor.helpdesk/dashboard/customer-widget"]');

    await widget
      .getByTestId("widget-ticket")
      .filter({ hasText: `#${state.ticketNumber} ${SUBJECT}` })
      .waitFor({ timeout: 60_000 });
    await settled(widget);
    const card = page.locator('iframe[src*="/saleor.helpdesk/dashboard/customer-widget"]');

    await card.scrollIntoViewIfNeeded();
    await shot("customer-page.png");
    await shot("customer-widget.png", card);
  });

  step("7. in German, the extension follows the Dashboard's language", async () => {
    // The Dashboard keeps its language in local storage (Account settings → language).
    await page.evaluate(() => window.localStorage.setItem("locale", "de"));
    await page.goto(
      `${env.dashboardUrl}extensions/app/${encodeURIComponent(state.helpdeskAppId!)}/inbox`,
    );
    const frame = appPage();

    await frame.getByRole("heading", { name: "Support-Tickets" }).waitFor({ timeout: 60_000 });
    await settled(frame);
    await shot("inbox-de.png");
    await page.evaluate(() => window.localStorage.setItem("locale", "en"));
  });

  step("no uncaught errors in the helpdesk's pages", async () => {
    expect(pageErrors).toStrictEqual([]);
  });
});
