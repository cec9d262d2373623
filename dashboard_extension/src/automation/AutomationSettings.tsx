import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { useClient, useQuery } from "../api/context";
import { useMutation } from "../api/useMutation";
import {
  type AutomationRuleActionTypeEnum,
  type AutomationRuleConditionFieldEnum,
  type AutomationRuleOperatorEnum,
  type AutomationRuleTriggerEnum,
  SettingsAutomationDryRunDocument,
  type SettingsAutomationDryRunQuery,
  SettingsAutomationRuleCreateDocument,
  SettingsAutomationRuleDeleteDocument,
  SettingsAutomationRulesDocument,
  type SettingsAutomationRulesQuery,
  SettingsAutomationRuleUpdateDocument,
  SettingsMacroCreateDocument,
  SettingsMacroDeleteDocument,
  SettingsMacrosDocument,
  type SettingsMacrosQuery,
  SettingsMacroUpdateDocument,
  SettingsTagCreateDocument,
  SettingsTagDeleteDocument,
  SettingsTagsDocument,
  type SettingsTagsQuery,
  SettingsTagUpdateDocument,
} from "../generated/graphql";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import {
  CheckField,
  EntityEditor,
  QueryView,
  splitList,
  TextAreaField,
  yesNo,
} from "../settings/common";
import { SelectField } from "../ui/fields";
import {
  type ActionRow,
  ACTIONS,
  blankRule,
  conditionInput,
  type ConditionRow,
  FIELDS,
  operatorsFor,
  type RuleForm,
  ruleForm,
  ruleInput,
  TRIGGERS,
} from "./ruleForm";

type Rule = NonNullable<SettingsAutomationRulesQuery["automationRules"]>[number];
type Tag = NonNullable<SettingsTagsQuery["helpdeskTags"]>[number];
type Macro = NonNullable<SettingsMacrosQuery["helpdeskMacros"]>[number];

const triggerKey = (trigger: AutomationRuleTriggerEnum) =>
  `automation.trigger.${trigger}` as MessageKey;
/** Enum values as the editor shows them: ORDER_TOTAL → "order total". */
const words = (value: string) => value.toLowerCase().replaceAll("_", " ");

export function RulesSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsAutomationRulesDocument, {});
  const [createRule] = useMutation(SettingsAutomationRuleCreateDocument);
  const [updateRule] = useMutation(SettingsAutomationRuleUpdateDocument);
  const [deleteRule] = useMutation(SettingsAutomationRuleDeleteDocument);

  return (
    <QueryView query={query}>
      {(data) => (
        <EntityEditor<Rule, RuleForm>
          title={t("settings.rules")}
          intro={t("automation.rulesIntro")}
          addLabel={t("automation.addRule")}
          emptyText={t("automation.noRules")}
          items={data.automationRules ?? []}
          itemName={(r) => r.name}
          columns={[
            { header: t("settings.name"), cell: (r) => r.name },
            { header: t("automation.trigger"), cell: (r) => t(triggerKey(r.trigger)) },
            { header: t("settings.isActive"), cell: (r) => yesNo(t, r.isActive) },
          ]}
          blank={blankRule}
          fromItem={(r) => ruleForm(r)}
          renderForm={(form, set) => <RuleEditor form={form} set={set} />}
          save={async (form, item) => {
            const input = ruleInput(form);

            if (item) return (await updateRule({ id: item.id, input })).problem;

            return (await createRule({ input })).problem;
          }}
          remove={async (r) => (await deleteRule({ id: r.id })).problem}
          onSaved={() => void query.refetch()}
        />
      )}
    </QueryView>
  );
}

function RuleEditor({ form, set }: { form: RuleForm; set: (patch: Partial<RuleForm>) => void }) {
  const { t } = useI18n();
  const setCondition = (index: number, patch: Partial<ConditionRow>) =>
    set({ conditions: form.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const setAction = (index: number, patch: Partial<ActionRow>) =>
    set({ actions: form.actions.map((a, i) => (i === index ? { ...a, ...patch } : a)) });

  return (
    <>
      <Input
        label={t("settings.name")}
        required
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <SelectField
        label={t("automation.trigger")}
        value={form.trigger}
        options={TRIGGERS.map((v) => ({ value: v, label: t(triggerKey(v)) }))}
        onChange={(v) => set({ trigger: v as AutomationRuleTriggerEnum })}
      />
      <CheckField
        label={t("settings.isActive")}
        checked={form.isActive}
        onChange={(v) => set({ isActive: v })}
      />
      <CheckField
        label={t("automation.stopProcessing")}
        checked={form.stopProcessing}
        onChange={(v) => set({ stopProcessing: v })}
      />
      <Text fontWeight="bold">{t("automation.conditions")}</Text>
      <Text size={2} color="default2">
        {t("automation.valuesHint")}
      </Text>
      {form.conditions.map((condition, index) => (
        <Box key={index} display="flex" gap={2} flexWrap="wrap" alignItems="flex-end">
          <SelectField
            label={t("automation.field")}
            value={condition.field}
            options={FIELDS.map((v) => ({ value: v, label: words(v) }))}
            onChange={(v) => {
              const field = v as AutomationRuleConditionFieldEnum;

              setCondition(index, { field, operator: operatorsFor(field)[0]! });
            }}
          />
          <SelectField
            label={t("automation.operator")}
            value={condition.operator}
            options={operatorsFor(condition.field).map((v) => ({ value: v, label: words(v) }))}
            onChange={(v) => setCondition(index, { operator: v as AutomationRuleOperatorEnum })}
          />
          <Input
            label={t("automation.values")}
            value={condition.values}
            onChange={(e) => setCondition(index, { values: e.target.value })}
          />
          <Button
            type="button"
            variant="secondary"
            size="small"
            onClick={() => set({ conditions: form.conditions.filter((_, i) => i !== index) })}
          >
            {t("automation.remove")}
          </Button>
        </Box>
      ))}
      <Box>
        <Button
          type="button"
          variant="secondary"
          size="small"
          onClick={() =>
            set({ conditions: [...form.conditions, { field: "KIND", operator: "IN", values: "" }] })
          }
        >
          {t("automation.addCondition")}
        </Button>
      </Box>
      <Text fontWeight="bold">{t("automation.actions")}</Text>
      {form.actions.map((action, index) => (
        <Box key={index} display="flex" gap={2} flexWrap="wrap" alignItems="flex-end">
          <SelectField
            label={t("automation.action")}
            value={action.type}
            options={ACTIONS.map((v) => ({ value: v, label: words(v) }))}
            onChange={(v) => setAction(index, { type: v as AutomationRuleActionTypeEnum })}
          />
          <Input
            label={t("automation.values")}
            value={action.values}
            onChange={(e) => setAction(index, { values: e.target.value })}
          />
          <Button
            type="button"
            variant="secondary"
            size="small"
            onClick={() => set({ actions: form.actions.filter((_, i) => i !== index) })}
          >
            {t("automation.remove")}
          </Button>
        </Box>
      ))}
      <Box>
        <Button
          type="button"
          variant="secondary"
          size="small"
          onClick={() => set({ actions: [...form.actions, { type: "SET_PRIORITY", values: "" }] })}
        >
          {t("automation.addAction")}
        </Button>
      </Box>
      <DryRun conditions={form.conditions} />
    </>
  );
}

/** The editor's conditions against existing tickets; the server changes nothing. */
export function DryRun({ conditions }: { conditions: ConditionRow[] }) {
  const { t } = useI18n();
  const client = useClient();
  const [result, setResult] = useState<SettingsAutomationDryRunQuery["automationRuleDryRun"]>();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="dry-run">
      <Text size={2} color="default2">
        {t("automation.dryRunIntro")}
      </Text>
      <Box>
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            setProblem(null);
            try {
              const data = await client.request(SettingsAutomationDryRunDocument, {
                input: { conditions: conditions.map(conditionInput) },
              });

              setResult(data.automationRuleDryRun);
            } catch (error) {
              setProblem(error instanceof Error ? error.message : String(error));
            }
          }}
        >
          {t("automation.dryRun")}
        </Button>
      </Box>
      {problem ? (
        <Text role="alert" color="critical1">
          {problem}
        </Text>
      ) : null}
      {result ? (
        <Box display="flex" flexDirection="column" gap={1}>
          <Text role="status">
            {t("automation.dryRunResult", {
              matches: String(result.matches.length),
              examined: String(result.examined),
            })}
          </Text>
          <Box as="ul" margin={0}>
            {result.matches.map((ticket) => (
              <li key={ticket.id}>
                <a href={`#/tickets/${encodeURIComponent(ticket.id)}`}>
                  #{ticket.number} {ticket.subject}
                </a>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}

type TagForm = { name: string; slug: string; colour: string };

export function TagsSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsTagsDocument, {});
  const [createTag] = useMutation(SettingsTagCreateDocument);
  const [updateTag] = useMutation(SettingsTagUpdateDocument);
  const [deleteTag] = useMutation(SettingsTagDeleteDocument);

  return (
    <QueryView query={query}>
      {(data) => {
        const counts = new Map(
          (data.helpdeskTagStatistics ?? []).map((c) => [c.tag.id, c] as const),
        );

        return (
          <EntityEditor<Tag, TagForm>
            title={t("settings.tags")}
            intro={t("automation.tagsIntro")}
            addLabel={t("automation.addTag")}
            emptyText={t("automation.noTags")}
            items={data.helpdeskTags ?? []}
            itemName={(r) => r.name}
            columns={[
              {
                header: t("settings.name"),
                cell: (r) => (
                  <Box display="flex" gap={2} alignItems="center">
                    <Box
                      as="span"
                      aria-hidden
                      __width="12px"
                      __height="12px"
                      borderRadius={2}
                      __backgroundColor={r.colour}
                    />
                    {r.name}
                  </Box>
                ),
              },
              { header: t("settings.slug"), cell: (r) => r.slug },
              { header: t("automation.tickets"), cell: (r) => counts.get(r.id)?.tickets ?? 0 },
              {
                header: t("automation.openTickets"),
                cell: (r) => counts.get(r.id)?.openTickets ?? 0,
              },
            ]}
            blank={() => ({ name: "", slug: "", colour: "#6b7280" })}
            fromItem={(r) => ({ name: r.name, slug: r.slug, colour: r.colour })}
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
                  value={form.slug}
                  onChange={(e) => set({ slug: e.target.value })}
                />
                <Input
                  label={t("automation.colour")}
                  value={form.colour}
                  onChange={(e) => set({ colour: e.target.value })}
                />
              </>
            )}
            save={async (form, item) => {
              const input = {
                name: form.name.trim(),
                colour: form.colour.trim(),
                ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
              };

              if (item) return (await updateTag({ id: item.id, input })).problem;

              return (await createTag({ input })).problem;
            }}
            remove={async (r) => (await deleteTag({ id: r.id })).problem}
            onSaved={() => void query.refetch()}
          />
        );
      }}
    </QueryView>
  );
}

type MacroForm = {
  name: string;
  template: string;
  body: string;
  internal: boolean;
  status: string;
  priority: string;
  addTags: string;
  removeTags: string;
  assignToMe: boolean;
  isActive: boolean;
};

export function MacrosSettings() {
  const { t } = useI18n();
  const query = useQuery(SettingsMacrosDocument, {});
  const [createMacro] = useMutation(SettingsMacroCreateDocument);
  const [updateMacro] = useMutation(SettingsMacroUpdateDocument);
  const [deleteMacro] = useMutation(SettingsMacroDeleteDocument);

  return (
    <QueryView query={query}>
      {(data) => (
        <EntityEditor<Macro, MacroForm>
          title={t("settings.macros")}
          intro={t("automation.macrosIntro")}
          addLabel={t("automation.addMacro")}
          emptyText={t("automation.noMacros")}
          items={data.helpdeskMacros ?? []}
          itemName={(r) => r.name}
          columns={[
            { header: t("settings.name"), cell: (r) => r.name },
            { header: t("automation.template"), cell: (r) => r.template?.name ?? "—" },
            { header: t("automation.status"), cell: (r) => r.status?.slug ?? "—" },
            { header: t("settings.isActive"), cell: (r) => yesNo(t, r.isActive) },
          ]}
          blank={() => ({
            name: "",
            template: "",
            body: "",
            internal: false,
            status: "",
            priority: "",
            addTags: "",
            removeTags: "",
            assignToMe: false,
            isActive: true,
          })}
          fromItem={(r) => ({
            name: r.name,
            template: r.template?.id ?? "",
            body: r.body,
            internal: r.internal,
            status: r.status?.slug ?? "",
            priority: r.priority?.slug ?? "",
            addTags: r.addTags.map((tag) => tag.slug).join(", "),
            removeTags: r.removeTags.map((tag) => tag.slug).join(", "),
            assignToMe: r.assignToMe,
            isActive: r.isActive,
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
                label={t("automation.template")}
                value={form.template}
                placeholder={t("automation.noTemplate")}
                options={(data.responseTemplates ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.name} (${r.languageCode})`,
                }))}
                onChange={(v) => set({ template: v })}
              />
              <TextAreaField
                label={t("settings.body")}
                hint={t("settings.bodyHint")}
                rows={5}
                value={form.body}
                onChange={(v) => set({ body: v })}
              />
              <CheckField
                label={t("automation.internal")}
                checked={form.internal}
                onChange={(v) => set({ internal: v })}
              />
              <Input
                label={t("automation.status")}
                value={form.status}
                onChange={(e) => set({ status: e.target.value })}
              />
              <Input
                label={t("automation.priority")}
                value={form.priority}
                onChange={(e) => set({ priority: e.target.value })}
              />
              <Input
                label={t("automation.addTags")}
                value={form.addTags}
                onChange={(e) => set({ addTags: e.target.value })}
              />
              <Input
                label={t("automation.removeTags")}
                value={form.removeTags}
                onChange={(e) => set({ removeTags: e.target.value })}
              />
              <CheckField
                label={t("automation.assignToMe")}
                checked={form.assignToMe}
                onChange={(v) => set({ assignToMe: v })}
              />
              <CheckField
                label={t("settings.isActive")}
                checked={form.isActive}
                onChange={(v) => set({ isActive: v })}
              />
            </>
          )}
          save={async (form, item) => {
            const input = {
              name: form.name.trim(),
              template: form.template || null,
              body: form.body,
              internal: form.internal,
              status: form.status.trim() || null,
              priority: form.priority.trim() || null,
              addTags: splitList(form.addTags),
              removeTags: splitList(form.removeTags),
              assignToMe: form.assignToMe,
              isActive: form.isActive,
            };

            if (item) return (await updateMacro({ id: item.id, input })).problem;

            return (await createMacro({ input })).problem;
          }}
          remove={async (r) => (await deleteMacro({ id: r.id })).problem}
          onSaved={() => void query.refetch()}
        />
      )}
    </QueryView>
  );
}
