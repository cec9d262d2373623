from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import remove_support_agent
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import SupportAgentType


class SupportAgentRemove(BaseMutation):
    agent = graphene.Field(
        SupportAgentType, description="The deleted support team membership."
    )

    class Arguments:
        id = graphene.ID(
            required=True, description="ID of the support team membership."
        )

    class Meta:
        description = "Take a staff user out of the support team; their tickets stay assigned (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "SupportAgentRemove":
        return cls(
            agent=remove_support_agent(actor, int_pk(data["id"], "SupportAgent"))
        )
