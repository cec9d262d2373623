from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_support_agent
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import SupportAgentInput
from ..types import SupportAgentType
from .common import agent_fields


class SupportAgentUpdate(BaseMutation):
    agent = graphene.Field(SupportAgentType, description="The changed team member.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the team membership.")
        input = SupportAgentInput(required=True, description="What changes.")

    class Meta:
        description = (
            "Change a support team member's contacts, signature or state "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "SupportAgentUpdate":
        agent = update_support_agent(
            actor, int_pk(data["id"], "SupportAgent"), agent_fields(data["input"])
        )
        return cls(agent=agent)
