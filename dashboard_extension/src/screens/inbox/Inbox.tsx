import { Box, Button, Checkbox, Chip, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";

import { useQuery } from "../../api/context";
import { useLazyQuery } from "../../api/useLazyQuery";
import { useMutation } from "../../api/useMutation";
import { TagFilter } from "../../automation/TagFilter";
import {
  HelpdeskChannelsDocument,
  InboxCountsDocument,
  InboxDocument,
  InboxOptionsDocument,
  type InboxOptionsQuery,
  type InboxQuery,
  NextUnansweredTicketDocument,
  TicketBulkUpdateDocument,
  type TicketBulkUpdateInput,
} from "../../generated/graphql";
import { useHost } from "../../host/host";
import { type I18n, useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { navigate, type Route, useQueryUpdater } from "../../router";
import { SLA_STATES } from "../../sla/format";
import { SlaDue } from "../../sla/SlaDue";
import { personName, StatusChip } from "../../ui/chips";
import { SelectField } from "../../ui/fields";
import { EmptyState, ErrorState, Loading, VisuallyHidden } from "../../ui/StateViews";
import {
  DEFAULT_STATE,
  type InboxState,
  inboxStateToQuery,
  inboxVariables,
  KINDS,
  readInboxState,
  type SortColumn,
  type Tab,
  tabFilter,
  TABS,
} from "./inboxState";

type TicketRow = NonNullable<NonNullable<InboxQuery["tickets"]>["edges"][number]>["node"] & {};
type Row = NonNullable<TicketRow>;

const COLUMNS: Array<{ key: SortColumn; label: MessageKey }> = [
  { key: "number", label: "inbox.col.number" },
  { key: "title", label: "inbox.col.title" },
  { key: "customer", label: "inbox.col.customer" },
  { key: "status", label: "inbox.col.status" },
  { key: "priority", label: "inbox.col.priority" },
  { key: "assignee", label: "inbox.col.assignee" },
  { key: "channel", label: "inbox.col.channel" },
  { key: "created", label: "inbox.col.created" },
  { key: "lastActivity", label: "inbox.col.lastActivity" },
  { key: "slaDue", label: "sla.inbox.column" },
];

const TAB_LABELS: Record<Tab, MessageKey> = {
  all: "inbox.tab.all",
  open: "inbox.tab.open",
  waiting: "inbox.tab.waiting",
  closed: "inbox.tab.closed",
};

export function Inbox({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const host = useHost();
  const state = readInboxState(route.query);
  const updateQuery = useQueryUpdater(route);

  const setState = (changes: Partial<InboxState>, options?: { keepPage?: boolean }) => {
    const next = { ...state, ...changes };

    if (!options?.keepPage) {
      next.after = "";
      next.before = "";
    }
    const query = inboxStateToQuery(next);
    // Drop every inbox key first, then write the new values.
    const cleared = Object.fromEntries(
      [
        "tab",
        "q",
        "kind",
        "status",
        "priority",
        "category",
        "assignee",
        "unassigned",
        "overdue",
        "channel",
        "sla",
        "sort",
        "dir",
        "after",
        "before",
      ].map((key) => [key, undefined]),
    );

    updateQuery({ ...cleared, ...query });
  };

  const options = useQuery(InboxOptionsDocument, { languageCode: lang });
  const variables = inboxVariables(state, lang);
  const list = useQuery(InboxDocument, variables);
  const counts = useQuery(InboxCountsDocument, {
    all: tabFilter(state, "all"),
    open: tabFilter(state, "open"),
    waiting: tabFilter(state, "waiting"),
    closed: tabFilter(state, "closed"),
  });

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkAssignee, setBulkAssignee] = useState("");
  const [bulkUpdate, { busy }] = useMutation(TicketBulkUpdateDocument);
  const [findNextUnanswered] = useLazyQuery(NextUnansweredTicketDocument);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const listKey = JSON.stringify(variables);

  useEffect(() => {
    setSelected(new Set());
    setBulkError(null);
  }, [listKey]);

  const channels = useQuery(HelpdeskChannelsDocument, {});
  // The server sorts every column (ties by number); the page is shown as it comes.
  const rows = useMemo(
    () =>
      (list.data?.tickets?.edges ?? [])
        .map((edge) => edge?.node)
        .filter((node): node is Row => Boolean(node)),
    [list.data],
  );

  const agents = (options.data?.supportAgents ?? []).filter((agent) => agent.isActive);
  const agentOptions = agents.map((agent) => ({
    value: agent.user.id,
    label: personName(agent.user),
  }));

  const runBulk = async (input: TicketBulkUpdateInput) => {
    const ids = rows.filter((row) => selected.has(row.id)).map((row) => row.id);

    if (!ids.length) return;
    setBulkError(null);
    const result = await bulkUpdate({ ids, input });

    if (result.status === "done") {
      host.notify({
        status: "success",
        title: t("inbox.bulkDone", { count: result.payload.count }),
      });
      setSelected(new Set());
      await Promise.all([list.refetch(), counts.refetch()]);

      return;
    }
    setBulkError(t("inbox.bulkFailed", { message: result.problem }));
    // A refusal is also announced; a failed request shows only here.
    if (result.status === "refused")
      host.notify({ status: "error", title: t("inbox.bulkFailed", { message: result.problem }) });
  };

  const nextUnanswered = async () => {
    const result = await findNextUnanswered({});

    if (result.status === "failed") {
      host.notify({ status: "error", title: t("state.error", { message: result.problem }) });

      return;
    }
    const ticket = result.data.nextUnansweredTicket;

    if (ticket) navigate(`/tickets/${encodeURIComponent(ticket.id)}`);
    else host.notify({ status: "info", title: t("inbox.nothingWaiting") });
  };

  const onSort = (column: SortColumn) => {
    const dir =
      state.sort === column
        ? state.dir === "ASC"
          ? "DESC"
          : "ASC"
        : column === "title" || column === "customer"
        ? "ASC"
        : "DESC";

    setState({ sort: column, dir });
  };

  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const pageInfo = list.data?.tickets?.pageInfo;
  const filtersActive =
    JSON.stringify({
      ...state,
      tab: DEFAULT_STATE.tab,
      sort: DEFAULT_STATE.sort,
      dir: DEFAULT_STATE.dir,
      after: "",
      before: "",
    }) !== JSON.stringify(DEFAULT_STATE);

  return (
    <Box as="main" display="flex" flexDirection="column" gap={4} padding={6}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        gap={4}
        flexWrap="wrap"
      >
        <Text as="h1" size={9} fontWeight="bold">
          {t("inbox.title")}
        </Text>
        <Button onClick={nextUnanswered}>{t("inbox.nextUnanswered")}</Button>
      </Box>

      <Tabs state={state} counts={counts.data} onSelect={(tab) => setState({ tab })} i18n={i18n} />

      <Filters
        state={state}
        setState={setState}
        options={options.data}
        agentOptions={agentOptions}
        channels={channels.data?.helpdeskChannels ?? []}
        filtersActive={filtersActive}
      />

      {selected.size > 0 && (
        <Box
          role="region"
          aria-label={t("inbox.selected", { count: selected.size })}
          display="flex"
          gap={3}
          alignItems="flex-end"
          flexWrap="wrap"
          padding={3}
          borderRadius={3}
          backgroundColor="default2"
        >
          <Text fontWeight="medium">{t("inbox.selected", { count: selected.size })}</Text>
          <Button variant="secondary" disabled={busy} onClick={() => runBulk({ close: true })}>
            {t("inbox.bulkClose")}
          </Button>
          <SelectField
            label={t("inbox.bulkAssign")}
            value={bulkAssignee}
            onChange={setBulkAssignee}
            options={agentOptions}
            placeholder="—"
          />
          <Button
            variant="secondary"
            disabled={busy || !bulkAssignee}
            onClick={() => runBulk({ assignee: bulkAssignee })}
          >
            {t("inbox.bulkAssignApply")}
          </Button>
          {bulkError && (
            <Text role="alert" color="critical1">
              {bulkError}
            </Text>
          )}
        </Box>
      )}

      {list.error && !list.data ? (
        <ErrorState message={list.error} onRetry={() => void list.refetch()} />
      ) : list.loading && !list.data ? (
        <Loading rows={6} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("inbox.empty")} hint={t("inbox.emptyHint")} />
      ) : (
        <Box display="flex" flexDirection="column" gap={2}>
          {list.error && <ErrorState message={list.error} onRetry={() => void list.refetch()} />}
          <Box overflow="auto" aria-busy={list.loading}>
            <Box as="table" __width="100%" __borderCollapse="collapse">
              <VisuallyHiddenCaption
                text={t("inbox.total", { count: list.data?.tickets?.totalCount ?? rows.length })}
              />
              <thead>
                <tr>
                  <Th>
                    <Checkbox
                      aria-label={t("inbox.selectAll")}
                      checked={allSelected}
                      onCheckedChange={(checked) =>
                        setSelected(
                          checked === true ? new Set(rows.map((row) => row.id)) : new Set(),
                        )
                      }
                    />
                  </Th>
                  {COLUMNS.map((column) => (
                    <SortHeader
                      key={column.key}
                      label={t(column.label)}
                      active={state.sort === column.key}
                      dir={state.dir}
                      onSort={() => onSort(column.key)}
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <TicketRowView
                    key={row.id}
                    row={row}
                    selected={selected.has(row.id)}
                    onSelect={(on) =>
                      setSelected((current) => {
                        const next = new Set(current);

                        if (on) next.add(row.id);
                        else next.delete(row.id);

                        return next;
                      })
                    }
                  />
                ))}
              </tbody>
            </Box>
          </Box>
          <Box display="flex" justifyContent="space-between" alignItems="center">
            <Text size={2} color="default2">
              {t("inbox.total", { count: list.data?.tickets?.totalCount ?? rows.length })}
            </Text>
            <Box as="nav" aria-label="Pagination" display="flex" gap={2}>
              <Button
                variant="secondary"
                disabled={
                  !(state.after || state.before) || (!pageInfo?.hasPreviousPage && !state.after)
                }
                onClick={() =>
                  setState({ before: pageInfo?.startCursor ?? "", after: "" }, { keepPage: true })
                }
              >
                {t("inbox.prev")}
              </Button>
              <Button
                variant="secondary"
                disabled={!pageInfo?.hasNextPage && !state.before}
                onClick={() =>
                  setState({ after: pageInfo?.endCursor ?? "", before: "" }, { keepPage: true })
                }
              >
                {t("inbox.next")}
              </Button>
            </Box>
          </Box>
        </Box>
      )}
    </Box>
  );
}

function VisuallyHiddenCaption({ text }: { text: string }) {
  return (
    <caption>
      <VisuallyHidden>{text}</VisuallyHidden>
    </caption>
  );
}

function Th({ children }: { children: React.ReactNode }) {
  return (
    <Box
      as="th"
      textAlign="left"
      paddingX={2}
      paddingY={2}
      borderBottomStyle="solid"
      borderBottomWidth={1}
      borderColor="default1"
      whiteSpace="nowrap"
    >
      {children}
    </Box>
  );
}

function SortHeader({
  label,
  active,
  dir,
  onSort,
}: {
  label: string;
  active: boolean;
  dir: "ASC" | "DESC";
  onSort: () => void;
}) {
  const { t } = useI18n();

  return (
    <Box
      as="th"
      aria-sort={active ? (dir === "ASC" ? "ascending" : "descending") : "none"}
      textAlign="left"
      paddingX={2}
      paddingY={2}
      borderBottomStyle="solid"
      borderBottomWidth={1}
      borderColor="default1"
      whiteSpace="nowrap"
    >
      <Button
        variant="tertiary"
        size="small"
        onClick={onSort}
        title={t("inbox.sortBy", { column: label })}
      >
        {label}
        {active ? (dir === "ASC" ? " ▲" : " ▼") : ""}
      </Button>
    </Box>
  );
}

function Td({ children }: { children: React.ReactNode }) {
  return (
    <Box
      as="td"
      paddingX={2}
      paddingY={2}
      borderBottomStyle="solid"
      borderBottomWidth={1}
      borderColor="default1"
    >
      {children}
    </Box>
  );
}

function TicketRowView({
  row,
  selected,
  onSelect,
}: {
  row: Row;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const { t, formatDate, label } = useI18n();
  const href = `#/tickets/${encodeURIComponent(row.id)}`;
  const open = () => navigate(`/tickets/${encodeURIComponent(row.id)}`);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter") open();
  };

  return (
    <Box
      as="tr"
      data-testid="ticket-row"
      tabIndex={0}
      onKeyDown={onKeyDown}
      backgroundColor={selected ? "default1Hovered" : undefined}
    >
      <Td>
        <Checkbox
          aria-label={t("inbox.selectTicket", { number: row.number })}
          checked={selected}
          onCheckedChange={(checked) => onSelect(checked === true)}
        />
      </Td>
      <Td>
        <a href={href}>#{row.number}</a>
      </Td>
      <Td>
        <Box display="flex" flexDirection="column" gap={0.5}>
          <a href={href}>{row.subject}</a>
          <Text size={1} color="default2">
            {label("kind", row.kind)}
            {row.isOverdue ? ` · ${t("inbox.overdue")}` : ""}
          </Text>
        </Box>
      </Td>
      <Td>
        <Text size={3}>{row.customerName || row.customerEmail}</Text>
      </Td>
      <Td>
        <StatusChip group={row.status.group} name={row.status.name} />
      </Td>
      <Td>{row.priority ? <Chip>{row.priority.name}</Chip> : "—"}</Td>
      <Td>
        {row.assignee ? (
          personName(row.assignee)
        ) : (
          <Text color="default2">{t("inbox.unassigned")}</Text>
        )}
      </Td>
      <Td>{row.channel?.name ?? "—"}</Td>
      <Td>
        <time dateTime={row.createdAt}>{formatDate(row.createdAt)}</time>
      </Td>
      <Td>
        <time dateTime={row.lastActivityAt}>{formatDate(row.lastActivityAt)}</time>
      </Td>
      <Td>
        <SlaDue dueAt={row.slaDueAt} state={row.slaState} />
      </Td>
    </Box>
  );
}

function Tabs({
  state,
  counts,
  onSelect,
  i18n,
}: {
  state: InboxState;
  counts:
    | {
        all?: { totalCount?: number | null } | null;
        open?: { totalCount?: number | null } | null;
        waiting?: { totalCount?: number | null } | null;
        closed?: { totalCount?: number | null } | null;
      }
    | undefined;
  onSelect: (tab: Tab) => void;
  i18n: I18n;
}) {
  const { t } = i18n;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;

    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + TABS.length) % TABS.length;

    refs.current[next]?.focus();
    onSelect(TABS[next]!);
  };

  return (
    <Box
      role="tablist"
      aria-label={t("inbox.tabs")}
      display="flex"
      gap={1}
      borderBottomStyle="solid"
      borderBottomWidth={1}
      borderColor="default1"
    >
      {TABS.map((tab, index) => {
        const active = state.tab === tab;
        const count = counts?.[tab]?.totalCount;

        return (
          <Button
            key={tab}
            ref={(element: HTMLButtonElement | null) => {
              refs.current[index] = element;
            }}
            role="tab"
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            variant={active ? "primary" : "tertiary"}
            onClick={() => onSelect(tab)}
            onKeyDown={(event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index)}
          >
            {t(TAB_LABELS[tab])}
            <span data-testid={`tab-count-${tab}`}> ({count ?? "…"})</span>
          </Button>
        );
      })}
    </Box>
  );
}

function Filters({
  state,
  setState,
  options,
  agentOptions,
  channels,
  filtersActive,
}: {
  state: InboxState;
  setState: (changes: Partial<InboxState>) => void;
  options: InboxOptionsQuery | undefined;
  agentOptions: Array<{ value: string; label: string }>;
  channels: ReadonlyArray<{ id: string; name: string }>;
  filtersActive: boolean;
}) {
  const { t, label } = useI18n();
  const [search, setSearch] = useState(state.search);

  useEffect(() => setSearch(state.search), [state.search]);
  const any = t("inbox.filter.any");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ search });
  };
  const channelOptions = channels.map((channel) => ({ value: channel.id, label: channel.name }));

  // A channel from the URL that is not (or not yet) in the list stays selectable.
  if (state.channel && !channels.some((channel) => channel.id === state.channel))
    channelOptions.push({ value: state.channel, label: state.channel });
  const categories = (options?.ticketCategories ?? []).filter(
    (c) => !state.kind || c.kind === state.kind,
  );

  return (
    <Box as="section" aria-label={t("inbox.filters")} display="flex" flexDirection="column" gap={3}>
      <Box as="form" role="search" onSubmit={submit} display="flex" gap={2} alignItems="flex-end">
        <Box __flex="1">
          <Input
            label={t("inbox.search")}
            placeholder={t("inbox.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </Box>
        <Button type="submit" variant="secondary">
          {t("inbox.search")}
        </Button>
      </Box>
      <Box display="flex" gap={3} flexWrap="wrap" alignItems="flex-end">
        <SelectField
          label={t("inbox.filter.kind")}
          value={state.kind}
          placeholder={any}
          options={KINDS.map((kind) => ({ value: kind, label: label("kind", kind) }))}
          onChange={(value) => setState({ kind: value as InboxState["kind"], category: "" })}
        />
        <SelectField
          label={t("inbox.filter.status")}
          value={state.status}
          placeholder={any}
          options={(options?.ticketStatuses ?? []).map((s) => ({ value: s.slug, label: s.name }))}
          onChange={(value) => setState({ status: value })}
        />
        <SelectField
          label={t("inbox.filter.priority")}
          value={state.priority}
          placeholder={any}
          options={(options?.ticketPriorities ?? []).map((p) => ({ value: p.slug, label: p.name }))}
          onChange={(value) => setState({ priority: value })}
        />
        <TagFilter value={state.tag} onChange={(value) => setState({ tag: value })} />
        <SelectField
          label={t("inbox.filter.category")}
          value={state.category}
          placeholder={any}
          options={categories.map((c) => ({
            value: c.id,
            label: state.kind ? c.name : `${c.name} (${label("kind", c.kind)})`,
          }))}
          onChange={(value) => setState({ category: value })}
        />
        <SelectField
          label={t("inbox.filter.assignee")}
          value={state.assignee}
          placeholder={any}
          options={agentOptions}
          onChange={(value) => setState({ assignee: value })}
        />
        <SelectField
          label={t("inbox.filter.channel")}
          value={state.channel}
          placeholder={any}
          options={channelOptions}
          onChange={(value) => setState({ channel: value })}
        />
        <SelectField
          label={t("sla.inbox.filter")}
          value={state.sla}
          placeholder={any}
          options={SLA_STATES.map((value) => ({ value, label: t(`sla.state.${value}`) }))}
          onChange={(value) => setState({ sla: value as InboxState["sla"] })}
        />
        <Checkbox
          checked={state.unassigned}
          onCheckedChange={(checked) => setState({ unassigned: checked === true })}
        >
          <Text size={3}>{t("inbox.filter.unassigned")}</Text>
        </Checkbox>
        <Checkbox
          checked={state.overdue}
          onCheckedChange={(checked) => setState({ overdue: checked === true })}
        >
          <Text size={3}>{t("inbox.filter.overdue")}</Text>
        </Checkbox>
        {filtersActive && (
          <Button
            variant="tertiary"
            onClick={() =>
              setState({
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
              })
            }
          >
            {t("inbox.filter.clear")}
          </Button>
        )}
      </Box>
    </Box>
  );
}
