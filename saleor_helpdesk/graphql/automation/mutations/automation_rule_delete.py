from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.rules import delete_rule
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import AutomationRuleType


class AutomationRuleDelete(BaseMutation):
    rule = graphene.Field(AutomationRuleType, description="The deleted rule.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the rule.")

    class Meta:
        description = "Delete an automation rule and its run history (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "AutomationRuleDelete":
        return cls(rule=delete_rule(actor, int_pk(data["id"], "AutomationRule")))
