from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import add_support_agent
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import SupportAgentInput
from ..types import SupportAgentType
from .common import agent_fields


class SupportAgentAdd(BaseMutation):
    agent = graphene.Field(SupportAgentType, description="The new team member.")

    class Arguments:
        user = graphene.ID(required=True, description="Saleor ID of the staff user.")
        input = SupportAgentInput(description="Their contacts, signature and state.")

    class Meta:
        description = (
            "Add a staff user to the support team, so tickets can be assigned to them "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "SupportAgentAdd":
        agent = add_support_agent(
            actor,
            int_pk(data["user"], "User", "user"),
            agent_fields(data.get("input")),
        )
        return cls(agent=agent)
