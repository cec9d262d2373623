from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.inbound_review import accept_inbound_email
from ....core.actor import Actor
from ....tickets.access import visible_tickets
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.types import HelpdeskInboundEmail, TicketType


class HelpdeskInboundEmailAccept(BaseMutation):
    inbound_email = graphene.Field(
        HelpdeskInboundEmail, description="The accepted message."
    )
    ticket = graphene.Field(TicketType, description="The ticket it is on now.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the message.")

    class Meta:
        description = (
            "Accept a message waiting for staff: a reply from an unverified sender "
            "joins the customer's thread (and the sender the ticket's CC); a held "
            "message is taken in now (MANAGE_ORDERS in the ticket's or the mailbox's "
            "channel)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskInboundEmailAccept":
        row = accept_inbound_email(actor, int_pk(data["id"], "HelpdeskInboundEmail"))
        ticket = (
            visible_tickets(actor).filter(pk=row.ticket_id).first()
            if row.ticket_id
            else None
        )
        return cls(inbound_email=row, ticket=ticket)
