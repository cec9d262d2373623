from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.rules import update_rule
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import AutomationRuleInput
from ..types import AutomationRuleType
from .common import rule_fields


class AutomationRuleUpdate(BaseMutation):
    rule = graphene.Field(AutomationRuleType, description="The rule as saved.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the rule.")
        input = AutomationRuleInput(required=True, description="What changes.")

    class Meta:
        description = "Change an automation rule (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "AutomationRuleUpdate":
        pk = int_pk(data["id"], "AutomationRule")
        return cls(rule=update_rule(actor, pk, rule_fields(data["input"])))
