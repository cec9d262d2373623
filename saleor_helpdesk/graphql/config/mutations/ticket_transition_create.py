from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_transition
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketStatusTransition
from ..inputs import TicketTransitionCreateInput
from .common import sent


class TicketTransitionCreate(BaseMutation):
    transition = graphene.Field(
        TicketStatusTransition, description="The new transition."
    )

    class Arguments:
        input = TicketTransitionCreateInput(
            required=True, description="The transition."
        )

    class Meta:
        description = "Allow a move between two statuses (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTransitionCreate":
        given = data["input"]
        roles = sent(given, "staff_allowed", "customer_allowed", "system_allowed")
        transition = create_transition(
            actor,
            int_pk(given["source"], "TicketStatus", "source"),
            int_pk(given["target"], "TicketStatus", "target"),
            **roles,
        )
        return cls(transition=transition)
