from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import link_order
from ....core.actor import Actor
from ...core.ids import int_pk, uuid_pk
from ..inputs import TicketLineInput
from ..types import TicketType
from .common import lines_from
from .staff import StaffMutation


class TicketOrderLink(StaffMutation):
    ticket = graphene.Field(TicketType, description="The ticket with its order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        order = graphene.ID(
            required=True, description="Saleor ID of an order in the ticket's channel."
        )
        lines = graphene.List(
            graphene.NonNull(TicketLineInput),
            description="The order lines concerned; they replace the ticket's lines.",
        )

    class Meta:
        description = (
            "Tie a ticket to a Saleor order of its customer and set the order lines it "
            "is about (staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketOrderLink":
        ticket = link_order(
            actor,
            int_pk(data["id"], "Ticket"),
            uuid_pk(data["order"], "Order", "order"),
            lines_from(data.get("lines")),
        )
        return cls(ticket=ticket)
