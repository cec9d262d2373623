from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import close_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketType


class TicketClose(BaseMutation):
    ticket = graphene.Field(TicketType, description="The closed ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")

    class Meta:
        description = "Close a ticket (customers where the channel allows it)."

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketClose":
        return cls(ticket=close_ticket(actor, int_pk(data["id"], "Ticket")))
