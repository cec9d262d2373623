import type {
  InboxQueryVariables,
  SlaStateEnum,
  TicketFilterInput,
  TicketKindEnum,
  TicketSortField,
  TicketStatusGroupEnum,
} from "../../generated/graphql";
import type { QueryValues } from "../../router";
import { SLA_STATES } from "../../sla/format";

/*
 * The inbox's whole state lives in the URL (#/inbox?…), so a reload, a bookmark or a
 * shared link shows the same list.
 */

export const TABS = ["all", "open", "waiting", "closed"] as const;
export type Tab = (typeof TABS)[number];

/** Which status groups a tab shows ("open" = new and open, as in seed 000). */
export const TAB_GROUPS: Record<Tab, TicketStatusGroupEnum[] | undefined> = {
  all: undefined,
  open: ["NEW", "OPEN"],
  waiting: ["WAITING"],
  closed: ["CLOSED"],
};

export const SORT_COLUMNS = [
  "number",
  "title",
  "customer",
  "status",
  "priority",
  "assignee",
  "channel",
  "created",
  "lastActivity",
  "slaDue",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = "ASC" | "DESC";

/** The API's sort field of each column (the server breaks ties by number). */
export const SORT_FIELDS: Record<SortColumn, TicketSortField> = {
  number: "NUMBER",
  title: "SUBJECT",
  customer: "CUSTOMER",
  status: "STATUS",
  priority: "PRIORITY",
  assignee: "ASSIGNEE",
  channel: "CHANNEL",
  created: "CREATED_AT",
  lastActivity: "LAST_ACTIVITY_AT",
  slaDue: "SLA_DUE",
};

export const KINDS: TicketKindEnum[] = [
  "QUESTION",
  "COMPLAINT",
  "REFUND_REQUEST",
  "ORDER_PROBLEM",
  "OTHER",
];
export const PAGE_SIZE = 50;

export type InboxState = {
  tab: Tab;
  search: string;
  kind: TicketKindEnum | "";
  status: string;
  priority: string;
  category: string;
  assignee: string;
  unassigned: boolean;
  overdue: boolean;
  channel: string;
  /** A tag's slug (issue 14). */
  tag: string;
  sla: SlaStateEnum | "";
  sort: SortColumn;
  dir: SortDirection;
  after: string;
  before: string;
};

export const DEFAULT_STATE: InboxState = {
  tab: "open",
  search: "",
  kind: "",
  status: "",
  priority: "",
  category: "",
  assignee: "",
  unassigned: false,
  overdue: false,
  channel: "",
  tag: "",
  sla: "",
  sort: "lastActivity",
  dir: "DESC",
  after: "",
  before: "",
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readInboxState(query: URLSearchParams): InboxState {
  const flag = (name: string) => query.get(name) === "1" || query.get(name) === "true";

  return {
    tab: oneOf(query.get("tab"), TABS, DEFAULT_STATE.tab),
    search: query.get("q") ?? "",
    kind: oneOf<TicketKindEnum | "">(query.get("kind"), KINDS, ""),
    status: query.get("status") ?? "",
    priority: query.get("priority") ?? "",
    category: query.get("category") ?? "",
    assignee: query.get("assignee") ?? "",
    unassigned: flag("unassigned"),
    overdue: flag("overdue"),
    channel: query.get("channel") ?? "",
    tag: query.get("tag") ?? "",
    sla: oneOf<SlaStateEnum | "">(query.get("sla"), SLA_STATES, ""),
    sort: oneOf(query.get("sort"), SORT_COLUMNS, DEFAULT_STATE.sort),
    dir: oneOf<SortDirection>(query.get("dir"), ["ASC", "DESC"], DEFAULT_STATE.dir),
    after: query.get("after") ?? "",
    before: query.get("before") ?? "",
  };
}

/** The URL query of a state; defaults are left out to keep links short. */
export function inboxStateToQuery(state: InboxState): QueryValues {
  return {
    tab: state.tab === DEFAULT_STATE.tab ? undefined : state.tab,
    q: state.search,
    kind: state.kind,
    status: state.status,
    priority: state.priority,
    category: state.category,
    assignee: state.assignee,
    unassigned: state.unassigned,
    overdue: state.overdue,
    channel: state.channel,
    tag: state.tag,
    sla: state.sla,
    sort: state.sort === DEFAULT_STATE.sort ? undefined : state.sort,
    dir: state.dir === DEFAULT_STATE.dir ? undefined : state.dir,
    after: state.after,
    before: state.before,
  };
}

/** The filter without the tab (the tab counts share it). */
export function baseFilter(state: InboxState): TicketFilterInput {
  const filter: TicketFilterInput = {};

  if (state.search.trim()) filter.search = state.search.trim();
  if (state.kind) filter.kinds = [state.kind];
  if (state.status) filter.statuses = [state.status];
  if (state.priority) filter.priorities = [state.priority];
  if (state.category) filter.categories = [state.category];
  if (state.assignee) filter.assignees = [state.assignee];
  if (state.unassigned) filter.unassigned = true;
  if (state.overdue) filter.overdue = true;
  if (state.channel) filter.channels = [state.channel];
  if (state.tag) filter.tags = [state.tag];
  if (state.sla) filter.slaStates = [state.sla];

  return filter;
}

export function tabFilter(state: InboxState, tab: Tab): TicketFilterInput {
  const groups = TAB_GROUPS[tab];

  return groups ? { ...baseFilter(state), statusGroups: groups } : baseFilter(state);
}

export function inboxVariables(state: InboxState, languageCode: string): InboxQueryVariables {
  const page = state.before
    ? { last: PAGE_SIZE, before: state.before }
    : { first: PAGE_SIZE, ...(state.after ? { after: state.after } : {}) };

  return {
    ...page,
    filter: tabFilter(state, state.tab),
    sortBy: { field: SORT_FIELDS[state.sort], direction: state.dir },
    languageCode,
  };
}
