from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import change_status
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketType


class TicketStatusUpdate(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        status = graphene.ID(required=True, description="ID of the new status.")

    class Meta:
        description = "Move a ticket to another status (staff with MANAGE_ORDERS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketStatusUpdate":
        ticket = change_status(
            actor,
            int_pk(data["id"], "Ticket"),
            int_pk(data["status"], "TicketStatus", "status"),
        )
        return cls(ticket=ticket)
