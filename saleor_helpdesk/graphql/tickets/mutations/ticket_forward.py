from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import forward_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ..inputs import TicketForwardInput
from ..types import TicketType
from .common import optional_int_pk
from .staff import StaffMutation


class TicketForward(StaffMutation):
    ticket = graphene.Field(TicketType, description="The forwarded ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketForwardInput(
            required=True, description="Where to and with which note."
        )

    class Meta:
        description = (
            "Forward a ticket to a colleague (who is assigned) or to an outside address "
            "(which receives the public conversation, never internal notes); the note "
            "is kept as an internal note (staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketForward":
        given = data["input"]
        ticket = forward_ticket(
            actor,
            int_pk(data["id"], "Ticket"),
            message=given.get("message") or "",
            to_user_id=optional_int_pk(given.get("to_user"), "User", "to_user"),
            to_email=given.get("to_email") or None,
        )
        return cls(ticket=ticket)
