import type {
  InboundEmailListQuery,
  SettingsMailboxesQuery,
  SettingsMailboxFieldsFragment,
  SettingsMailboxQuery,
} from "../generated/graphql";

type Listed = NonNullable<
  NonNullable<NonNullable<InboundEmailListQuery["helpdeskInboundEmails"]>["edges"][number]>["node"]
>;

/** A saved IMAP mailbox whose last fetch failed, with a password stored. */
export function imapMailbox(
  overrides: Partial<SettingsMailboxFieldsFragment> = {},
): SettingsMailboxFieldsFragment {
  return {
    id: "HelpdeskMailbox:1",
    name: "Kundenservice",
    address: "support@example.com",
    kind: "IMAP",
    isActive: true,
    languageCode: "de",
    channel: { id: "Channel:1", slug: "webshop-de", name: "Webshop DE" },
    contact: { id: "TicketContact:1", name: "Customer service" },
    imapHost: "imap.example.com",
    imapPort: 993,
    imapSecurity: "SSL",
    imapUser: "support@example.com",
    hasPassword: true,
    imapFolder: "INBOX",
    afterFetch: "MARK_READ",
    moveToFolder: "",
    maxMessageSize: 25 * 1024 * 1024,
    ticketsPerSenderPerHour: 5,
    hasPushSecret: false,
    pushUrl: "http://shop.example/plugins/global/saleor.helpdesk/inbound/raw/1/",
    lastFetchAt: "2025-01-12T10:00:00+00:00",
    lastFetchResult: "FAILED",
    lastFetchError: "[AUTHENTICATIONFAILED] Invalid credentials",
    lastFetchCount: 0,
    reviewCount: 2,
    updatedAt: "2025-01-12T10:00:00+00:00",
    ...overrides,
  };
}

/** A saved push mailbox with its secret made. */
export function pushMailbox(
  overrides: Partial<SettingsMailboxFieldsFragment> = {},
): SettingsMailboxFieldsFragment {
  return imapMailbox({
    id: "HelpdeskMailbox:2",
    name: "Mailgun",
    address: "inbox@example.com",
    kind: "PUSH",
    isActive: false,
    contact: null,
    imapHost: "",
    imapUser: "",
    hasPassword: false,
    hasPushSecret: true,
    pushUrl: "http://shop.example/plugins/global/saleor.helpdesk/inbound/raw/2/",
    lastFetchAt: null,
    lastFetchResult: "NEVER",
    lastFetchError: "",
    reviewCount: 0,
    ...overrides,
  });
}

export const mailboxChoices = {
  helpdeskChannels: [
    { id: "Channel:1", slug: "webshop-de", name: "Webshop DE" },
    { id: "Channel:2", slug: "webshop-intl", name: "Webshop International" },
  ],
  ticketContacts: [
    { id: "TicketContact:1", name: "Customer service", isActive: true },
    { id: "TicketContact:2", name: "Old queue", isActive: false },
  ],
};

export function mailboxesQuery(
  mailboxes: SettingsMailboxFieldsFragment[] = [imapMailbox(), pushMailbox()],
): SettingsMailboxesQuery {
  return { helpdeskMailboxes: mailboxes, ...mailboxChoices };
}

export function mailboxQuery(mailbox: SettingsMailboxFieldsFragment | null): SettingsMailboxQuery {
  return {
    helpdeskMailbox: mailbox && {
      ...mailbox,
      webhookUrls: [
        {
          esp: "mailgun",
          url: "http://shop.example/plugins/global/saleor.helpdesk/inbound/mailgun/1/",
        },
      ],
    },
    ...mailboxChoices,
  };
}

/** A message in the review list. */
export function listedEmail(overrides: Partial<Listed> = {}): Listed {
  return {
    id: "HelpdeskInboundEmail:1",
    via: "imap",
    status: "UNVERIFIED",
    fromAddress: "sabine@example.org",
    fromName: "Sabine Schmidt",
    subject: "Re: [#10001] Becher kaputt",
    sentAt: "2025-01-12T09:59:00+00:00",
    receivedAt: "2025-01-12T10:00:00+00:00",
    size: 2048,
    note: "Sent by sabine@example.org, which is neither the ticket's customer nor one of its CC addresses.",
    reviewedAt: null,
    originalUrl: "http://localhost:3000/plugins/global/saleor.helpdesk/inbound-emails/1/original/",
    ticket: { id: "Ticket:1", number: 10001, subject: "Becher kaputt" },
    mailbox: { id: "HelpdeskMailbox:1", name: "Kundenservice" },
    ...overrides,
  };
}

export function emailList(emails: Listed[], hasNextPage = false): InboundEmailListQuery {
  return {
    helpdeskInboundEmails: {
      totalCount: emails.length,
      pageInfo: { hasNextPage, endCursor: hasNextPage ? "cursor-1" : null },
      edges: emails.map((node) => ({ node })),
    },
  };
}
