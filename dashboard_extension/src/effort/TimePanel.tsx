import { Box, Button, Chip, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  TicketPointsSetDocument,
  TicketTimeDocument,
  TicketTimeEntryAddDocument,
  TicketTimeEntryDeleteDocument,
  type TicketTimeQuery,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { Field, Section } from "../ui/fields";
import { ErrorState } from "../ui/StateViews";
import { formatDuration, shownSeconds } from "./heartbeat";
import { type Tracked, useHeartbeat } from "./useHeartbeat";

type Contract = NonNullable<NonNullable<TicketTimeQuery["ticketTime"]>["contract"]>;

/** "2025-03-01" (a date input's value) → the start of that day, local time, as ISO. */
export function dayStart(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T09:00:00`);

  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The ticket page's time panel: the running timer, totals, manual entries, the contract. */
export function TimePanel({ ticketId }: { ticketId: string }) {
  const tracked = useHeartbeat(ticketId);

  return <TimePanelView ticketId={ticketId} tracked={tracked} />;
}

export function TimePanelView({ ticketId, tracked }: { ticketId: string; tracked: Tracked }) {
  const { t, formatDate } = useI18n();
  const host = useHost();
  const time = useQuery(TicketTimeDocument, { ticket: ticketId });
  const [addEntry, adding] = useMutation(TicketTimeEntryAddDocument);
  const [deleteEntry] = useMutation(TicketTimeEntryDeleteDocument);
  const [minutes, setMinutes] = useState("");
  const [day, setDay] = useState("");
  const [note, setNote] = useState("");
  const [now, setNow] = useState(() => Date.now());

  // The timer moves every second between beats while the server counts.
  useEffect(() => {
    if (!tracked?.tracking) return;
    const handle = window.setInterval(() => setNow(Date.now()), 1000);

    return () => window.clearInterval(handle);
  }, [tracked?.tracking]);

  const data = time.data?.ticketTime;
  const refresh = () => void time.refetch();

  const log = async () => {
    const result = await addEntry({
      ticket: ticketId,
      input: { minutes: Number(minutes), note, startedAt: dayStart(day) },
    });

    if (result.problem) {
      host.notify({ status: "error", title: t("effort.logFailed", { message: result.problem }) });
    } else {
      host.notify({ status: "success", title: t("effort.logged") });
      setMinutes("");
      setNote("");
      refresh();
    }
  };

  const remove = async (id: string) => {
    const result = await deleteEntry({ id });

    if (result.problem)
      host.notify({ status: "error", title: t("state.saveFailed", { message: result.problem }) });
    else {
      host.notify({ status: "success", title: t("effort.removed") });
      refresh();
    }
  };

  return (
    <Section title={t("effort.title")}>
      <Field label={t("effort.you")}>
        <Box display="flex" flexDirection="column">
          <Text size={6} fontWeight="bold" data-testid="own-time">
            {formatDuration(shownSeconds(tracked, now))}
          </Text>
          <Text size={2} color="default2">
            {tracked?.tracking ? t("effort.tracking") : t("effort.paused")}
          </Text>
        </Box>
      </Field>
      {time.error && !data && <ErrorState message={time.error} onRetry={refresh} />}
      {data && (
        <>
          <Field label={t("effort.total")}>
            <span data-testid="total-time">{formatDuration(data.totalSeconds)}</span>
          </Field>
          <Text as="h3" size={3} fontWeight="bold">
            {t("effort.perPerson")}
          </Text>
          {data.people.length ? (
            <Box as="ul" padding={0} margin={0} style={{ listStyle: "none" }}>
              {data.people.map((person) => (
                <Box
                  as="li"
                  key={person.user?.id ?? "deleted"}
                  display="flex"
                  justifyContent="space-between"
                >
                  <Text size={2}>
                    {person.user ? personName(person.user) : t("effort.deletedUser")}
                  </Text>
                  <Text size={2}>{formatDuration(person.seconds)}</Text>
                </Box>
              ))}
            </Box>
          ) : (
            <Text size={2} color="default2">
              {t("effort.nobody")}
            </Text>
          )}
          {data.contract && (
            <ContractBudget
              contract={data.contract}
              points={data.points}
              ticketId={ticketId}
              onChanged={refresh}
            />
          )}
          {data.entries.length > 0 && (
            <details>
              <summary>
                {t("effort.entries")} ({data.entries.length})
              </summary>
              <Box as="ul" padding={0} margin={0} style={{ listStyle: "none" }}>
                {data.entries.map((entry) => (
                  <Box
                    as="li"
                    key={entry.id}
                    display="flex"
                    justifyContent="space-between"
                    gap={2}
                    alignItems="center"
                  >
                    <Text size={2}>
                      {formatDate(entry.startedAt)} · {formatDuration(entry.seconds)} ·{" "}
                      {t(
                        entry.source === "MANUAL"
                          ? "effort.source.MANUAL"
                          : "effort.source.AUTOMATIC",
                      )}
                      {entry.note ? ` · ${entry.note}` : ""}
                    </Text>
                    {entry.source === "MANUAL" && (
                      <Button
                        size="small"
                        variant="tertiary"
                        aria-label={t("effort.removeEntry", {
                          minutes: Math.round(entry.seconds / 60),
                        })}
                        onClick={() => void remove(entry.id)}
                      >
                        {t("effort.remove")}
                      </Button>
                    )}
                  </Box>
                ))}
              </Box>
            </details>
          )}
        </>
      )}
      <Box
        as="form"
        display="flex"
        flexDirection="column"
        gap={2}
        aria-label={t("effort.logTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          void log();
        }}
      >
        <Text as="h3" size={3} fontWeight="bold">
          {t("effort.logTitle")}
        </Text>
        <Box display="flex" gap={2}>
          <Input
            label={t("effort.minutes")}
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <Input
            label={t("effort.date")}
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </Box>
        <Input label={t("effort.note")} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button type="submit" disabled={!minutes || adding.busy}>
          {t("effort.log")}
        </Button>
      </Box>
    </Section>
  );
}

function ContractBudget({
  contract,
  points,
  ticketId,
  onChanged,
}: {
  contract: Contract;
  points: string | null;
  ticketId: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [setPoints, saving] = useMutation(TicketPointsSetDocument);
  const [value, setValue] = useState(points ?? "");
  const unit = t(contract.unit === "POINTS" ? "effort.unit.POINTS" : "effort.unit.HOURS");

  const save = async () => {
    const result = await setPoints({ ticket: ticketId, points: value.trim() || null });

    if (result.problem)
      host.notify({ status: "error", title: t("state.saveFailed", { message: result.problem }) });
    else {
      host.notify({ status: "success", title: t("state.saved") });
      onChanged();
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="contract-budget">
      <Text as="h3" size={3} fontWeight="bold">
        {t("effort.contract", { name: contract.name })}
      </Text>
      <Box display="flex" gap={2} alignItems="center">
        <Text size={2}>
          {t("effort.remaining", {
            remaining: `${contract.remaining} ${unit}`,
            budget: `${contract.budget} ${unit}`,
          })}
        </Text>
        {contract.low && (
          <Chip backgroundColor="critical1">
            <Text size={2}>{t("effort.low")}</Text>
          </Chip>
        )}
      </Box>
      {contract.unit === "POINTS" && (
        <Box display="flex" gap={2} alignItems="flex-end">
          <Input
            label={t("effort.points")}
            helperText={t("effort.pointsHint", { points: contract.pointsPerTicket })}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <Button variant="secondary" disabled={saving.busy} onClick={() => void save()}>
            {t("effort.pointsSave")}
          </Button>
        </Box>
      )}
    </Box>
  );
}
