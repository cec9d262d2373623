from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.rules import create_rule
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import AutomationRuleInput
from ..types import AutomationRuleType
from .common import rule_fields


class AutomationRuleCreate(BaseMutation):
    rule = graphene.Field(AutomationRuleType, description="The new rule.")

    class Arguments:
        input = AutomationRuleInput(required=True, description="The rule.")

    class Meta:
        description = (
            "Add an automation rule; name, trigger and actions are required "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "AutomationRuleCreate":
        return cls(rule=create_rule(actor, rule_fields(data["input"])))
