from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_status
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketStatus
from ..inputs import TicketStatusInput
from .common import status_fields


class TicketStatusDefinitionUpdate(BaseMutation):
    status = graphene.Field(TicketStatus, description="The changed status.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the status.")
        input = TicketStatusInput(required=True, description="What changes.")

    class Meta:
        description = (
            "Change a workflow status: its labels, group, flags (MANAGE_PLUGINS). To "
            "move a ticket to another status, use `ticketStatusUpdate`."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketStatusDefinitionUpdate":
        status = update_status(
            actor, int_pk(data["id"], "TicketStatus"), status_fields(data["input"])
        )
        return cls(status=status)
