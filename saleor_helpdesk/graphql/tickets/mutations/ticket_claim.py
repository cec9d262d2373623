from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import claim_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ..types import TicketType
from .staff import StaffMutation


class TicketClaim(StaffMutation):
    ticket = graphene.Field(TicketType, description="The claimed ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")

    class Meta:
        description = (
            "Take a ticket: assign it to yourself (staff users of the support team with "
            "MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketClaim":
        return cls(ticket=claim_ticket(actor, int_pk(data["id"], "Ticket")))
