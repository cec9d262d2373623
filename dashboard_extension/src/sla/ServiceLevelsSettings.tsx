import { Box, Input, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  HelpdeskChannelsDocument,
  InboxOptionsDocument,
  SettingsCalendarCreateDocument,
  SettingsCalendarDeleteDocument,
  SettingsCalendarUpdateDocument,
  SettingsServiceLevelsDocument,
  type SettingsServiceLevelsQuery,
  SettingsSlaPolicyCreateDocument,
  SettingsSlaPolicyDeleteDocument,
  SettingsSlaPolicyUpdateDocument,
  type TicketKindEnum,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import {
  CheckField,
  EntityEditor,
  parseOptionalInt,
  QueryView,
  TextAreaField,
  yesNo,
} from "../settings/common";
import { SelectField } from "../ui/fields";
import { formatBusinessMinutes, unitsOf } from "./format";
import { formatHours, parseDates, parseHours } from "./hours";

type Data = SettingsServiceLevelsQuery;
type Calendar = NonNullable<Data["businessCalendars"]>[number];
type Policy = NonNullable<Data["slaPolicies"]>[number];

type CalendarForm = {
  name: string;
  timeZone: string;
  hours: string;
  country: string;
  subdivision: string;
  closedDates: string;
  isDefault: boolean;
  channels: string[];
};

type PolicyForm = {
  name: string;
  position: string;
  isActive: boolean;
  priority: string;
  channel: string;
  kind: TicketKindEnum | "";
  firstResponse: string;
  nextResponse: string;
  resolution: string;
  atRisk: string;
};

const KINDS: TicketKindEnum[] = [
  "QUESTION",
  "COMPLAINT",
  "REFUND_REQUEST",
  "ORDER_PROBLEM",
  "OTHER",
];

/** Settings → Service levels: business calendars and SLA policies (MANAGE_PLUGINS). */
export function ServiceLevelsSettings() {
  const query = useQuery(SettingsServiceLevelsDocument, {});

  return (
    <QueryView query={query}>
      {(data) => (
        <Box display="flex" flexDirection="column" gap={6}>
          <CalendarsEditor data={data} onSaved={() => void query.refetch()} />
          <PoliciesEditor data={data} onSaved={() => void query.refetch()} />
        </Box>
      )}
    </QueryView>
  );
}

function CalendarsEditor({ data, onSaved }: { data: Data; onSaved: () => void }) {
  const { t, lang, formatDate } = useI18n();
  const channels = useQuery(HelpdeskChannelsDocument, {});
  const [create] = useMutation(SettingsCalendarCreateDocument);
  const [update] = useMutation(SettingsCalendarUpdateDocument);
  const [remove] = useMutation(SettingsCalendarDeleteDocument);
  const countries = data.slaHolidayCountries ?? [];
  const allChannels = channels.data?.helpdeskChannels ?? [];

  return (
    <EntityEditor<Calendar, CalendarForm>
      title={t("sla.settings.calendars")}
      intro={t("sla.settings.calendarsIntro")}
      addLabel={t("sla.settings.addCalendar")}
      emptyText={t("sla.settings.noCalendars")}
      items={data.businessCalendars ?? []}
      itemName={(c) => c.name}
      columns={[
        {
          header: t("settings.name"),
          cell: (c) => (c.isDefault ? `${c.name} (${t("sla.settings.default")})` : c.name),
        },
        { header: t("sla.settings.timeZone"), cell: (c) => c.timeZone },
        {
          header: t("sla.settings.hours"),
          cell: (c) => <span style={{ whiteSpace: "pre-line" }}>{formatHours(c.hours, lang)}</span>,
        },
        {
          header: t("sla.settings.country"),
          cell: (c) => [c.holidayCountry, c.holidaySubdivision].filter(Boolean).join(" / ") || "—",
        },
        {
          header: t("sla.settings.closedDates"),
          cell: (c) => c.closedDates.map((d) => formatDate(d)).join(", ") || "—",
        },
        {
          header: t("sla.settings.channels"),
          cell: (c) => c.channels.map((ch) => ch.name).join(", ") || "—",
        },
      ]}
      blank={() => ({
        name: "",
        timeZone: "Europe/Berlin",
        hours: formatHours(
          ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"].map((weekday) => ({
            weekday: weekday as Calendar["hours"][number]["weekday"],
            start: "09:00",
            end: "17:00",
          })),
          lang,
        ),
        country: "",
        subdivision: "",
        closedDates: "",
        isDefault: (data.businessCalendars ?? []).length === 0,
        channels: [],
      })}
      fromItem={(c) => ({
        name: c.name,
        timeZone: c.timeZone,
        hours: formatHours(c.hours, lang),
        country: c.holidayCountry,
        subdivision: c.holidaySubdivision,
        closedDates: c.closedDates.join("\n"),
        isDefault: c.isDefault,
        channels: c.channels.map((ch) => ch.id),
      })}
      renderForm={(form, set) => {
        const subdivisions = countries.find((c) => c.code === form.country)?.subdivisions ?? [];

        return (
          <>
            <Input
              label={t("settings.name")}
              required
              value={form.name}
              onChange={(e) => set({ name: e.target.value })}
            />
            <Input
              label={t("sla.settings.timeZone")}
              value={form.timeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
            />
            <TextAreaField
              label={t("sla.settings.hours")}
              hint={t("sla.settings.hoursHint")}
              value={form.hours}
              onChange={(hours) => set({ hours })}
            />
            <SelectField
              label={t("sla.settings.country")}
              value={form.country}
              placeholder="—"
              options={countries.map((c) => ({ value: c.code, label: c.code }))}
              onChange={(country) => set({ country, subdivision: "" })}
            />
            {subdivisions.length > 0 && (
              <SelectField
                label={t("sla.settings.subdivision")}
                value={form.subdivision}
                placeholder="—"
                options={subdivisions.map((s) => ({ value: s, label: s }))}
                onChange={(subdivision) => set({ subdivision })}
              />
            )}
            <TextAreaField
              label={t("sla.settings.closedDates")}
              hint={t("sla.settings.closedDatesHint")}
              rows={3}
              value={form.closedDates}
              onChange={(closedDates) => set({ closedDates })}
            />
            <CheckField
              label={t("sla.settings.isDefault")}
              checked={form.isDefault}
              onChange={(isDefault) => set({ isDefault })}
            />
            {allChannels.length > 0 && (
              <Box display="flex" flexDirection="column" gap={1}>
                <Text size={2} color="default2">
                  {t("sla.settings.channels")}
                </Text>
                {allChannels.map((channel) => (
                  <CheckField
                    key={channel.id}
                    label={channel.name}
                    checked={form.channels.includes(channel.id)}
                    onChange={(on) =>
                      set({
                        channels: on
                          ? [...form.channels, channel.id]
                          : form.channels.filter((id) => id !== channel.id),
                      })
                    }
                  />
                ))}
              </Box>
            )}
          </>
        );
      }}
      save={async (form, item) => {
        const hours = parseHours(form.hours);

        if (hours.bad) return t("sla.settings.badHours", { line: hours.bad });
        const input = {
          name: form.name.trim(),
          timeZone: form.timeZone.trim(),
          hours: hours.intervals,
          holidayCountry: form.country,
          holidaySubdivision: form.subdivision,
          closedDates: parseDates(form.closedDates),
          isDefault: form.isDefault,
          channels: form.channels,
        };

        if (item) return (await update({ id: item.id, input })).problem;

        return (await create({ input })).problem;
      }}
      remove={async (c) => (await remove({ id: c.id })).problem}
      onSaved={onSaved}
    />
  );
}

function PoliciesEditor({ data, onSaved }: { data: Data; onSaved: () => void }) {
  const { t, lang, label } = useI18n();
  const options = useQuery(InboxOptionsDocument, { languageCode: lang });
  const channels = useQuery(HelpdeskChannelsDocument, {});
  const [create] = useMutation(SettingsSlaPolicyCreateDocument);
  const [update] = useMutation(SettingsSlaPolicyUpdateDocument);
  const [remove] = useMutation(SettingsSlaPolicyDeleteDocument);
  const units = unitsOf(t);
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : formatBusinessMinutes(value, units);
  const text = (value: number | null | undefined) =>
    value === null || value === undefined ? "" : String(value);
  const any = t("sla.settings.any");

  return (
    <EntityEditor<Policy, PolicyForm>
      title={t("sla.settings.policies")}
      intro={t("sla.settings.policiesIntro")}
      addLabel={t("sla.settings.addPolicy")}
      emptyText={t("sla.settings.noPolicies")}
      items={data.slaPolicies ?? []}
      itemName={(p) => p.name}
      columns={[
        { header: t("settings.position"), cell: (p) => p.position },
        { header: t("settings.name"), cell: (p) => p.name },
        {
          header: t("sla.settings.priority"),
          cell: (p) =>
            [p.priority?.name, p.channel?.name, p.kind ? label("kind", p.kind) : null]
              .filter(Boolean)
              .join(", ") || any,
        },
        { header: t("sla.metric.FIRST_RESPONSE"), cell: (p) => minutes(p.firstResponseMinutes) },
        { header: t("sla.metric.NEXT_RESPONSE"), cell: (p) => minutes(p.nextResponseMinutes) },
        { header: t("sla.metric.RESOLUTION"), cell: (p) => minutes(p.resolutionMinutes) },
        { header: t("settings.isActive"), cell: (p) => yesNo(t, p.isActive) },
      ]}
      blank={() => ({
        name: "",
        position: "",
        isActive: true,
        priority: "",
        channel: "",
        kind: "",
        firstResponse: "240",
        nextResponse: "",
        resolution: "",
        atRisk: "80",
      })}
      fromItem={(p) => ({
        name: p.name,
        position: String(p.position),
        isActive: p.isActive,
        priority: p.priority?.id ?? "",
        channel: p.channel?.id ?? "",
        kind: p.kind ?? "",
        firstResponse: text(p.firstResponseMinutes),
        nextResponse: text(p.nextResponseMinutes),
        resolution: text(p.resolutionMinutes),
        atRisk: String(p.atRiskPercent),
      })}
      renderForm={(form, set) => (
        <>
          <Input
            label={t("settings.name")}
            required
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
          />
          <SelectField
            label={t("sla.settings.priority")}
            value={form.priority}
            placeholder={any}
            options={(options.data?.ticketPriorities ?? []).map((p) => ({
              value: p.id,
              label: p.name,
            }))}
            onChange={(priority) => set({ priority })}
          />
          <SelectField
            label={t("sla.settings.channels")}
            value={form.channel}
            placeholder={any}
            options={(channels.data?.helpdeskChannels ?? []).map((c) => ({
              value: c.id,
              label: c.name,
            }))}
            onChange={(channel) => set({ channel })}
          />
          <SelectField
            label={t("inbox.filter.kind")}
            value={form.kind}
            placeholder={any}
            options={KINDS.map((kind) => ({ value: kind, label: label("kind", kind) }))}
            onChange={(kind) => set({ kind: kind as TicketKindEnum | "" })}
          />
          <Input
            label={t("sla.settings.firstResponse")}
            type="number"
            value={form.firstResponse}
            onChange={(e) => set({ firstResponse: e.target.value })}
          />
          <Input
            label={t("sla.settings.nextResponse")}
            type="number"
            value={form.nextResponse}
            onChange={(e) => set({ nextResponse: e.target.value })}
          />
          <Input
            label={t("sla.settings.resolution")}
            type="number"
            value={form.resolution}
            onChange={(e) => set({ resolution: e.target.value })}
          />
          <Input
            label={t("sla.settings.atRisk")}
            type="number"
            value={form.atRisk}
            onChange={(e) => set({ atRisk: e.target.value })}
          />
          <Input
            label={t("settings.position")}
            type="number"
            value={form.position}
            onChange={(e) => set({ position: e.target.value })}
          />
          <CheckField
            label={t("settings.isActive")}
            checked={form.isActive}
            onChange={(isActive) => set({ isActive })}
          />
        </>
      )}
      save={async (form, item) => {
        const numbers = {
          firstResponseMinutes: ["sla.settings.firstResponse", form.firstResponse],
          nextResponseMinutes: ["sla.settings.nextResponse", form.nextResponse],
          resolutionMinutes: ["sla.settings.resolution", form.resolution],
          atRiskPercent: ["sla.settings.atRisk", form.atRisk],
          position: ["settings.position", form.position],
        } as const;
        const parsed: Record<string, number | null> = {};

        for (const [name, [key, value]] of Object.entries(numbers)) {
          const number = parseOptionalInt(value);

          if (Number.isNaN(number)) return t("settings.invalidNumber", { field: t(key) });
          parsed[name] = number;
        }
        const input = {
          name: form.name.trim(),
          isActive: form.isActive,
          priority: form.priority || null,
          channel: form.channel || null,
          kind: form.kind || null,
          firstResponseMinutes: parsed.firstResponseMinutes,
          nextResponseMinutes: parsed.nextResponseMinutes,
          resolutionMinutes: parsed.resolutionMinutes,
          atRiskPercent: parsed.atRiskPercent ?? 80,
          ...(parsed.position === null ? {} : { position: parsed.position }),
        };

        if (item) return (await update({ id: item.id, input })).problem;

        return (await create({ input })).problem;
      }}
      remove={async (p) => (await remove({ id: p.id })).problem}
      onSaved={onSaved}
    />
  );
}
