import { Box, Button, Checkbox, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

import type { QueryState } from "../api/context";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { Section } from "../ui/fields";
import { EmptyState, ErrorState, Loading, SaveStatus, VisuallyHidden } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";

export type Translation = { languageCode: string; name: string };

/** "12" → 12, "" → null, anything else → NaN (refused before sending). */
export function parseOptionalInt(value: string): number | null {
  const trimmed = value.trim();

  if (trimmed === "") return null;

  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Comma, semicolon, space or newline separated values, trimmed, without empties or duplicates. */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;\s]+/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** Translations as edited (rows may be blank) → what the API takes. */
export function cleanTranslations(rows: Translation[]): Translation[] {
  return rows
    .map((row) => ({ languageCode: row.languageCode.trim().toLowerCase(), name: row.name.trim() }))
    .filter((row) => row.languageCode && row.name);
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <Checkbox
      checked={checked}
      disabled={disabled}
      onCheckedChange={(value) => onChange(value === true)}
    >
      <Text size={3}>{label}</Text>
    </Checkbox>
  );
}

/** A labelled multi-line text field (macaw-ui's Textarea has no stable label association in jsdom). */
export function TextAreaField({
  label,
  value,
  onChange,
  rows = 4,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  const hintId = useId();

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <label htmlFor={id}>
        <Text size={2} color="default2">
          {label}
        </Text>
      </label>
      <Box
        as="textarea"
        id={id}
        rows={rows}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        backgroundColor="default1"
        color="default1"
        borderColor="default1"
        borderStyle="solid"
        borderWidth={1}
        borderRadius={3}
        padding={2}
        fontSize={3}
        style={{ fontFamily: "inherit", resize: "vertical" }}
      />
      {hint && (
        <Text id={hintId} size={1} color="default2">
          {hint}
        </Text>
      )}
    </Box>
  );
}

/** Names per language: rows of language code and name, added and removed freely. */
export function TranslationsField({
  value,
  onChange,
}: {
  value: Translation[];
  onChange: (rows: Translation[]) => void;
}) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<Translation>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Box
      as="fieldset"
      display="flex"
      flexDirection="column"
      gap={2}
      borderWidth={0}
      padding={0}
      margin={0}
    >
      <legend>
        <Text size={2} color="default2">
          {t("settings.translations")}
        </Text>
      </legend>
      {value.map((row, index) => (
        <Box key={index} display="flex" gap={2} alignItems="flex-end">
          <Box __width="90px">
            <Input
              label={t("settings.languageCode")}
              value={row.languageCode}
              onChange={(e) => set(index, { languageCode: e.target.value })}
            />
          </Box>
          <Box __flex="1">
            <Input
              label={t("settings.translatedName", { lang: row.languageCode || "…" })}
              value={row.name}
              onChange={(e) => set(index, { name: e.target.value })}
            />
          </Box>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => onChange(value.filter((_, i) => i !== index))}
            aria-label={t("settings.removeTranslation", { lang: row.languageCode || "…" })}
          >
            ×
          </Button>
        </Box>
      ))}
      <Box>
        <Button
          type="button"
          size="small"
          variant="secondary"
          onClick={() => onChange([...value, { languageCode: "", name: "" }])}
        >
          {t("settings.addTranslation")}
        </Button>
      </Box>
    </Box>
  );
}

/** A delete button that asks once more in place (no modal, keyboard friendly). */
export function DeleteButton({
  name,
  onDelete,
}: {
  name: string;
  onDelete: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <Button
        type="button"
        size="small"
        variant="tertiary"
        onClick={() => setConfirming(true)}
        aria-label={t("settings.deleteItem", { name })}
      >
        {t("settings.delete")}
      </Button>
    );
  }

  return (
    <Box display="flex" gap={1}>
      <Button
        ref={confirmRef}
        type="button"
        size="small"
        variant="error"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const done = await onDelete();

          setBusy(false);
          if (done) setConfirming(false);
        }}
        aria-label={t("settings.confirmDeleteItem", { name })}
      >
        {t("settings.confirmDelete")}
      </Button>
      <Button type="button" size="small" variant="tertiary" onClick={() => setConfirming(false)}>
        {t("dialog.cancel")}
      </Button>
    </Box>
  );
}

export const cellStyle = {
  padding: "8px",
  textAlign: "left" as const,
  verticalAlign: "top" as const,
  borderBottom: "1px solid var(--mu-colors-border-default1, #ddd)",
};

export type Column<T> = { header: string; cell: (item: T) => ReactNode };

/** Loading, error (with retry) or the content; the content stays while reloading. */
export function QueryView<T>({
  query,
  children,
  loadingLabel,
}: {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.error && !query.data)
    return <ErrorState message={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading rows={4} label={loadingLabel} />;

  return <>{children(query.data)}</>;
}

/**
 * A list of things with add, edit and delete: the table, and an inline form whose values
 * stay when a save is refused (the refusal is shown next to the save button).
 */
export function EntityEditor<T extends { id: string }, F>({
  title,
  intro,
  addLabel,
  emptyText,
  items,
  columns,
  itemName,
  blank,
  fromItem,
  renderForm,
  save,
  remove,
  onSaved,
}: {
  title: string;
  intro?: string;
  addLabel: string;
  emptyText: string;
  items: T[];
  columns: Column<T>[];
  itemName: (item: T) => string;
  blank: () => F;
  fromItem: (item: T) => F;
  renderForm: (form: F, set: (patch: Partial<F>) => void, item: T | null) => ReactNode;
  /** Resolves an error message (refused; the form stays) or null (saved). */
  save: (form: F, item: T | null) => Promise<string | null>;
  remove?: (item: T) => Promise<string | null>;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const host = useHost();
  const [editing, setEditing] = useState<{ item: T | null; form: F } | null>(null);
  const [saveState, runSave] = useSaver();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (editing) headingRef.current?.focus();
  }, [editing?.item?.id, editing === null]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<F>) =>
    setEditing((current) =>
      current ? { ...current, form: { ...current.form, ...patch } } : current,
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const ok = await runSave(() => save(editing.form, editing.item));

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      setEditing(null);
      onSaved();
    }
  };

  return (
    <Section
      title={title}
      actions={
        <Button
          type="button"
          variant="primary"
          onClick={() => setEditing({ item: null, form: blank() })}
        >
          {addLabel}
        </Button>
      }
    >
      {intro && <Text color="default2">{intro}</Text>}
      {deleteError && (
        <Text role="alert" color="critical1">
          {t("settings.deleteFailed", { message: deleteError })}
        </Text>
      )}
      {editing && (
        <Box
          as="form"
          onSubmit={submit}
          aria-label={
            editing.item ? t("settings.editItem", { name: itemName(editing.item) }) : addLabel
          }
          display="flex"
          flexDirection="column"
          gap={3}
          padding={4}
          borderRadius={4}
          borderStyle="solid"
          borderWidth={1}
          borderColor="default1"
          backgroundColor="default2"
        >
          <Text as="h3" ref={headingRef} tabIndex={-1} size={4} fontWeight="bold">
            {editing.item ? t("settings.editItem", { name: itemName(editing.item) }) : addLabel}
          </Text>
          {renderForm(editing.form, set, editing.item)}
          <Box display="flex" gap={2} alignItems="center">
            <Button type="submit" variant="primary" disabled={saveState.status === "saving"}>
              {t("settings.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
              {t("dialog.cancel")}
            </Button>
            <SaveStatus state={saveState} />
          </Box>
        </Box>
      )}
      {items.length === 0 ? (
        <EmptyState title={emptyText} />
      ) : (
        <Box overflowX="auto">
          <table style={{ width: "100%", borderCollapse: "collapse" }}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" style={cellStyle}>
                    <Text size={2} color="default2">
                      {column.header}
                    </Text>
                  </th>
                ))}
                <th scope="col" style={cellStyle}>
                  <VisuallyHidden>{t("settings.actions")}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="settings-row">
                  {columns.map((column) => (
                    <td key={column.header} style={cellStyle}>
                      <Text size={3}>{column.cell(item)}</Text>
                    </td>
                  ))}
                  <td style={cellStyle}>
                    <Box display="flex" gap={1} justifyContent="flex-end">
                      <Button
                        type="button"
                        size="small"
                        variant="secondary"
                        onClick={() => setEditing({ item, form: fromItem(item) })}
                        aria-label={t("settings.editItem", { name: itemName(item) })}
                      >
                        {t("settings.edit")}
                      </Button>
                      {remove && (
                        <DeleteButton
                          name={itemName(item)}
                          onDelete={async () => {
                            setDeleteError(null);
                            try {
                              const problem = await remove(item);

                              if (problem) {
                                setDeleteError(problem);

                                return false;
                              }
                            } catch (error) {
                              setDeleteError(
                                error instanceof Error ? error.message : String(error),
                              );

                              return false;
                            }
                            host.notify({
                              status: "success",
                              title: t("settings.deleted", { name: itemName(item) }),
                            });
                            if (editing?.item?.id === item.id) setEditing(null);
                            onSaved();

                            return true;
                          }}
                        />
                      )}
                    </Box>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      )}
    </Section>
  );
}

export function yesNo(t: ReturnType<typeof useI18n>["t"], value: boolean) {
  return value ? t("settings.yes") : t("settings.no");
}
