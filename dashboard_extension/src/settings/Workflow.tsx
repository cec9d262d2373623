import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsCategoriesDocument,
  type SettingsCategoriesQuery,
  SettingsCategoryCreateDocument,
  SettingsCategoryDeleteDocument,
  SettingsCategoryUpdateDocument,
  SettingsContactCreateDocument,
  SettingsContactDeleteDocument,
  SettingsContactsDocument,
  type SettingsContactsQuery,
  SettingsContactUpdateDocument,
  SettingsPrioritiesDocument,
  type SettingsPrioritiesQuery,
  SettingsPriorityCreateDocument,
  SettingsPriorityDeleteDocument,
  SettingsPriorityUpdateDocument,
  SettingsStatusCreateDocument,
  SettingsStatusDeleteDocument,
  SettingsStatusesDocument,
  type SettingsStatusesQuery,
  SettingsStatusUpdateDocument,
  SettingsTransitionCreateDocument,
  SettingsTransitionDeleteDocument,
  type TicketKindEnum,
  type TicketStatusGroupEnum,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { personName } from "../ui/chips";
import { Section, SelectField } from "../ui/fields";
import { SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import {
  cellStyle,
  CheckField,
  cleanTranslations,
  DeleteButton,
  EntityEditor,
  parseOptionalInt,
  QueryView,
  type Translation,
  TranslationsField,
  yesNo,
} from "./common";

export const GROUPS: TicketStatusGroupEnum[] = ["NEW", "OPEN", "WAITING", "CLOSED"];
export const KINDS: TicketKindEnum[] = [
  "QUESTION",
  "COMPLAINT",
  "REFUND_REQUEST",
  "ORDER_PROBLEM",
  "OTHER",
];

type Status = NonNullable<SettingsStatusesQuery["ticketStatuses"]>[number];
type StatusForm = {
  name: string;
  slug: string;
  group: TicketStatusGroupEnum;
  position: string;
  isActive: boolean;
  isInitial: boolean;
  isInternal: boolean;
  customerStatus: string;
  translations: Translation[];
};

export function StatusesSettings() {
  const { t, label } = useI18n();
  const [updateStatus] = useMutation(SettingsStatusUpdateDocument);
  const [createStatus] = useMutation(SettingsStatusCreateDocument);
  const [deleteStatus] = useMutation(SettingsStatusDeleteDocument);
  const query = useQuery(SettingsStatusesDocument, {});
  const refresh = () => void query.refetch();

  return (
    <QueryView query={query}>
      {(data) => {
        const statuses = data.ticketStatuses ?? [];

        return (
          <Box display="flex" flexDirection="column" gap={4}>
            <EntityEditor<Status, StatusForm>
              title={t("settings.statuses")}
              intro={t("settings.statusesIntro")}
              addLabel={t("settings.addStatus")}
              emptyText={t("settings.noStatuses")}
              items={statuses}
              itemName={(s) => s.name}
              columns={[
                { header: t("settings.name"), cell: (s) => s.name },
                { header: t("settings.slug"), cell: (s) => <code>{s.slug}</code> },
                { header: t("settings.group"), cell: (s) => label("group", s.group) },
                {
                  header: t("settings.flags"),
                  cell: (s) =>
                    [
                      s.isInitial && t("settings.isInitial"),
                      s.isInternal && t("settings.isInternal"),
                      !s.isActive && t("settings.inactive"),
                    ]
                      .filter(Boolean)
                      .join(", ") || "—",
                },
                { header: t("settings.position"), cell: (s) => s.position },
              ]}
              blank={() => ({
                name: "",
                slug: "",
                group: "OPEN",
                position: "",
                isActive: true,
                isInitial: false,
                isInternal: false,
                customerStatus: "",
                translations: [],
              })}
              fromItem={(s) => ({
                name: s.name,
                slug: s.slug,
                group: s.group,
                position: String(s.position),
                isActive: s.isActive,
                isInitial: s.isInitial,
                isInternal: s.isInternal,
                customerStatus: s.customerStatus?.id ?? "",
                translations: s.translations.map((tr) => ({ ...tr })),
              })}
              renderForm={(form, set, item) => (
                <>
                  <Input
                    label={t("settings.name")}
                    required
                    value={form.name}
                    onChange={(e) => set({ name: e.target.value })}
                  />
                  <Input
                    label={t("settings.slug")}
                    helperText={t("settings.slugHint")}
                    value={form.slug}
                    onChange={(e) => set({ slug: e.target.value })}
                  />
                  <SelectField
                    label={t("settings.group")}
                    value={form.group}
                    options={GROUPS.map((g) => ({ value: g, label: label("group", g) }))}
                    onChange={(v) => set({ group: v as TicketStatusGroupEnum })}
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
                    onChange={(v) => set({ isActive: v })}
                  />
                  <CheckField
                    label={t("settings.isInitial")}
                    checked={form.isInitial}
                    onChange={(v) => set({ isInitial: v })}
                  />
                  <CheckField
                    label={t("settings.isInternal")}
                    checked={form.isInternal}
                    onChange={(v) => set({ isInternal: v })}
                  />
                  {form.isInternal && (
                    <SelectField
                      label={t("settings.customerStatus")}
                      value={form.customerStatus}
                      placeholder="—"
                      options={statuses
                        .filter((s) => s.id !== item?.id && !s.isInternal)
                        .map((s) => ({ value: s.id, label: s.name }))}
                      onChange={(v) => set({ customerStatus: v })}
                    />
                  )}
                  <TranslationsField
                    value={form.translations}
                    onChange={(rows) => set({ translations: rows })}
                  />
                </>
              )}
              save={async (form, item) => {
                const position = parseOptionalInt(form.position);

                if (Number.isNaN(position))
                  return t("settings.invalidNumber", { field: t("settings.position") });
                const input = {
                  name: form.name.trim(),
                  slug: form.slug.trim() || undefined,
                  group: form.group,
                  position: position ?? undefined,
                  isActive: form.isActive,
                  isInitial: form.isInitial,
                  isInternal: form.isInternal,
                  customerStatus:
                    form.isInternal && form.customerStatus ? form.customerStatus : null,
                  translations: cleanTranslations(form.translations),
                };

                if (item) return (await updateStatus({ id: item.id, input })).problem;

                return (await createStatus({ input })).problem;
              }}
              remove={async (s) => (await deleteStatus({ id: s.id })).problem}
              onSaved={refresh}
            />
            <TransitionsEditor statuses={statuses} onChanged={refresh} />
          </Box>
        );
      }}
    </QueryView>
  );
}

/** Allowed moves between statuses: who may make each, add and delete (the API has no update). */
export function TransitionsEditor({
  statuses,
  onChanged,
}: {
  statuses: Status[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [createTransition] = useMutation(SettingsTransitionCreateDocument);
  const [deleteTransition] = useMutation(SettingsTransitionDeleteDocument);
  const host = useHost();
  const [source, setSource] = useState("");
  const [target, setTarget] = useState("");
  const [staff, setStaff] = useState(true);
  const [customer, setCustomer] = useState(false);
  const [system, setSystem] = useState(true);
  const [saveState, runSave] = useSaver();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const transitions = statuses.flatMap((s) => s.transitions ?? []);
  const options = statuses.map((s) => ({ value: s.id, label: s.name }));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(async () => {
      if (!source || !target) return t("settings.transitionPick");
      const result = await createTransition({
        input: {
          source,
          target,
          staffAllowed: staff,
          customerAllowed: customer,
          systemAllowed: system,
        },
      });

      return result.problem;
    });

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      setSource("");
      setTarget("");
      onChanged();
    }
  };

  return (
    <Section title={t("settings.transitions")}>
      <Text color="default2">{t("settings.transitionsIntro")}</Text>
      {deleteError && (
        <Text role="alert" color="critical1">
          {t("settings.deleteFailed", { message: deleteError })}
        </Text>
      )}
      {transitions.length === 0 ? (
        <Text>{t("settings.noTransitions")}</Text>
      ) : (
        <Box overflowX="auto">
          <table style={{ width: "100%", borderCollapse: "collapse" }}>
            <thead>
              <tr>
                {[
                  t("settings.from"),
                  t("settings.to"),
                  t("settings.staffAllowed"),
                  t("settings.customerAllowed"),
                  t("settings.systemAllowed"),
                  t("settings.actions"),
                ].map((h) => (
                  <th key={h} scope="col" style={cellStyle}>
                    <Text size={2} color="default2">
                      {h}
                    </Text>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {transitions.map((tr) => (
                <tr key={tr.id} data-testid="transition-row">
                  <td style={cellStyle}>{tr.source.name}</td>
                  <td style={cellStyle}>{tr.target.name}</td>
                  <td style={cellStyle}>{yesNo(t, tr.staffAllowed)}</td>
                  <td style={cellStyle}>{yesNo(t, tr.customerAllowed)}</td>
                  <td style={cellStyle}>{yesNo(t, tr.systemAllowed)}</td>
                  <td style={cellStyle}>
                    <DeleteButton
                      name={`${tr.source.name} → ${tr.target.name}`}
                      onDelete={async () => {
                        setDeleteError(null);
                        const { problem } = await deleteTransition({ id: tr.id });

                        if (problem) {
                          setDeleteError(problem);

                          return false;
                        }
                        onChanged();

                        return true;
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      )}
      <Box
        as="form"
        onSubmit={add}
        aria-label={t("settings.addTransition")}
        display="flex"
        flexWrap="wrap"
        gap={3}
        alignItems="flex-end"
      >
        <SelectField
          label={t("settings.from")}
          value={source}
          placeholder="—"
          options={options}
          onChange={setSource}
        />
        <SelectField
          label={t("settings.to")}
          value={target}
          placeholder="—"
          options={options}
          onChange={setTarget}
        />
        <CheckField label={t("settings.staffAllowed")} checked={staff} onChange={setStaff} />
        <CheckField
          label={t("settings.customerAllowed")}
          checked={customer}
          onChange={setCustomer}
        />
        <CheckField label={t("settings.systemAllowed")} checked={system} onChange={setSystem} />
        <Button type="submit" variant="secondary">
          {t("settings.addTransition")}
        </Button>
        <SaveStatus state={saveState} />
      </Box>
    </Section>
  );
}

type Priority = NonNullable<SettingsPrioritiesQuery["ticketPriorities"]>[number];
type PriorityForm = {
  name: string;
  slug: string;
  resolutionHours: string;
  position: string;
  isDefault: boolean;
  translations: Translation[];
};

export function PrioritiesSettings() {
  const { t } = useI18n();
  const [updatePriority] = useMutation(SettingsPriorityUpdateDocument);
  const [createPriority] = useMutation(SettingsPriorityCreateDocument);
  const [deletePriority] = useMutation(SettingsPriorityDeleteDocument);
  const query = useQuery(SettingsPrioritiesDocument, {});

  return (
    <QueryView query={query}>
      {(data) => (
        <EntityEditor<Priority, PriorityForm>
          title={t("settings.priorities")}
          addLabel={t("settings.addPriority")}
          emptyText={t("settings.noPriorities")}
          items={data.ticketPriorities ?? []}
          itemName={(p) => p.name}
          columns={[
            { header: t("settings.name"), cell: (p) => p.name },
            { header: t("settings.slug"), cell: (p) => <code>{p.slug}</code> },
            { header: t("settings.resolutionHours"), cell: (p) => p.resolutionHours ?? "—" },
            { header: t("settings.isDefault"), cell: (p) => yesNo(t, p.isDefault) },
            { header: t("settings.position"), cell: (p) => p.position },
          ]}
          blank={() => ({
            name: "",
            slug: "",
            resolutionHours: "",
            position: "",
            isDefault: false,
            translations: [],
          })}
          fromItem={(p) => ({
            name: p.name,
            slug: p.slug,
            resolutionHours: p.resolutionHours === null ? "" : String(p.resolutionHours),
            position: String(p.position),
            isDefault: p.isDefault,
            translations: p.translations.map((tr) => ({ ...tr })),
          })}
          renderForm={(form, set) => (
            <>
              <Input
                label={t("settings.name")}
                required
                value={form.name}
                onChange={(e) => set({ name: e.target.value })}
              />
              <Input
                label={t("settings.slug")}
                helperText={t("settings.slugHint")}
                value={form.slug}
                onChange={(e) => set({ slug: e.target.value })}
              />
              <Input
                label={t("settings.resolutionHours")}
                helperText={t("settings.resolutionHoursHint")}
                type="number"
                value={form.resolutionHours}
                onChange={(e) => set({ resolutionHours: e.target.value })}
              />
              <Input
                label={t("settings.position")}
                type="number"
                value={form.position}
                onChange={(e) => set({ position: e.target.value })}
              />
              <CheckField
                label={t("settings.isDefault")}
                checked={form.isDefault}
                onChange={(v) => set({ isDefault: v })}
              />
              <TranslationsField
                value={form.translations}
                onChange={(rows) => set({ translations: rows })}
              />
            </>
          )}
          save={async (form, item) => {
            const hours = parseOptionalInt(form.resolutionHours);
            const position = parseOptionalInt(form.position);

            if (Number.isNaN(hours))
              return t("settings.invalidNumber", { field: t("settings.resolutionHours") });
            if (Number.isNaN(position))
              return t("settings.invalidNumber", { field: t("settings.position") });
            const input = {
              name: form.name.trim(),
              slug: form.slug.trim() || undefined,
              resolutionHours: hours,
              position: position ?? undefined,
              isDefault: form.isDefault,
              translations: cleanTranslations(form.translations),
            };

            if (item) return (await updatePriority({ id: item.id, input })).problem;

            return (await createPriority({ input })).problem;
          }}
          remove={async (p) => (await deletePriority({ id: p.id })).problem}
          onSaved={() => void query.refetch()}
        />
      )}
    </QueryView>
  );
}

type Category = NonNullable<SettingsCategoriesQuery["ticketCategories"]>[number];
type CategoryForm = {
  kind: TicketKindEnum;
  name: string;
  slug: string;
  position: string;
  isActive: boolean;
  translations: Translation[];
};

export function CategoriesSettings() {
  const { t, label } = useI18n();
  const [updateCategory] = useMutation(SettingsCategoryUpdateDocument);
  const [createCategory] = useMutation(SettingsCategoryCreateDocument);
  const [deleteCategory] = useMutation(SettingsCategoryDeleteDocument);
  const query = useQuery(SettingsCategoriesDocument, {});

  return (
    <QueryView query={query}>
      {(data) => (
        <EntityEditor<Category, CategoryForm>
          title={t("settings.categories")}
          intro={t("settings.categoriesIntro")}
          addLabel={t("settings.addCategory")}
          emptyText={t("settings.noCategories")}
          items={[...(data.ticketCategories ?? [])].sort(
            (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.position - b.position,
          )}
          itemName={(c) => c.name}
          columns={[
            { header: t("inbox.filter.kind"), cell: (c) => label("kind", c.kind) },
            { header: t("settings.name"), cell: (c) => c.name },
            { header: t("settings.slug"), cell: (c) => <code>{c.slug}</code> },
            { header: t("settings.isActive"), cell: (c) => yesNo(t, c.isActive) },
            { header: t("settings.position"), cell: (c) => c.position },
          ]}
          blank={() => ({
            kind: "QUESTION",
            name: "",
            slug: "",
            position: "",
            isActive: true,
            translations: [],
          })}
          fromItem={(c) => ({
            kind: c.kind,
            name: c.name,
            slug: c.slug,
            position: String(c.position),
            isActive: c.isActive,
            translations: c.translations.map((tr) => ({ ...tr })),
          })}
          renderForm={(form, set) => (
            <>
              <SelectField
                label={t("inbox.filter.kind")}
                value={form.kind}
                options={KINDS.map((k) => ({ value: k, label: label("kind", k) }))}
                onChange={(v) => set({ kind: v as TicketKindEnum })}
              />
              <Input
                label={t("settings.name")}
                required
                value={form.name}
                onChange={(e) => set({ name: e.target.value })}
              />
              <Input
                label={t("settings.slug")}
                helperText={t("settings.slugHint")}
                value={form.slug}
                onChange={(e) => set({ slug: e.target.value })}
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
                onChange={(v) => set({ isActive: v })}
              />
              <TranslationsField
                value={form.translations}
                onChange={(rows) => set({ translations: rows })}
              />
            </>
          )}
          save={async (form, item) => {
            const position = parseOptionalInt(form.position);

            if (Number.isNaN(position))
              return t("settings.invalidNumber", { field: t("settings.position") });
            const input = {
              kind: form.kind,
              name: form.name.trim(),
              slug: form.slug.trim() || undefined,
              position: position ?? undefined,
              isActive: form.isActive,
              translations: cleanTranslations(form.translations),
            };

            if (item) return (await updateCategory({ id: item.id, input })).problem;

            return (await createCategory({ input })).problem;
          }}
          remove={async (c) => (await deleteCategory({ id: c.id })).problem}
          onSaved={() => void query.refetch()}
        />
      )}
    </QueryView>
  );
}

type Contact = NonNullable<SettingsContactsQuery["ticketContacts"]>[number];
type ContactForm = {
  name: string;
  slug: string;
  email: string;
  description: string;
  responsible: string;
  position: string;
  isActive: boolean;
  translations: Translation[];
};

export function ContactsSettings() {
  const { t } = useI18n();
  const [updateContact] = useMutation(SettingsContactUpdateDocument);
  const [createContact] = useMutation(SettingsContactCreateDocument);
  const [deleteContact] = useMutation(SettingsContactDeleteDocument);
  const query = useQuery(SettingsContactsDocument, {});

  return (
    <QueryView query={query}>
      {(data) => {
        const agents = (data.supportAgents ?? []).map((a) => ({
          value: a.user.id,
          label: personName(a.user),
        }));

        return (
          <EntityEditor<Contact, ContactForm>
            title={t("settings.contacts")}
            intro={t("settings.contactsIntro")}
            addLabel={t("settings.addContact")}
            emptyText={t("settings.noContacts")}
            items={data.ticketContacts ?? []}
            itemName={(c) => c.name}
            columns={[
              { header: t("settings.name"), cell: (c) => c.name },
              { header: t("settings.email"), cell: (c) => c.email || "—" },
              {
                header: t("settings.responsible"),
                cell: (c) => (c.responsible ? personName(c.responsible) : "—"),
              },
              { header: t("settings.isActive"), cell: (c) => yesNo(t, c.isActive) },
              { header: t("settings.position"), cell: (c) => c.position },
            ]}
            blank={() => ({
              name: "",
              slug: "",
              email: "",
              description: "",
              responsible: "",
              position: "",
              isActive: true,
              translations: [],
            })}
            fromItem={(c) => ({
              name: c.name,
              slug: c.slug,
              email: c.email ?? "",
              description: c.description,
              responsible: c.responsible?.id ?? "",
              position: String(c.position),
              isActive: c.isActive,
              translations: c.translations.map((tr) => ({ ...tr })),
            })}
            renderForm={(form, set, item) => {
              const options = [...agents];

              if (item?.responsible && !options.some((o) => o.value === item.responsible!.id))
                options.push({ value: item.responsible.id, label: personName(item.responsible) });

              return (
                <>
                  <Input
                    label={t("settings.name")}
                    required
                    value={form.name}
                    onChange={(e) => set({ name: e.target.value })}
                  />
                  <Input
                    label={t("settings.slug")}
                    helperText={t("settings.slugHint")}
                    value={form.slug}
                    onChange={(e) => set({ slug: e.target.value })}
                  />
                  <Input
                    label={t("settings.email")}
                    type="email"
                    value={form.email}
                    onChange={(e) => set({ email: e.target.value })}
                  />
                  <Input
                    label={t("settings.description")}
                    value={form.description}
                    onChange={(e) => set({ description: e.target.value })}
                  />
                  <SelectField
                    label={t("settings.responsible")}
                    value={form.responsible}
                    placeholder={t("panel.nobody")}
                    options={options}
                    onChange={(v) => set({ responsible: v })}
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
                    onChange={(v) => set({ isActive: v })}
                  />
                  <TranslationsField
                    value={form.translations}
                    onChange={(rows) => set({ translations: rows })}
                  />
                </>
              );
            }}
            save={async (form, item) => {
              const position = parseOptionalInt(form.position);

              if (Number.isNaN(position))
                return t("settings.invalidNumber", { field: t("settings.position") });
              const input = {
                name: form.name.trim(),
                slug: form.slug.trim() || undefined,
                email: form.email.trim(),
                description: form.description,
                responsible: form.responsible || null,
                position: position ?? undefined,
                isActive: form.isActive,
                translations: cleanTranslations(form.translations),
              };

              if (item) return (await updateContact({ id: item.id, input })).problem;

              return (await createContact({ input })).problem;
            }}
            remove={async (c) => (await deleteContact({ id: c.id })).problem}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}
