"""API input of a new ticket → the domain's `NewTicket` (shared by the customer, staff
and guest mutations)."""

from typing import Any

from ...actions import NewTicket
from ...core.constants import TicketKind
from ..core.ids import int_pk, uuid_pk
from .mutations.common import (
    channel_id_from_slug,
    complaint_from,
    lines_from,
    optional_int_pk,
)


def new_ticket_from(given: dict[str, Any]) -> NewTicket:
    return NewTicket(
        subject=given["subject"],
        body=given["body"],
        kind=given.get("kind") or TicketKind.QUESTION,
        channel_id=channel_id_from_slug(given.get("channel")),
        order_id=uuid_pk(given["order"], "Order", "order")
        if given.get("order")
        else None,
        lines=lines_from(given.get("lines")),
        complaint=complaint_from(given.get("complaint")),
        category_id=optional_int_pk(
            given.get("category"), "TicketCategory", "category"
        ),
        contact_id=optional_int_pk(given.get("contact"), "TicketContact", "contact"),
        customer_id=int_pk(given["customer"], "User", "customer")
        if given.get("customer")
        else None,
        customer_email=given.get("customer_email"),
        customer_name=given.get("customer_name") or "",
        language_code=given.get("language_code"),
        attachments=list(given.get("attachments") or []),
    )
