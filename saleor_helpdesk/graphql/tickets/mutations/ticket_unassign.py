from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import unassign_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ..types import TicketType
from .staff import StaffMutation


class TicketUnassign(StaffMutation):
    ticket = graphene.Field(TicketType, description="The ticket, now unassigned.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")

    class Meta:
        description = "Remove a ticket's assignee (staff with MANAGE_ORDERS)."

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketUnassign":
        return cls(ticket=unassign_ticket(actor, int_pk(data["id"], "Ticket")))
