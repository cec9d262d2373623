import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { useClient, useQuery } from "../api/context";
import {
  SettingsResponseTemplateCreateDocument,
  SettingsResponseTemplateDeleteDocument,
  SettingsResponseTemplatePreviewDocument,
  SettingsResponseTemplatesDocument,
  SettingsResponseTemplateUpdateDocument,
  type SettingsResponseTemplatesQuery,
  type TicketKindEnum,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import { SelectField } from "../ui/fields";
import { Html } from "../ui/html";
import { CheckField, EntityEditor, problemOf, QueryView, TextAreaField, yesNo } from "./common";
import { Placeholders } from "./Placeholders";
import { PreviewTicketPicker } from "./PreviewTicketPicker";
import { KINDS } from "./Workflow";

type Template = NonNullable<SettingsResponseTemplatesQuery["responseTemplates"]>[number];
type TemplateForm = { name: string; languageCode: string; subject: string; body: string; kind: string; isActive: boolean };

export function ResponseTemplatesSettings() {
  const { t, label, lang } = useI18n();
  const client = useClient();
  const query = useQuery(SettingsResponseTemplatesDocument, {});
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
              { header: t("inbox.filter.kind"), cell: (r) => (r.kind ? label("kind", r.kind) : t("settings.anyKind")) },
              { header: t("settings.subject"), cell: (r) => r.subject || "—" },
              { header: t("settings.isActive"), cell: (r) => yesNo(t, r.isActive) },
            ]}
            blank={() => ({ name: "", languageCode: lang, subject: "", body: "", kind: "", isActive: true })}
            fromItem={(r) => ({ name: r.name, languageCode: r.languageCode, subject: r.subject, body: r.body, kind: r.kind ?? "", isActive: r.isActive })}
            renderForm={(form, set, item) => (
              <>
                <Input label={t("settings.name")} required value={form.name} onChange={(e) => set({ name: e.target.value })} />
                <Input label={t("settings.languageCode")} required value={form.languageCode} onChange={(e) => set({ languageCode: e.target.value })} />
                <SelectField label={t("inbox.filter.kind")} value={form.kind} placeholder={t("settings.anyKind")} options={KINDS.map((k) => ({ value: k, label: label("kind", k) }))} onChange={(v) => set({ kind: v })} />
                <Input label={t("settings.subject")} value={form.subject} onChange={(e) => set({ subject: e.target.value })} />
                <TextAreaField label={t("settings.body")} hint={t("settings.bodyHint")} rows={8} value={form.body} onChange={(v) => set({ body: v })} />
                <Placeholders items={placeholders} onInsert={(name) => set({ body: `${form.body}{{ ${name} }}` })} />
                <CheckField label={t("settings.isActive")} checked={form.isActive} onChange={(v) => set({ isActive: v })} />
                {item ? <TemplatePreview templateId={item.id} /> : <Text size={2} color="default2">{t("settings.previewAfterSave")}</Text>}
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
              if (item) return problemOf((await client.request(SettingsResponseTemplateUpdateDocument, { id: item.id, input })).responseTemplateUpdate);
              return problemOf((await client.request(SettingsResponseTemplateCreateDocument, { input })).responseTemplateCreate);
            }}
            remove={async (r) => problemOf((await client.request(SettingsResponseTemplateDeleteDocument, { id: r.id })).responseTemplateDelete)}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}

function TemplatePreview({ templateId }: { templateId: string }) {
  const { t } = useI18n();
  const client = useClient();
  const [ticket, setTicket] = useState("");
  const [state, setState] = useState<{ status: "idle" | "loading" } | { status: "error"; message: string } | { status: "done"; subject: string; body: string }>({ status: "idle" });
  const run = async () => {
    setState({ status: "loading" });
    try {
      const result = await client.request(SettingsResponseTemplatePreviewDocument, { id: templateId, ticket });
      const preview = result.responseTemplatePreview;
      if (!preview) setState({ status: "error", message: t("settings.previewUnavailable") });
      else setState({ status: "done", subject: preview.subject, body: preview.body });
    } catch (error) {
      setState({ status: "error", message: errorMessage(error) });
    }
  };
  return (
    <Box as="section" aria-label={t("settings.preview")} display="flex" flexDirection="column" gap={2} padding={3} borderRadius={3} borderStyle="solid" borderWidth={1} borderColor="default1">
      <Text size={2} color="default2">
        {t("settings.previewSavedHint")}
      </Text>
      <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
        <PreviewTicketPicker value={ticket} onChange={setTicket} />
        <Button type="button" variant="secondary" disabled={!ticket || state.status === "loading"} onClick={() => void run()}>
          {t("settings.showPreview")}
        </Button>
      </Box>
      <Box aria-live="polite">
        {state.status === "loading" && <Text size={2}>{t("state.loading")}</Text>}
        {state.status === "error" && (
          <Text role="alert" color="critical1">
            {t("state.error", { message: state.message })}
          </Text>
        )}
        {state.status === "done" && (
          <Box data-testid="template-preview" display="flex" flexDirection="column" gap={1}>
            <Text fontWeight="bold">{state.subject}</Text>
            <Html html={state.body} />
          </Box>
        )}
      </Box>
    </Box>
  );
}
