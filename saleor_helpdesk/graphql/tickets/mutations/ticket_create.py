from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import NewTicket, create_ticket
from ....actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import TicketCreateInput
from ..types import TicketType
from .common import (
    channel_id_from_slug,
    complaint_from,
    lines_from,
    optional_int_pk,
    uuid_of,
)


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
        given = data["input"]
        ticket = create_ticket(
            actor,
            NewTicket(
                subject=given["subject"],
                body=given["body"],
                kind=given.get("kind") or "question",
                channel_id=channel_id_from_slug(given.get("channel")),
                order_id=uuid_of(given["order"], "Order", "order")
                if given.get("order")
                else None,
                lines=lines_from(given.get("lines")),
                complaint=complaint_from(given.get("complaint")),
                category_id=optional_int_pk(
                    given.get("category"), "TicketCategory", "category"
                ),
                contact_id=optional_int_pk(
                    given.get("contact"), "TicketContact", "contact"
                ),
                customer_id=int_pk(given["customer"], "User", "customer")
                if given.get("customer")
                else None,
                customer_email=given.get("customer_email"),
                customer_name=given.get("customer_name") or "",
                language_code=given.get("language_code"),
                attachments=list(given.get("attachments") or []),
            ),
        )
        return cls(ticket=ticket)
