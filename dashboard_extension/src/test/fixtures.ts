import type {
  HelpdeskChannelsQuery,
  InboxCountsQuery,
  InboxOptionsQuery,
  InboxQuery,
  TicketDetailsQuery,
} from "../generated/graphql";

/** The channels the staff caller works in (`helpdeskChannels`). */
export const helpdeskChannels: HelpdeskChannelsQuery = {
  helpdeskChannels: [
    { id: "Channel:1", slug: "webshop-de", name: "Webshop DE", currencyCode: "EUR" },
    { id: "Channel:2", slug: "webshop-ch", name: "Webshop CH", currencyCode: "CHF" },
  ],
};

export const options: InboxOptionsQuery = {
  ticketStatuses: [
    {
      id: "st-new",
      slug: "new",
      name: "New",
      group: "NEW",
      isClosed: false,
      isActive: true,
      position: 0,
    },
    {
      id: "st-open",
      slug: "in-progress",
      name: "In progress",
      group: "OPEN",
      isClosed: false,
      isActive: true,
      position: 1,
    },
    {
      id: "st-wait",
      slug: "waiting-customer",
      name: "Waiting for customer",
      group: "WAITING",
      isClosed: false,
      isActive: true,
      position: 2,
    },
    {
      id: "st-closed",
      slug: "closed",
      name: "Closed",
      group: "CLOSED",
      isClosed: true,
      isActive: true,
      position: 3,
    },
  ],
  ticketPriorities: [
    { id: "pr-low", slug: "low", name: "Low", position: 0, isDefault: false },
    { id: "pr-normal", slug: "normal", name: "Normal", position: 1, isDefault: true },
    { id: "pr-high", slug: "high", name: "High", position: 2, isDefault: false },
  ],
  ticketCategories: [
    {
      id: "cat-defect",
      slug: "defect",
      kind: "COMPLAINT",
      name: "Defect",
      isActive: true,
      position: 0,
    },
    {
      id: "cat-delivery",
      slug: "delivery",
      kind: "QUESTION",
      name: "Delivery",
      isActive: true,
      position: 0,
    },
  ],
  supportAgents: [
    {
      id: "ag-1",
      isActive: true,
      user: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
    },
    {
      id: "ag-2",
      isActive: true,
      user: { id: "User:2", email: "ben@example.com", firstName: "Ben", lastName: "Support" },
    },
  ],
};

type Node = NonNullable<NonNullable<NonNullable<InboxQuery["tickets"]>["edges"][number]>["node"]>;

export function inboxTicket(overrides: Partial<Node> & { id: string; number: number }): Node {
  return {
    kind: "QUESTION",
    subject: `Ticket ${overrides.number}`,
    customerName: "Carla Customer",
    customerEmail: "carla@example.com",
    customer: { id: "User:10", email: "carla@example.com" },
    status: { id: "st-new", slug: "new", name: "New", group: "NEW" },
    priority: { id: "pr-normal", slug: "normal", name: "Normal" },
    assignee: null,
    channel: { id: "Channel:1", slug: "webshop-de", name: "Webshop DE" },
    order: null,
    dueDate: null,
    isOverdue: false,
    slaDueAt: null,
    slaState: null,
    createdAt: "2025-01-10T10:00:00+00:00",
    lastActivityAt: "2025-01-11T10:00:00+00:00",
    lastComment: null,
    attachmentCount: 0,
    ...overrides,
  };
}

export function inboxPage(nodes: Node[], totalCount = nodes.length): InboxQuery {
  return {
    tickets: {
      totalCount,
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: "start",
        endCursor: "end",
      },
      edges: nodes.map((node) => ({ node })),
    },
  };
}

export const counts: InboxCountsQuery = {
  all: { totalCount: 40 },
  open: { totalCount: 12 },
  waiting: { totalCount: 7 },
  closed: { totalCount: 21 },
};

export type Ticket = NonNullable<TicketDetailsQuery["ticket"]>;

export function ticketDetails(
  overrides: Partial<Ticket> = {},
  { helpdeskSmsEnabled = false }: { helpdeskSmsEnabled?: boolean } = {},
): TicketDetailsQuery {
  const ticket: Ticket = {
    id: "Ticket:1",
    number: 10001,
    kind: "COMPLAINT",
    subject: "Becher kaputt",
    source: "STOREFRONT",
    languageCode: "de",
    customerName: "Carla Customer",
    customerEmail: "carla@example.com",
    customer: {
      id: "User:10",
      email: "carla@example.com",
      firstName: "Carla",
      lastName: "Customer",
    },
    status: {
      id: "st-open",
      slug: "in-progress",
      name: "In progress",
      group: "OPEN",
      isClosed: false,
    },
    priority: { id: "pr-normal", slug: "normal", name: "Normal" },
    category: null,
    contact: null,
    channel: { id: "Channel:1", slug: "webshop-de", name: "Webshop DE", currencyCode: "EUR" },
    assignee: null,
    mergedInto: null,
    dueDate: null,
    isOverdue: false,
    ccEmails: [],
    smsNumber: null,
    firstResponseAt: null,
    closedAt: null,
    createdAt: "2025-01-10T10:00:00+00:00",
    lastActivityAt: "2025-01-12T10:00:00+00:00",
    order: {
      id: "Order:abc",
      number: "1042",
      status: "fulfilled",
      created: "2025-01-05T09:00:00+00:00",
      totalGross: 59.9,
      currency: "EUR",
      lines: [
        {
          id: "OrderLine:1",
          productName: "Kaffeebecher",
          variantName: "Blau",
          productSku: "KB-1",
          quantity: 4,
          quantityFulfilled: 4,
          unitPriceGross: 9.9,
          currency: "EUR",
        },
      ],
      payments: [
        {
          kind: "TRANSACTION",
          name: "Kreditkarte",
          currency: "EUR",
          charged: "40.10",
          refunded: "19.80",
          pendingRefund: "0",
          canRefund: true,
        },
      ],
    },
    lines: [
      {
        id: "TicketLine:1",
        orderLineId: "OrderLine:1",
        productName: "Kaffeebecher",
        productSku: "KB-1",
        quantity: 2,
        reason: "DAMAGED_IN_TRANSIT",
        note: "Henkel ab",
      },
    ],
    complaint: {
      customerNumber: "K-77",
      orderNumber: "1042",
      articleNumber: "KB-1",
      description: "<p>Zwei Becher kamen zerbrochen an.</p>",
      comment: "",
      requestedResolution: "REPLACEMENT",
      decision: "PENDING",
      decisionNote: "",
      decidedAt: null,
    },
    attachments: [
      {
        id: "Att:1",
        name: "photo.jpg",
        contentType: "image/jpeg",
        size: 2048,
        url: "http://x/attachments/1/",
        isInternal: false,
        createdAt: "2025-01-10T10:00:00+00:00",
      },
    ],
    comments: {
      totalCount: 3,
      edges: [
        {
          node: {
            id: "C:1",
            body: "<p>Der Henkel ist ab.</p>",
            authorType: "CUSTOMER",
            authorName: "Carla Customer",
            visibility: "PUBLIC",
            medium: "STOREFRONT",
            createdAt: "2025-01-10T10:00:00+00:00",
            attachments: [],
            email: null,
          },
        },
        {
          node: {
            id: "C:2",
            body: "<p>Kundin ist Stammkundin, kulant sein.</p>",
            authorType: "STAFF",
            authorName: "Anna Agent",
            visibility: "INTERNAL",
            medium: "DASHBOARD",
            createdAt: "2025-01-11T09:00:00+00:00",
            attachments: [],
            email: null,
          },
        },
        {
          node: {
            id: "C:3",
            body: "<p>Wir schicken Ersatz.</p>",
            authorType: "STAFF",
            authorName: "Anna Agent",
            visibility: "PUBLIC",
            medium: "DASHBOARD",
            createdAt: "2025-01-12T10:00:00+00:00",
            attachments: [],
            email: null,
          },
        },
      ],
    },
    events: [
      {
        id: "E:1",
        type: "CREATED",
        date: "2025-01-10T10:00:00+00:00",
        user: null,
        parameters: JSON.stringify({ kind: "complaint", source: "storefront", status: "new" }),
      },
      {
        id: "E:2",
        type: "STATUS_CHANGED",
        date: "2025-01-11T08:00:00+00:00",
        user: { id: "User:1", email: "anna@example.com", firstName: "Anna", lastName: "Agent" },
        parameters: JSON.stringify({ old: "new", new: "in-progress" }),
      },
      {
        id: "E:3",
        type: "NOTE_ADDED",
        date: "2025-01-11T09:00:00+00:00",
        user: null,
        parameters: JSON.stringify({ comment_id: 2 }),
      },
      {
        id: "E:4",
        type: "EMAIL_FAILED",
        date: "2025-01-12T10:05:00+00:00",
        user: null,
        parameters: JSON.stringify({ notification: "staff_reply", error: "SMTP down" }),
      },
    ],
    customerSummary: {
      name: "Carla Customer",
      email: "carla@example.com",
      orderCount: 3,
      totalSpent: 150.5,
      currency: "EUR",
      dateJoined: "2024-03-01T00:00:00+00:00",
      isRegistered: true,
    },
    otherTickets: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: "Ticket:2",
            number: 10002,
            subject: "Lieferzeit?",
            createdAt: "2025-01-01T10:00:00+00:00",
            status: {
              id: "st-closed",
              slug: "closed",
              name: "Closed",
              group: "CLOSED",
              isClosed: true,
            },
          },
        },
      ],
    },
    ...overrides,
  };

  return { helpdeskSmsEnabled, ticket };
}
