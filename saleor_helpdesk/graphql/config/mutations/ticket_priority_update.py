from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_priority
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketPriority
from ..inputs import TicketPriorityInput
from .common import priority_fields


class TicketPriorityUpdate(BaseMutation):
    priority = graphene.Field(TicketPriority, description="The changed priority.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the priority.")
        input = TicketPriorityInput(required=True, description="What changes.")

    class Meta:
        description = "Change a priority (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketPriorityUpdate":
        pk = int_pk(data["id"], "TicketPriority")
        return cls(priority=update_priority(actor, pk, priority_fields(data["input"])))
