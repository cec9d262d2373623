from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_priority
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketPriority


class TicketPriorityDelete(BaseMutation):
    priority = graphene.Field(TicketPriority, description="The deleted priority.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the priority.")

    class Meta:
        description = (
            "Delete a priority no ticket uses, other than the default (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketPriorityDelete":
        return cls(
            priority=delete_priority(actor, int_pk(data["id"], "TicketPriority"))
        )
