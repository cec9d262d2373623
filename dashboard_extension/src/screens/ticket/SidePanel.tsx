import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { useMutation } from "../../api/useMutation";
import {
  TicketAssignDocument,
  TicketUnassignDocument,
  TicketUpdateDocument,
  type TicketUpdateInput,
  UpdateTicketStatusDocument,
} from "../../generated/graphql";
import { useI18n } from "../../i18n";
import { personName } from "../../ui/chips";
import { Field, Section, SelectField } from "../../ui/fields";
import { SaveStatus } from "../../ui/StateViews";
import { useSaver } from "../../ui/useSaver";
import type { Options, Ticket } from "./types";

/** ISO date-time → the value of an <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");

  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** The local input value → an ISO date-time with the time zone (the API needs one). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Status, priority, category, due date, assignee and CC: each change is saved on its own
 * and its outcome shown next to it; a refused change keeps what was chosen or typed.
 */
export function SidePanel({
  ticket,
  options,
  onChanged,
}: {
  ticket: Ticket;
  options: Options | undefined;
  onChanged: () => void;
}) {
  const { t, label, formatDate } = useI18n();
  const [updateTicket] = useMutation(TicketUpdateDocument);
  const [updateStatus] = useMutation(UpdateTicketStatusDocument);
  const [assign] = useMutation(TicketAssignDocument);
  const [unassign] = useMutation(TicketUnassignDocument);

  const [status, setStatus] = useState(ticket.status.id);
  const [priority, setPriority] = useState(ticket.priority?.id ?? "");
  const [category, setCategory] = useState(ticket.category?.id ?? "");
  const [assignee, setAssignee] = useState(ticket.assignee?.id ?? "");
  const [due, setDue] = useState(toLocalInput(ticket.dueDate));
  const [cc, setCc] = useState((ticket.ccEmails ?? []).join(", "));

  useEffect(() => setStatus(ticket.status.id), [ticket.status.id]);
  useEffect(() => setPriority(ticket.priority?.id ?? ""), [ticket.priority?.id]);
  useEffect(() => setCategory(ticket.category?.id ?? ""), [ticket.category?.id]);
  useEffect(() => setAssignee(ticket.assignee?.id ?? ""), [ticket.assignee?.id]);

  const [statusSave, saveStatus] = useSaver();
  const [prioritySave, savePriority] = useSaver();
  const [categorySave, saveCategory] = useSaver();
  const [assigneeSave, saveAssignee] = useSaver();
  const [dueSave, saveDue] = useSaver();
  const [ccSave, saveCc] = useSaver();

  /** A change's problem (null: saved, and the page reloads the ticket). */
  const changed = ({ problem }: { problem: string | null }) => {
    if (!problem) onChanged();

    return problem;
  };
  const update = async (input: TicketUpdateInput) =>
    changed(await updateTicket({ id: ticket.id, input }));

  const statuses = (options?.ticketStatuses ?? []).filter(
    (s) => s.isActive || s.id === ticket.status.id,
  );

  if (!statuses.some((s) => s.id === ticket.status.id))
    statuses.push({ ...ticket.status, isActive: true, position: -1 });
  const priorities = options?.ticketPriorities ?? [];
  const categories = (options?.ticketCategories ?? []).filter(
    (c) => c.kind === ticket.kind && (c.isActive || c.id === ticket.category?.id),
  );
  const agents = (options?.supportAgents ?? []).filter(
    (a) => a.isActive || a.user.id === ticket.assignee?.id,
  );
  const agentOptions = agents.map((a) => ({ value: a.user.id, label: personName(a.user) }));

  if (ticket.assignee && !agentOptions.some((o) => o.value === ticket.assignee!.id)) {
    agentOptions.push({ value: ticket.assignee.id, label: personName(ticket.assignee) });
  }

  return (
    <Section title={t("panel.details")}>
      <Box display="flex" flexDirection="column" gap={1}>
        <SelectField
          label={t("panel.status")}
          value={status}
          options={statuses.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(value) => {
            setStatus(value);
            void saveStatus(async () =>
              changed(await updateStatus({ id: ticket.id, status: value })),
            );
          }}
        />
        <SaveStatus state={statusSave} />
      </Box>
      <Box display="flex" flexDirection="column" gap={1}>
        <SelectField
          label={t("panel.priority")}
          value={priority}
          placeholder={priority ? undefined : "—"}
          options={priorities.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(value) => {
            setPriority(value);
            void savePriority(() => update({ priority: value }));
          }}
        />
        <SaveStatus state={prioritySave} />
      </Box>
      <Box display="flex" flexDirection="column" gap={1}>
        <SelectField
          label={t("panel.category")}
          value={category}
          placeholder={t("panel.noCategory")}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(value) => {
            setCategory(value);
            void saveCategory(() => update({ category: value || null }));
          }}
        />
        <SaveStatus state={categorySave} />
      </Box>
      <Box display="flex" flexDirection="column" gap={1}>
        <SelectField
          label={t("panel.assignee")}
          value={assignee}
          placeholder={t("panel.nobody")}
          options={agentOptions}
          onChange={(value) => {
            setAssignee(value);
            void saveAssignee(async () =>
              changed(
                value
                  ? await assign({ id: ticket.id, assignee: value })
                  : await unassign({ id: ticket.id }),
              ),
            );
          }}
        />
        <SaveStatus state={assigneeSave} />
      </Box>
      <Box
        as="form"
        display="flex"
        flexDirection="column"
        gap={1}
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          void saveDue(() => update({ dueDate: fromLocalInput(due) }));
        }}
      >
        <Input
          type="datetime-local"
          label={t("panel.dueDate")}
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
        <Box display="flex" gap={2}>
          <Button type="submit" size="small" variant="secondary">
            {t("panel.save")}
          </Button>
          {ticket.dueDate && (
            <Button
              type="button"
              size="small"
              variant="tertiary"
              onClick={() => {
                setDue("");
                void saveDue(() => update({ dueDate: null }));
              }}
            >
              {t("panel.clearDueDate")}
            </Button>
          )}
        </Box>
        {ticket.isOverdue && (
          <Text size={2} color="critical1">
            {t("inbox.overdue")}
          </Text>
        )}
        <SaveStatus state={dueSave} />
      </Box>
      <Box
        as="form"
        display="flex"
        flexDirection="column"
        gap={1}
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          const emails = cc
            .split(/[,;\s]+/)
            .map((e) => e.trim())
            .filter(Boolean);

          void saveCc(() => update({ ccEmails: emails.length ? emails : null }));
        }}
      >
        <Input
          label={t("panel.cc")}
          helperText={t("panel.ccHint")}
          value={cc}
          onChange={(e) => setCc(e.target.value)}
        />
        <Box>
          <Button type="submit" size="small" variant="secondary">
            {t("panel.save")}
          </Button>
        </Box>
        <SaveStatus state={ccSave} />
      </Box>
      <Box display="flex" flexDirection="column" gap={1}>
        <Field label={t("panel.channel")}>{ticket.channel?.name ?? "—"}</Field>
        <Field label={t("panel.source")}>{ticket.source.toLowerCase()}</Field>
        <Field label={t("panel.language")}>{ticket.languageCode}</Field>
        <Field label={t("inbox.filter.kind")}>{label("kind", ticket.kind)}</Field>
        <Field label={t("panel.created")}>{formatDate(ticket.createdAt)}</Field>
        <Field label={t("panel.firstResponse")}>
          {ticket.firstResponseAt ? formatDate(ticket.firstResponseAt) : "—"}
        </Field>
      </Box>
    </Section>
  );
}
