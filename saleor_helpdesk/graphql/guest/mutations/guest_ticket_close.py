from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import close_ticket
from ....core.actor import Actor
from ....tickets.guests import guest_actor
from ...core.context import act_as
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.types import TicketType
from ..arguments import EMAIL, ORDER_TOKEN


class GuestTicketClose(BaseMutation):
    ticket = graphene.Field(TicketType, description="The closed ticket.")

    class Arguments:
        order_token = ORDER_TOKEN
        email = EMAIL
        id = graphene.ID(required=True, description="ID of the ticket.")

    class Meta:
        description = (
            "A guest closes a ticket of their order (where the channel allows)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "GuestTicketClose":
        guest = guest_actor(data["order_token"], data["email"])
        # The answer is shaped for the guest, whatever token came along.
        act_as(info, guest)
        return cls(ticket=close_ticket(guest, int_pk(data["id"], "Ticket")))
