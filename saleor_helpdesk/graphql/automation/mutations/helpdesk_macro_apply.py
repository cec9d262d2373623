from typing import Any

import graphene

from graphql import ResolveInfo

from ....automation.macros import apply_macro
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.types import TicketType


class HelpdeskMacroApply(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket after the macro.")

    class Arguments:
        ticket = graphene.ID(required=True, description="ID of the ticket.")
        macro = graphene.ID(required=True, description="ID of the macro.")

    class Meta:
        description = (
            "Apply a macro to a ticket: its reply, status, priority, tags and "
            "assignment in one step; a refused step changes nothing (MANAGE_ORDERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMacroApply":
        ticket_id = int_pk(data["ticket"], "Ticket", "ticket")
        macro_id = int_pk(data["macro"], "HelpdeskMacro", "macro")
        return cls(ticket=apply_macro(actor, ticket_id, macro_id))
