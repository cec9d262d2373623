import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { type FormEvent, useState } from "react";

import { useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  type EmailNotificationEnum,
  SettingsEmailPreviewDocument,
  SettingsEmailTemplateResetDocument,
  SettingsEmailTemplatesDocument,
  type SettingsEmailTemplatesQuery,
  SettingsEmailTemplateUpdateDocument,
} from "../generated/graphql";
import { useHost } from "../host/host";
import { useI18n } from "../i18n";
import { Section, SelectField } from "../ui/fields";
import { EmptyState, SaveStatus } from "../ui/StateViews";
import { useSaver } from "../ui/useSaver";
import { CheckField, QueryView, TextAreaField } from "./common";
import { Placeholders } from "./Placeholders";
import { PreviewPanel } from "./PreviewPanel";

type EmailTemplate = NonNullable<SettingsEmailTemplatesQuery["emailTemplates"]>[number];

/** The e-mails the helpdesk sends, per language: edit, reset to the shipped text, preview. */
export function EmailTemplatesSettings() {
  const { t, label, lang } = useI18n();
  const query = useQuery(SettingsEmailTemplatesDocument, { languageCode: null });
  const [language, setLanguage] = useState<string>(lang);
  const [selected, setSelected] = useState<EmailNotificationEnum | "">("");

  return (
    <Section title={t("settings.emails")}>
      <Text color="default2">{t("settings.emailsIntro")}</Text>
      <QueryView query={query}>
        {(data) => {
          const all = data.emailTemplates ?? [];

          if (all.length === 0) return <EmptyState title={t("settings.noEmails")} />;
          const languages = [...new Set(all.map((e) => e.languageCode))].sort();
          const shown = all.filter((e) => e.languageCode === language);
          const current = shown.find((e) => e.notification === selected) ?? null;

          return (
            <Box display="flex" flexDirection="column" gap={3}>
              <Box display="flex" gap={3} flexWrap="wrap">
                <SelectField
                  label={t("settings.language")}
                  value={languages.includes(language) ? language : ""}
                  placeholder={languages.includes(language) ? undefined : "—"}
                  options={languages.map((l) => ({ value: l, label: l }))}
                  onChange={setLanguage}
                />
                <SelectField
                  label={t("settings.email")}
                  value={current ? current.notification : ""}
                  placeholder={t("settings.pickEmail")}
                  options={shown.map((e) => ({
                    value: e.notification,
                    label: `${label("notification", e.notification)}${
                      e.isCustomized ? ` (${t("settings.customized")})` : ""
                    }`,
                  }))}
                  onChange={(v) => setSelected(v as EmailNotificationEnum)}
                />
              </Box>
              {current ? (
                <EmailTemplateEditor
                  key={`${current.notification}-${current.languageCode}`}
                  template={current}
                  placeholders={data.emailTemplatePlaceholders ?? []}
                  onSaved={() => void query.refetch()}
                />
              ) : (
                <Box as="ul" display="flex" flexDirection="column" gap={1} paddingLeft={4}>
                  {shown.map((e) => (
                    <li key={e.notification}>
                      <Button
                        type="button"
                        variant="tertiary"
                        onClick={() => setSelected(e.notification)}
                      >
                        {label("notification", e.notification)}
                      </Button>
                      <Text size={2} color="default2">
                        {" "}
                        {e.isCustomized ? t("settings.customized") : t("settings.shipped")}
                        {e.isActive ? "" : ` · ${t("settings.inactive")}`}
                      </Text>
                    </li>
                  ))}
                </Box>
              )}
            </Box>
          );
        }}
      </QueryView>
    </Section>
  );
}

function EmailTemplateEditor({
  template,
  placeholders,
  onSaved,
}: {
  template: EmailTemplate;
  placeholders: ReadonlyArray<{ name: string; description: string }>;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const host = useHost();
  const [updateTemplate] = useMutation(SettingsEmailTemplateUpdateDocument);
  const [resetTemplate] = useMutation(SettingsEmailTemplateResetDocument);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [isActive, setIsActive] = useState(template.isActive);
  const [saveState, runSave] = useSaver();
  const [resetState, runReset] = useSaver();
  const usable = placeholders.filter((p) => template.placeholders.includes(p.name));
  const vars = { notification: template.notification, languageCode: template.languageCode };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await runSave(
      async () => (await updateTemplate({ ...vars, input: { subject, body, isActive } })).problem,
    );

    if (ok) {
      host.notify({ status: "success", title: t("state.saved") });
      onSaved();
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={3}>
      <Box
        as="form"
        onSubmit={submit}
        aria-label={label("notification", template.notification)}
        display="flex"
        flexDirection="column"
        gap={3}
      >
        <Text as="h3" size={4} fontWeight="bold">
          {label("notification", template.notification)} ({template.languageCode})
        </Text>
        <Input
          label={t("settings.subject")}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextAreaField
          label={t("settings.body")}
          hint={t("settings.bodyHint")}
          rows={10}
          value={body}
          onChange={setBody}
        />
        <Placeholders items={usable} onInsert={(name) => setBody((b) => `${b}{{ ${name} }}`)} />
        <CheckField label={t("settings.emailActive")} checked={isActive} onChange={setIsActive} />
        <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
          <Button type="submit" variant="primary" disabled={saveState.status === "saving"}>
            {t("settings.save")}
          </Button>
          {template.isCustomized && (
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                const ok = await runReset(async () => (await resetTemplate(vars)).problem);

                if (ok) onSaved();
              }}
            >
              {t("settings.resetEmail")}
            </Button>
          )}
          <SaveStatus state={saveState} />
          <SaveStatus state={resetState} />
        </Box>
      </Box>
      <PreviewPanel
        document={SettingsEmailPreviewDocument}
        variables={(ticket) => ({ ...vars, ticket })}
        pick={(data) => data.emailTemplatePreview}
      >
        {(preview) => (
          <Box data-testid="email-preview" display="flex" flexDirection="column" gap={2}>
            <Text fontWeight="bold">{preview.subject}</Text>
            {/* The e-mail as sent, isolated: a sandboxed frame runs no script and cannot reach the Dashboard. */}
            <iframe
              title={t("settings.previewHtml")}
              sandbox=""
              srcDoc={preview.html}
              style={{
                width: "100%",
                height: "360px",
                border: "1px solid #ccc",
                background: "#fff",
              }}
            />
            <details>
              <summary>{t("settings.previewText")}</summary>
              <pre style={{ whiteSpace: "pre-wrap" }}>{preview.text}</pre>
            </details>
          </Box>
        )}
      </PreviewPanel>
    </Box>
  );
}
