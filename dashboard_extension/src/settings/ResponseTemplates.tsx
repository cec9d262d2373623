import { Box, Input, Text } from "@saleor/macaw-ui";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  SettingsResponseTemplateCreateDocument,
  SettingsResponseTemplateDeleteDocument,
  SettingsResponseTemplatePreviewDocument,
  SettingsResponseTemplatesDocument,
  type SettingsResponseTemplatesQuery,
  SettingsResponseTemplateUpdateDocument,
  type TicketKindEnum,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";
import { Html } from "../ui/html";
import { CheckField, EntityEditor, QueryView, TextAreaField, yesNo } from "./common";
import { Placeholders } from "./Placeholders";
import { PreviewPanel } from "./PreviewPanel";
import { KINDS } from "./Workflow";

type Template = NonNullable<SettingsResponseTemplatesQuery["responseTemplates"]>[number];
type TemplateForm = {
  name: string;
  languageCode: string;
  subject: string;
  body: string;
  kind: string;
  isActive: boolean;
};

export function ResponseTemplatesSettings() {
  const { t, label, lang } = useI18n();
  const query = useQuery(SettingsResponseTemplatesDocument, {});
  const [updateTemplate] = useMutation(SettingsResponseTemplateUpdateDocument);
  const [createTemplate] = useMutation(SettingsResponseTemplateCreateDocument);
  const [deleteTemplate] = useMutation(SettingsResponseTemplateDeleteDocument);

  return (
    <QueryView query={query}>
      {(data) => {
        const placeholders = data.responseTemplatePlaceholders ?? [];

        return (
          <EntityEditor<Template, TemplateForm>
            title={t("settings.templates")}
            intro={t("settings.templatesIntro")}
            addLabel={t("settings.addTemplate")}
            emptyText={t("settings.noTemplates")}
            items={data.responseTemplates ?? []}
            itemName={(r) => r.name}
            columns={[
              { header: t("settings.name"), cell: (r) => r.name },
              { header: t("settings.languageCode"), cell: (r) => r.languageCode },
              {
                header: t("inbox.filter.kind"),
                cell: (r) => (r.kind ? label("kind", r.kind) : t("settings.anyKind")),
              },
              { header: t("settings.subject"), cell: (r) => r.subject || "—" },
              { header: t("settings.isActive"), cell: (r) => yesNo(t, r.isActive) },
            ]}
            blank={() => ({
              name: "",
              languageCode: lang,
              subject: "",
              body: "",
              kind: "",
              isActive: true,
            })}
            fromItem={(r) => ({
              name: r.name,
              languageCode: r.languageCode,
              subject: r.subject,
              body: r.body,
              kind: r.kind ?? "",
              isActive: r.isActive,
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
                  label={t("settings.languageCode")}
                  required
                  value={form.languageCode}
                  onChange={(e) => set({ languageCode: e.target.value })}
                />
                <SelectField
                  label={t("inbox.filter.kind")}
                  value={form.kind}
                  placeholder={t("settings.anyKind")}
                  options={KINDS.map((k) => ({ value: k, label: label("kind", k) }))}
                  onChange={(v) => set({ kind: v })}
                />
                <Input
                  label={t("settings.subject")}
                  value={form.subject}
                  onChange={(e) => set({ subject: e.target.value })}
                />
                <TextAreaField
                  label={t("settings.body")}
                  hint={t("settings.bodyHint")}
                  rows={8}
                  value={form.body}
                  onChange={(v) => set({ body: v })}
                />
                <Placeholders
                  items={placeholders}
                  onInsert={(name) => set({ body: `${form.body}{{ ${name} }}` })}
                />
                <CheckField
                  label={t("settings.isActive")}
                  checked={form.isActive}
                  onChange={(v) => set({ isActive: v })}
                />
                {item ? (
                  <PreviewPanel
                    document={SettingsResponseTemplatePreviewDocument}
                    variables={(ticket) => ({ id: item.id, ticket })}
                    pick={(data) => data.responseTemplatePreview}
                  >
                    {(preview) => (
                      <Box
                        data-testid="template-preview"
                        display="flex"
                        flexDirection="column"
                        gap={1}
                      >
                        <Text fontWeight="bold">{preview.subject}</Text>
                        <Html html={preview.body} />
                      </Box>
                    )}
                  </PreviewPanel>
                ) : (
                  <Text size={2} color="default2">
                    {t("settings.previewAfterSave")}
                  </Text>
                )}
              </>
            )}
            save={async (form, item) => {
              const input = {
                name: form.name.trim(),
                languageCode: form.languageCode.trim(),
                subject: form.subject,
                body: form.body,
                kind: (form.kind || null) as TicketKindEnum | null,
                isActive: form.isActive,
              };

              if (item) return (await updateTemplate({ id: item.id, input })).problem;

              return (await createTemplate({ input })).problem;
            }}
            remove={async (r) => (await deleteTemplate({ id: r.id })).problem}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}
