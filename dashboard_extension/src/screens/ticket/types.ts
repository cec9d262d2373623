import type { InboxOptionsQuery, TicketDetailsQuery } from "../../generated/graphql";

export type Ticket = NonNullable<TicketDetailsQuery["ticket"]>;
export type Comment = NonNullable<
  NonNullable<NonNullable<Ticket["comments"]>["edges"][number]>["node"]
>;
export type TicketEvent = NonNullable<Ticket["events"]>[number];
export type Options = InboxOptionsQuery;
