from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import create_ticket
from ....core.actor import Actor
from ....tickets.guests import guest_actor
from ...core.context import act_as
from ...core.mutations import BaseMutation
from ...tickets.inputs import TicketCreateInput
from ...tickets.new_ticket import new_ticket_from
from ...tickets.types import TicketType
from ..arguments import EMAIL, ORDER_TOKEN


class GuestTicketCreate(BaseMutation):
    ticket = graphene.Field(TicketType, description="The new ticket.")

    class Arguments:
        order_token = ORDER_TOKEN
        email = EMAIL
        input = TicketCreateInput(
            required=True, description="The ticket; its order is the guest's order."
        )

    class Meta:
        description = "A guest opens a ticket or complaint on the order they hold."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "GuestTicketCreate":
        guest = guest_actor(data["order_token"], data["email"])
        # The answer is shaped for the guest, whatever token came along.
        act_as(info, guest)
        given = dict(data["input"])
        given.pop("customer", None)
        given.pop("customer_email", None)
        new = new_ticket_from(given)
        new.order_id = guest.guest_order_id
        return cls(ticket=create_ticket(guest, new))
