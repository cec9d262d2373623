from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import reopen_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketType


class TicketReopen(BaseMutation):
    ticket = graphene.Field(TicketType, description="The reopened ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")

    class Meta:
        description = "Reopen a closed ticket (customers within the channel's window)."

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketReopen":
        return cls(ticket=reopen_ticket(actor, int_pk(data["id"], "Ticket")))
