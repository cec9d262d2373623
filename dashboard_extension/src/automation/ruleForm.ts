/*
 * A rule as the editor holds it (rows of plain strings) and as the API takes it. Pure
 * functions, so the editor's rules are tested without rendering.
 */
import type {
  AutomationRuleActionTypeEnum,
  AutomationRuleConditionFieldEnum,
  AutomationRuleInput,
  AutomationRuleOperatorEnum,
  AutomationRuleTriggerEnum,
} from "../generated/graphql";

export const TRIGGERS: AutomationRuleTriggerEnum[] = [
  "TICKET_CREATED",
  "CUSTOMER_REPLIED",
  "ORDER_EVENT",
  "SCHEDULED",
  "SATISFACTION_RATED",
];

export const FIELDS: AutomationRuleConditionFieldEnum[] = [
  "KIND",
  "CATEGORY",
  "COMPLAINT_REASON",
  "CHANNEL",
  "LANGUAGE",
  "CONTACT",
  "PRIORITY",
  "STATUS",
  "STATUS_GROUP",
  "TAGS",
  "TEXT",
  "CUSTOMER_ORDER_COUNT",
  "CUSTOMER_TOTAL_SPENT",
  "ORDER_TOTAL",
  "ORDER_STATUS",
  "ORDER_PAYMENT",
  "ORDER_EVENT",
  "IDLE_HOURS",
  "RATING",
];

const NUMBER_OPERATORS: AutomationRuleOperatorEnum[] = ["GT", "GTE", "LT", "LTE", "EQ"];
const NUMBER_FIELDS: AutomationRuleConditionFieldEnum[] = [
  "CUSTOMER_ORDER_COUNT",
  "CUSTOMER_TOTAL_SPENT",
  "ORDER_TOTAL",
  "IDLE_HOURS",
  "RATING",
];

/** The operators the server accepts for a field (the same table as the domain's). */
export function operatorsFor(
  field: AutomationRuleConditionFieldEnum,
): AutomationRuleOperatorEnum[] {
  if (field === "TAGS") return ["ANY", "ALL", "NONE"];
  if (field === "TEXT") return ["CONTAINS", "NOT_CONTAINS"];
  if (NUMBER_FIELDS.includes(field)) return NUMBER_OPERATORS;

  return ["IN", "NOT_IN"];
}

export const ACTIONS: AutomationRuleActionTypeEnum[] = [
  "ASSIGN_USER",
  "ASSIGN_ROUND_ROBIN",
  "SET_PRIORITY",
  "SET_CATEGORY",
  "SET_STATUS",
  "SET_DUE_IN_HOURS",
  "ADD_TAGS",
  "REMOVE_TAGS",
  "REPLY_WITH_TEMPLATE",
  "ADD_NOTE",
  "SEND_WEBHOOK",
];

export type ConditionRow = {
  field: AutomationRuleConditionFieldEnum;
  operator: AutomationRuleOperatorEnum;
  /** Comma-separated values ("complaint, question"); one number for comparisons. */
  values: string;
};
export type ActionRow = { type: AutomationRuleActionTypeEnum; values: string };
export type RuleForm = {
  name: string;
  trigger: AutomationRuleTriggerEnum;
  isActive: boolean;
  stopProcessing: boolean;
  conditions: ConditionRow[];
  actions: ActionRow[];
};

/** A note's text keeps its commas; every other action and condition lists values. */
function splitValues(value: string, keepWhole: boolean): string[] {
  if (keepWhole) return value.trim() ? [value.trim()] : [];

  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

export function conditionInput(row: ConditionRow) {
  return {
    field: row.field,
    operator: row.operator,
    values: splitValues(row.values, row.field === "TEXT"),
  };
}

export function ruleInput(form: RuleForm): AutomationRuleInput {
  return {
    name: form.name.trim(),
    trigger: form.trigger,
    isActive: form.isActive,
    stopProcessing: form.stopProcessing,
    conditions: form.conditions.map(conditionInput),
    actions: form.actions.map((row) => ({
      type: row.type,
      values: splitValues(row.values, row.type === "ADD_NOTE"),
    })),
  };
}

export function ruleForm(rule: {
  name: string;
  trigger: AutomationRuleTriggerEnum;
  isActive: boolean;
  stopProcessing: boolean;
  conditions: ReadonlyArray<{
    field: AutomationRuleConditionFieldEnum;
    operator: AutomationRuleOperatorEnum;
    values: readonly string[];
  }>;
  actions: ReadonlyArray<{ type: AutomationRuleActionTypeEnum; values: readonly string[] }>;
}): RuleForm {
  return {
    name: rule.name,
    trigger: rule.trigger,
    isActive: rule.isActive,
    stopProcessing: rule.stopProcessing,
    conditions: rule.conditions.map((c) => ({
      field: c.field,
      operator: c.operator,
      values: c.values.join(", "),
    })),
    actions: rule.actions.map((a) => ({ type: a.type, values: a.values.join(", ") })),
  };
}

export function blankRule(): RuleForm {
  return {
    name: "",
    trigger: "TICKET_CREATED",
    isActive: true,
    stopProcessing: false,
    conditions: [{ field: "KIND", operator: "IN", values: "complaint" }],
    actions: [{ type: "SET_PRIORITY", values: "high" }],
  };
}
