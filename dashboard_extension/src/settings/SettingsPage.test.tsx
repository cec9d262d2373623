import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import type { SettingsStatusesQuery } from "../generated/graphql";
import { parseHash } from "../router";
import { Screens } from "../Screens";
import { createFakeClient } from "../test/fakeClient";
import { helpdeskChannels } from "../test/fixtures";
import { renderApp } from "../test/render";

type Handler = (variables: Record<string, unknown>) => unknown;

const statuses: SettingsStatusesQuery = {
  ticketStatuses: [
    {
      id: "st-new",
      slug: "new",
      name: "New",
      group: "NEW",
      position: 0,
      isActive: true,
      isInitial: true,
      isClosed: false,
      isInternal: false,
      translations: [{ languageCode: "de", name: "Neu" }],
      customerStatus: null,
      transitions: [
        {
          id: "tr-1",
          staffAllowed: true,
          customerAllowed: false,
          systemAllowed: true,
          source: { id: "st-new", name: "New" },
          target: { id: "st-closed", name: "Closed" },
        },
      ],
    },
    {
      id: "st-closed",
      slug: "closed",
      name: "Closed",
      group: "CLOSED",
      position: 1,
      isActive: true,
      isInitial: false,
      isClosed: true,
      isInternal: false,
      translations: [],
      customerStatus: null,
      transitions: [],
    },
  ],
};

const ok =
  (key: string, extra: Record<string, unknown> = {}) =>
  () => ({ [key]: { errors: [], ...extra } });
const refused =
  (key: string, message: string, field = "name") =>
  () => ({ [key]: { errors: [{ field, code: "INVALID", message }] } });

function setup(hash: string, handlers: Record<string, Handler>, lang: "en" | "de" = "en") {
  window.location.hash = hash;
  const fake = createFakeClient({ HelpdeskChannels: () => helpdeskChannels, ...handlers });

  return { ...fake, ...renderApp(<Screens />, { client: fake.client, lang }) };
}

const webhook = {
  id: "wh-1",
  name: "ERP",
  targetUrl: "https://erp.example.com/hook",
  events: ["ticket.created"],
  channels: [],
  isActive: true,
  includeInternalComments: false,
  signing: "HMAC",
  createdAt: "2025-01-01T10:00:00+00:00",
  updatedAt: "2025-01-01T10:00:00+00:00",
  suspendedReason: null as string | null,
};
const topics = [
  { name: "ticket.created", description: "A ticket was opened" },
  { name: "ticket.closed", description: "A ticket was closed" },
];

describe("Settings", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("lists the sections with the current one marked and shows the statuses with their transitions", async () => {
    setup("#/settings", { SettingsStatuses: () => statuses });
    const nav = screen.getByRole("navigation", { name: "Settings sections" });

    expect(
      within(nav)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toStrictEqual([
      "Statuses",
      "Priorities",
      "Categories",
      "Contacts and queues",
      "Response templates",
      "Support team",
      "E-mail templates",
      "E-mail in",
      "Webhooks",
      "Channel policies",
      "Refund reasons",
      "Privacy",
      "Support contracts",
      "Rules",
      "Macros",
      "Tags",
      "Service levels",
    ]);
    expect(within(nav).getByRole("link", { name: "Statuses" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(screen.getByRole("status")).toBeInTheDocument(); // loading
    const rows = await screen.findAllByTestId("settings-row");

    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Start status of new tickets");
    const transition = screen.getByTestId("transition-row");

    expect(
      within(transition)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(0, 5),
    ).toStrictEqual(["New", "Closed", "Yes", "No", "Yes"]);
  });

  it("creates a status; a refused save keeps what was typed and shows why", async () => {
    const user = userEvent.setup();
    let refuse = true;
    const { callsOf } = setup("#/settings/statuses", {
      SettingsStatuses: () => statuses,
      SettingsStatusCreate: () =>
        refuse
          ? refused("ticketStatusCreate", "This slug is taken.", "slug")()
          : ok("ticketStatusCreate", { status: null })(),
    });

    await screen.findAllByTestId("settings-row");
    await user.click(screen.getByRole("button", { name: "Add status" }));
    const form = screen.getByRole("form", { name: "Add status" });

    expect(within(form).getByRole("heading", { name: "Add status" })).toHaveFocus();
    await user.type(within(form).getByLabelText("Name"), "Parked");
    await user.type(within(form).getByLabelText("Slug", { exact: false }), "new");
    await user.selectOptions(within(form).getByLabelText("Group"), "WAITING");
    await user.click(within(form).getByRole("button", { name: "Add a language" }));
    await user.type(within(form).getByLabelText("Language"), "de");
    await user.type(within(form).getByLabelText("Name (de)"), "Geparkt");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Not saved: slug: This slug is taken.",
    );
    expect(within(form).getByLabelText("Name")).toHaveValue("Parked");
    expect(callsOf("SettingsStatusCreate")[0]!.variables).toStrictEqual({
      input: {
        name: "Parked",
        slug: "new",
        group: "WAITING",
        isActive: true,
        isInitial: false,
        isInternal: false,
        customerStatus: null,
        translations: [{ languageCode: "de", name: "Geparkt" }],
      },
    });

    refuse = false;
    const slug = within(form).getByLabelText("Slug", { exact: false });

    await user.clear(slug);
    await user.type(slug, "parked");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(screen.queryByRole("form", { name: "Add status" })).not.toBeInTheDocument(),
    );
    expect(callsOf("SettingsStatuses").length).toBeGreaterThanOrEqual(2);
  });

  it("adds and deletes transitions, deleting only after a confirmation", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup("#/settings/statuses", {
      SettingsStatuses: () => statuses,
      SettingsTransitionCreate: ok("ticketTransitionCreate", { transition: null }),
      SettingsTransitionDelete: ok("ticketTransitionDelete"),
    });

    await screen.findByTestId("transition-row");
    const form = screen.getByRole("form", { name: "Add transition" });

    await user.selectOptions(within(form).getByLabelText("From"), "st-closed");
    await user.selectOptions(within(form).getByLabelText("To"), "st-new");
    await user.click(within(form).getByRole("checkbox", { name: "Customer" }));
    await user.click(within(form).getByRole("button", { name: "Add transition" }));
    await waitFor(() => expect(callsOf("SettingsTransitionCreate")).toHaveLength(1));
    expect(callsOf("SettingsTransitionCreate")[0]!.variables).toStrictEqual({
      input: {
        source: "st-closed",
        target: "st-new",
        staffAllowed: true,
        customerAllowed: true,
        systemAllowed: true,
      },
    });

    await user.click(screen.getByRole("button", { name: "Delete New → Closed" }));
    expect(callsOf("SettingsTransitionDelete")).toHaveLength(0);
    const confirm = screen.getByRole("button", { name: "Really delete New → Closed" });

    expect(confirm).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(callsOf("SettingsTransitionDelete")).toHaveLength(1));
    expect(callsOf("SettingsTransitionDelete")[0]!.variables).toStrictEqual({ id: "tr-1" });
  });

  it("shows the error and empty states, then creates a priority with its target time", async () => {
    const user = userEvent.setup();
    let fail = true;
    const { callsOf } = setup("#/settings/priorities", {
      SettingsPriorities: () => {
        if (fail) throw new Error("Forbidden");

        return { ticketPriorities: [] };
      },
      SettingsPriorityCreate: ok("ticketPriorityCreate", { priority: null }),
    });

    expect(await screen.findByText(/Forbidden/)).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No priorities yet.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add priority" }));
    await user.type(screen.getByLabelText("Name"), "Urgent");
    await user.type(
      screen.getByLabelText("Target resolution time (hours)", { exact: false }),
      "48",
    );
    await user.click(screen.getByRole("checkbox", { name: "Default" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsPriorityCreate")).toHaveLength(1));
    expect(callsOf("SettingsPriorityCreate")[0]!.variables).toStrictEqual({
      input: { name: "Urgent", resolutionHours: 48, isDefault: true, translations: [] },
    });
  });

  it("edits a response template, inserts a placeholder and previews it with a ticket", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup("#/settings/templates", {
      SettingsResponseTemplates: () => ({
        responseTemplates: [
          {
            id: "rt-1",
            name: "Thanks",
            languageCode: "en",
            subject: "Re: {{ subject }}",
            body: "<p>Hello</p>",
            kind: null,
            isActive: true,
            placeholders: [],
            updatedAt: "2025-01-01T00:00:00+00:00",
          },
        ],
        responseTemplatePlaceholders: [
          { name: "customer.name", description: "The customer's name" },
        ],
      }),
      SettingsPreviewTickets: () => ({
        tickets: { edges: [{ node: { id: "Ticket:1", number: 10001, subject: "Becher kaputt" } }] },
      }),
      SettingsResponseTemplatePreview: () => ({
        responseTemplatePreview: {
          subject: "Re: Becher kaputt",
          body: "<p>Hello Carla</p><script>alert(1)</script>",
        },
      }),
      SettingsResponseTemplateUpdate: ok("responseTemplateUpdate", { template: null }),
    });

    await user.click(await screen.findByRole("button", { name: "Edit Thanks" }));
    await user.click(screen.getByText("Placeholders (1)"));
    await user.click(screen.getByRole("button", { name: "Insert the placeholder customer.name" }));
    expect(screen.getByLabelText("Text")).toHaveValue("<p>Hello</p>{{ customer.name }}");

    await waitFor(() =>
      expect(screen.getByLabelText("Fill in with ticket")).toHaveValue("Ticket:1"),
    );
    await user.click(screen.getByRole("button", { name: "Show preview" }));
    const preview = await screen.findByTestId("template-preview");

    expect(preview).toHaveTextContent("Re: Becher kaputt");
    expect(preview).toHaveTextContent("Hello Carla");
    expect(preview.querySelector("script")).toBeNull();
    expect(callsOf("SettingsResponseTemplatePreview")[0]!.variables).toStrictEqual({
      id: "rt-1",
      ticket: "Ticket:1",
    });

    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsResponseTemplateUpdate")).toHaveLength(1));
    expect(callsOf("SettingsResponseTemplateUpdate")[0]!.variables).toStrictEqual({
      id: "rt-1",
      input: {
        name: "Thanks",
        languageCode: "en",
        subject: "Re: {{ subject }}",
        body: "<p>Hello</p>{{ customer.name }}",
        kind: null,
        isActive: true,
      },
    });
  });

  it("creates a webhook and shows its secret once", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup("#/settings/webhooks", {
      SettingsWebhooks: () => ({ webhookSubscriptions: [webhook], webhookTopics: topics }),
      SettingsWebhookCreate: ok("webhookSubscriptionCreate", {
        secret: "s3cr3t",
        subscription: null,
      }),
    });

    expect(await screen.findByRole("link", { name: "ERP" })).toHaveAttribute(
      "href",
      "#/settings/webhooks/wh-1",
    );
    await user.click(screen.getByRole("button", { name: "Add webhook" }));
    await user.type(screen.getByLabelText("Name"), "CRM");
    await user.type(screen.getByLabelText("Target URL"), "https://crm.example.com/in");
    await user.click(screen.getByRole("checkbox", { name: "ticket.closed" }));
    // The channels are the caller's helpdesk channels, ticked; their slugs are sent.
    const channels = screen.getByRole("group", { name: "Channels" });

    await waitFor(() => expect(within(channels).getAllByRole("checkbox")).toHaveLength(2));
    await user.click(within(channels).getByRole("checkbox", { name: "Webshop CH" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("s3cr3t");
    expect(callsOf("SettingsWebhookCreate")[0]!.variables).toStrictEqual({
      input: {
        name: "CRM",
        targetUrl: "https://crm.example.com/in",
        events: ["ticket.closed"],
        channels: ["webshop-ch"],
        isActive: true,
        includeInternalComments: false,
        signing: "HMAC",
      },
    });
  });

  it("keeps a webhook's channels, also one that is not among the caller's, and changes them", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup("#/settings/webhooks/wh-1", {
      SettingsWebhook: () => ({
        webhookSubscription: {
          ...webhook,
          channels: ["webshop-de", "old-shop"],
          deliveries: {
            totalCount: 0,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: [],
          },
        },
        webhookTopics: topics,
      }),
      SettingsWebhookUpdate: ok("webhookSubscriptionUpdate", { subscription: null }),
    });
    const channels = await screen.findByRole("group", { name: "Channels" });

    await waitFor(() =>
      expect(within(channels).getByRole("checkbox", { name: "Webshop DE" })).toBeChecked(),
    );
    expect(within(channels).getByRole("checkbox", { name: "Webshop CH" })).not.toBeChecked();
    expect(
      within(channels).getByRole("checkbox", { name: "old-shop (not one of your channels)" }),
    ).toBeChecked();
    await user.click(within(channels).getByRole("checkbox", { name: "Webshop DE" }));
    await user.click(within(channels).getByRole("checkbox", { name: "Webshop CH" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsWebhookUpdate")).toHaveLength(1));
    expect(callsOf("SettingsWebhookUpdate")[0]!.variables).toMatchObject({
      id: "wh-1",
      input: { channels: ["old-shop", "webshop-ch"] },
    });
  });

  it("shows a webhook's delivery log, filters it and redelivers", async () => {
    const user = userEvent.setup();
    const delivery = {
      id: "del-1",
      eventId: "0b5b1b1e-0000-0000-0000-000000000001",
      topic: "ticket.created",
      payload: '{"ticket":{"number":10001}}',
      status: "FAILED",
      attempts: 3,
      nextAttemptAt: null,
      lastStatusCode: 500,
      lastDurationMs: 120,
      lastResponseExcerpt: "Internal Server Error",
      lastError: "HTTP 500",
      createdAt: "2025-01-02T10:00:00+00:00",
      deliveredAt: null,
      attemptLog: [
        {
          id: "at-1",
          number: 1,
          statusCode: 500,
          durationMs: 120,
          responseExcerpt: "Internal Server Error",
          error: "HTTP 500",
          createdAt: "2025-01-02T10:00:00+00:00",
        },
      ],
    };
    const { callsOf } = setup("#/settings/webhooks/wh-1", {
      SettingsWebhook: () => ({
        webhookSubscription: {
          ...webhook,
          deliveries: {
            totalCount: 1,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: [{ node: delivery }],
          },
        },
        webhookTopics: topics,
      }),
      SettingsWebhookRedeliver: () => ({
        webhookDeliveryRedeliver: {
          errors: [],
          delivery: { id: "del-1", status: "PENDING", attempts: 3 },
        },
      }),
    });
    const item = await screen.findByTestId("delivery");

    expect(item).toHaveTextContent("ticket.created");
    expect(item).toHaveTextContent("Failed");
    expect(item).toHaveTextContent("HTTP 500");
    expect(screen.getByText("1 deliveries")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("ERP");

    await user.selectOptions(screen.getByLabelText("Delivery status"), "FAILED");
    await waitFor(() =>
      expect(callsOf("SettingsWebhook").at(-1)!.variables).toStrictEqual({
        id: "wh-1",
        status: "FAILED",
        first: 20,
        after: null,
      }),
    );

    await user.click(within(screen.getByTestId("delivery")).getByText(/ticket\.created/));
    await user.click(screen.getByRole("button", { name: /Redeliver ticket\.created/ }));
    await waitFor(() => expect(callsOf("SettingsWebhookRedeliver")).toHaveLength(1));
    expect(callsOf("SettingsWebhookRedeliver")[0]!.variables).toStrictEqual({ id: "del-1" });
  });

  it("says why a webhook sends nothing and that a payload is hidden from the caller", async () => {
    const hidden = {
      id: "del-2",
      eventId: "0b5b1b1e-0000-0000-0000-000000000002",
      topic: "comment.created",
      payload: null,
      status: "SUCCEEDED",
      attempts: 1,
      nextAttemptAt: null,
      lastStatusCode: 200,
      lastDurationMs: 80,
      lastResponseExcerpt: null,
      lastError: "",
      createdAt: "2025-01-02T10:00:00+00:00",
      deliveredAt: "2025-01-02T10:00:01+00:00",
      attemptLog: [
        {
          id: "at-2",
          number: 1,
          statusCode: 200,
          durationMs: 80,
          responseExcerpt: null,
          error: "",
          createdAt: "2025-01-02T10:00:00+00:00",
        },
      ],
    };

    setup("#/settings/webhooks/wh-1", {
      SettingsWebhook: () => ({
        webhookSubscription: {
          ...webhook,
          suspendedReason:
            "The staff user anna@shop.example no longer has the MANAGE_ORDERS permission.",
          deliveries: {
            totalCount: 1,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: [{ node: hidden }],
          },
        },
        webhookTopics: topics,
      }),
    });
    expect(
      await screen.findByText(
        "Sends nothing: The staff user anna@shop.example no longer has the MANAGE_ORDERS permission.",
      ),
    ).toHaveAttribute("role", "status");
    expect(screen.getByTestId("delivery")).toHaveTextContent(
      "Payload and answers hidden: you may not read this ticket.",
    );
    expect(screen.queryByText("Payload")).toBeNull();
  });

  it("edits an e-mail template, previews it in a sandboxed frame and resets it", async () => {
    const user = userEvent.setup();
    const template = {
      notification: "STAFF_REPLY",
      languageCode: "en",
      subject: "Re: {{ ticket.subject }}",
      body: "<p>{{ reply.text }}</p>",
      isActive: true,
      isCustomized: true,
      placeholders: ["reply.text"],
    };
    let refuse = true;
    const { callsOf } = setup("#/settings/emails", {
      SettingsEmailTemplates: () => ({
        emailTemplates: [template, { ...template, languageCode: "de", isCustomized: false }],
        emailTemplatePlaceholders: [{ name: "reply.text", description: "The reply" }],
      }),
      SettingsEmailTemplateUpdate: () =>
        refuse
          ? {
              emailTemplateUpdate: {
                errors: [
                  { field: "body", code: "INVALID", message: "Unknown placeholder {{ foo }}" },
                ],
                emailTemplate: null,
              },
            }
          : { emailTemplateUpdate: { errors: [], emailTemplate: template } },
      SettingsEmailTemplateReset: () => ({
        emailTemplateDelete: { errors: [], emailTemplate: template },
      }),
      SettingsPreviewTickets: () => ({
        tickets: { edges: [{ node: { id: "Ticket:1", number: 10001, subject: "Becher kaputt" } }] },
      }),
      SettingsEmailPreview: () => ({
        emailTemplatePreview: { subject: "Re: Becher kaputt", html: "<p>Hi</p>", text: "Hi" },
      }),
    });

    await user.click(
      await screen.findByRole("button", { name: "Reply from the shop (to the customer)" }),
    );
    const body = screen.getByLabelText("Text");

    await user.clear(body);
    await user.type(body, "{{{{ foo }}");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Unknown placeholder {{ foo }}");
    expect(screen.getByLabelText("Text")).toHaveValue("{{ foo }}");
    expect(callsOf("SettingsEmailTemplateUpdate")[0]!.variables).toStrictEqual({
      notification: "STAFF_REPLY",
      languageCode: "en",
      input: { subject: "Re: {{ ticket.subject }}", body: "{{ foo }}", isActive: true },
    });

    await waitFor(() =>
      expect(screen.getByLabelText("Fill in with ticket")).toHaveValue("Ticket:1"),
    );
    await user.click(screen.getByRole("button", { name: "Show preview" }));
    const frame = await screen.findByTitle("E-mail preview");

    expect(frame).toHaveAttribute("sandbox", "");
    expect(frame).toHaveAttribute("srcdoc", "<p>Hi</p>");

    await user.click(screen.getByRole("button", { name: "Reset to the shipped text" }));
    await waitFor(() => expect(callsOf("SettingsEmailTemplateReset")).toHaveLength(1));
    refuse = false;
  });

  it("saves the shop's default channel policies", async () => {
    const user = userEvent.setup();
    const settings = {
      channel: null,
      inheritsShopDefaults: false,
      attachmentsAllowed: true,
      maxAttachmentSize: 10 * 1024 * 1024,
      maxAttachmentsPerComment: 5,
      maxAttachmentsPerTicket: 20,
      allowedContentTypes: ["image/jpeg", "application/pdf"],
      guestTicketsAllowed: true,
      customerMayClose: true,
      customerMayReopen: true,
      reopenWindowDays: 14,
      autoCloseOnFullRefund: false,
      senderEmail: "support@shop.test",
      senderName: "Shop",
      signature: "",
      defaultResponsible: null,
    };
    const { callsOf } = setup("#/settings/channels", {
      SettingsChannel: () => ({
        helpdeskChannelSettings: settings,
        supportAgents: [
          {
            id: "ag-1",
            isActive: true,
            user: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
          },
        ],
      }),
      SettingsChannelUpdate: () => ({ helpdeskChannelSettingsUpdate: { errors: [], settings } }),
    });

    expect(await screen.findByLabelText("Largest file (MiB)")).toHaveValue("10");
    await user.clear(screen.getByLabelText("Reopen within (days)", { exact: false }));
    await user.click(
      screen.getByRole("checkbox", { name: "Close the ticket when the order is fully refunded" }),
    );
    await user.selectOptions(screen.getByLabelText("Default responsible"), "User:1");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsChannelUpdate")).toHaveLength(1));
    expect(callsOf("SettingsChannelUpdate")[0]!.variables).toStrictEqual({
      channel: null,
      input: {
        attachmentsAllowed: true,
        maxAttachmentSize: 10485760,
        maxAttachmentsPerComment: 5,
        maxAttachmentsPerTicket: 20,
        allowedContentTypes: ["image/jpeg", "application/pdf"],
        guestTicketsAllowed: true,
        customerMayClose: true,
        customerMayReopen: true,
        reopenWindowDays: null,
        autoCloseOnFullRefund: true,
        senderEmail: "support@shop.test",
        senderName: "Shop",
        signature: "",
        defaultResponsible: "User:1",
      },
    });
  });

  it("picks a channel's policies from the caller's helpdesk channels", async () => {
    const user = userEvent.setup();
    const settings = (channel: { id: string; slug: string; name: string } | null) => ({
      channel,
      inheritsShopDefaults: channel !== null,
      attachmentsAllowed: true,
      maxAttachmentSize: 10 * 1024 * 1024,
      maxAttachmentsPerComment: 5,
      maxAttachmentsPerTicket: 20,
      allowedContentTypes: [],
      guestTicketsAllowed: true,
      customerMayClose: true,
      customerMayReopen: true,
      reopenWindowDays: 14,
      autoCloseOnFullRefund: false,
      senderEmail: "",
      senderName: "",
      signature: "",
      defaultResponsible: null,
    });
    const { callsOf } = setup("#/settings/channels", {
      SettingsChannel: (v) => ({
        helpdeskChannelSettings: settings(
          v.channel
            ? helpdeskChannels
                .helpdeskChannels!.map(({ id, slug, name }) => ({ id, slug, name }))
                .find((c) => c.slug === v.channel)!
            : null,
        ),
        supportAgents: [],
      }),
    });
    const picker = await screen.findByLabelText("Channel");

    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toStrictEqual(["Shop defaults", "Webshop DE", "Webshop CH"]),
    );
    expect(picker).toHaveValue("");
    await user.selectOptions(picker, "webshop-ch");
    await user.click(screen.getByRole("button", { name: "Open" }));
    await waitFor(() =>
      expect(parseHash(window.location.hash).query.get("channel")).toBe("webshop-ch"),
    );
    await waitFor(() =>
      expect(callsOf("SettingsChannel").at(-1)!.variables).toStrictEqual({ channel: "webshop-ch" }),
    );
    expect(
      await screen.findByRole("heading", { name: "Policies of Webshop CH" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/This channel uses the shop's defaults/)).toBeInTheDocument();
  });

  it("maps complaint reasons to the shop's refund reasons with a select", async () => {
    const user = userEvent.setup();
    const { callsOf } = setup("#/settings/refund-reasons", {
      SettingsRefundReasons: () => ({
        refundReasons: [
          { id: "Page:1", title: "Damaged goods" },
          { id: "Page:2", title: "Goodwill" },
        ],
        refundReasonMappings: [{ complaintReason: "DEFECTIVE", reasonId: "Page:2" }],
      }),
      SettingsRefundReasonSet: ok("refundReasonMappingSet", {
        mapping: { complaintReason: "DAMAGED_IN_TRANSIT", reasonId: "Page:1" },
      }),
    });
    const defective = await screen.findByLabelText("Refund reason for “Defective”");

    expect(defective).toHaveValue("Page:2");
    expect(
      within(defective)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toStrictEqual(["None", "Damaged goods", "Goodwill"]);
    const damaged = screen.getByRole("form", { name: "Damaged in transit" });

    await user.selectOptions(within(damaged).getByRole("combobox"), "Page:1");
    await user.click(within(damaged).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(callsOf("SettingsRefundReasonSet")).toHaveLength(1));
    expect(callsOf("SettingsRefundReasonSet")[0]!.variables).toStrictEqual({
      input: { complaintReason: "DAMAGED_IN_TRANSIT", reasonId: "Page:1" },
    });
    expect(screen.queryByText(/reason page type/)).not.toBeInTheDocument();
  });

  it("says how to configure refund reasons when the shop has none", async () => {
    setup("#/settings/refund-reasons", {
      SettingsRefundReasons: () => ({ refundReasons: null, refundReasonMappings: [] }),
    });
    expect(await screen.findByRole("note")).toHaveTextContent("a reason page type");
    expect(screen.getByLabelText("Refund reason for “Defective”")).toHaveValue("");
  });

  it("is in German when the Dashboard is", async () => {
    setup(
      "#/settings/team",
      { SettingsTeam: () => ({ supportAgents: [], ticketContacts: [] }) },
      "de",
    );
    expect(await screen.findByText("Noch niemand im Support-Team.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Teammitglied hinzufügen" })).toBeInTheDocument();
    expect(
      screen.getByRole("navigation", { name: "Bereiche der Einstellungen" }),
    ).toBeInTheDocument();
  });
});
