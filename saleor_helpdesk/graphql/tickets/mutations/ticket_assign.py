from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import assign_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ..types import TicketType
from .staff import StaffMutation


class TicketAssign(StaffMutation):
    ticket = graphene.Field(TicketType, description="The assigned ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        assignee = graphene.ID(
            required=True,
            description="ID of the staff user (a member of the support team).",
        )

    class Meta:
        description = "Assign a ticket to a member of the support team (staff with MANAGE_ORDERS)."

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketAssign":
        ticket = assign_ticket(
            actor,
            int_pk(data["id"], "Ticket"),
            int_pk(data["assignee"], "User", "assignee"),
        )
        return cls(ticket=ticket)
