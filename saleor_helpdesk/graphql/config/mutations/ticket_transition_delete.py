from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_transition
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketStatusTransition


class TicketTransitionDelete(BaseMutation):
    transition = graphene.Field(
        TicketStatusTransition, description="The deleted transition."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the transition.")

    class Meta:
        description = "Delete an allowed move between two statuses (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTransitionDelete":
        return cls(
            transition=delete_transition(
                actor, int_pk(data["id"], "TicketStatusTransition")
            )
        )
