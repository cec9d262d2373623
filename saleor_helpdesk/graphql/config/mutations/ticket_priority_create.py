from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_priority
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ...workflow.types import TicketPriority
from ..inputs import TicketPriorityInput
from .common import priority_fields


class TicketPriorityCreate(BaseMutation):
    priority = graphene.Field(TicketPriority, description="The new priority.")

    class Arguments:
        input = TicketPriorityInput(required=True, description="The priority.")

    class Meta:
        description = "Add a priority (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketPriorityCreate":
        return cls(priority=create_priority(actor, priority_fields(data["input"])))
