from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import create_ticket
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import TicketCreateInput
from ..new_ticket import new_ticket_from
from ..types import TicketType


class TicketCreate(BaseMutation):
    ticket = graphene.Field(TicketType, description="The new ticket.")

    class Arguments:
        input = TicketCreateInput(required=True, description="The ticket to open.")

    class Meta:
        description = (
            "Open a ticket or a complaint: customers on their own orders, staff (with "
            "MANAGE_ORDERS) and apps for a customer."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketCreate":
        return cls(ticket=create_ticket(actor, new_ticket_from(data["input"])))
