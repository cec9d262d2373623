"""Enums of the automation API (values are the stored strings)."""

from enum import Enum
from typing import Any

import graphene

from ...automation.actions import ActionType
from ...automation.conditions import ConditionField, Operator
from ...models import RuleTrigger
from ..core.enums import _enum


def _from(members: type[Enum], name: str, description: str) -> Any:
    enum = Enum(name, {m.value.upper(): m.value for m in members})  # type: ignore[misc]
    return graphene.Enum.from_enum(enum, description=description)


RuleTriggerEnum = _enum(
    RuleTrigger, "AutomationRuleTriggerEnum", "When an automation rule runs."
)
RuleConditionFieldEnum = _from(
    ConditionField,
    "AutomationRuleConditionFieldEnum",
    "What a rule's condition tests (see the helpdesk's README, Automation).",
)
RuleOperatorEnum = _from(
    Operator, "AutomationRuleOperatorEnum", "How a rule's condition compares."
)
RuleActionTypeEnum = _from(
    ActionType, "AutomationRuleActionTypeEnum", "What a rule's action does."
)
