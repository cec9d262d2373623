"""Tying a ticket to a Saleor order and the lines a complaint is about."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import transaction

from ..core.actor import Actor, ActorKind
from ..core.constants import DRAFT_ORDER_STATUS, ComplaintReason
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..host.shop_models import order_model
from ..models import Ticket, TicketLine
from ..tickets.access import lock_ticket
from ..timeline import events
from .common import refuse_merged, remember_related, touch


@dataclass
class NewLine:
    """An order line a ticket is about, as asked for: how many and why."""

    order_line_id: UUID
    quantity: int
    reason: str = ComplaintReason.OTHER
    note: str = ""


@dataclass(frozen=True)
class OrderLineRequest:
    line: Any
    quantity: int
    reason: str
    note: str


def _order_not_found(field: str) -> Exception:
    return field_error(field, "Order not found.", HelpdeskErrorCode.NOT_FOUND)


def check_order_access(actor: Actor, order_id: UUID, field: str = "order") -> Any:
    """The order if this actor may open tickets on it; otherwise "not found" (an order
    that is not yours does not exist for you)."""
    order = (
        order_model()
        .objects.filter(pk=order_id)
        .select_related("user", "channel")
        .first()
    )
    if order is None:
        raise _order_not_found(field)
    if actor.kind == ActorKind.SYSTEM:
        return order
    if actor.is_agent:
        if not actor.can_access_channel(order.channel_id):
            raise HelpdeskPermissionDenied(
                "You have no access to this order's channel.", field=field
            )
        return order
    if order.status == DRAFT_ORDER_STATUS:
        raise _order_not_found(field)
    if actor.kind == ActorKind.CUSTOMER and order.user_id == actor.user_id:
        return order
    if (
        actor.kind == ActorKind.GUEST
        and order.pk == actor.guest_order_id
        and (order.user_email or "").lower() == actor.guest_email
    ):
        return order
    if actor.kind == ActorKind.EMAIL and (
        (order.user_email or "").lower() == actor.guest_email
        or (actor.user_id is not None and order.user_id == actor.user_id)
    ):
        return order
    raise _order_not_found(field)


def check_order_lines(
    order: Any, lines: Sequence[NewLine], field: str = "lines"
) -> list[OrderLineRequest]:
    if not lines:
        return []
    if order is None:
        raise field_error(
            "order",
            "Choose the order these lines belong to.",
            HelpdeskErrorCode.REQUIRED,
        )
    wanted = [line.order_line_id for line in lines]
    if len(set(wanted)) != len(wanted):
        raise field_error(
            field,
            "Each order line can be named only once.",
            HelpdeskErrorCode.DUPLICATED_INPUT_ITEM,
        )
    by_id = {line.pk: line for line in order.lines.filter(pk__in=wanted)}
    checked = []
    for requested in lines:
        line = by_id.get(requested.order_line_id)
        if line is None:
            raise field_error(
                field,
                "This line is not part of the order.",
                HelpdeskErrorCode.LINE_NOT_IN_ORDER,
            )
        if requested.quantity < 1 or requested.quantity > line.quantity:
            raise field_error(
                field,
                f"Quantity for '{line.product_name}' must be between 1 and "
                f"{line.quantity}.",
                HelpdeskErrorCode.QUANTITY_EXCEEDED,
            )
        if requested.reason not in ComplaintReason.values:
            raise field_error(field, "Unknown reason.", HelpdeskErrorCode.INVALID)
        checked.append(
            OrderLineRequest(
                line=line,
                quantity=requested.quantity,
                reason=requested.reason,
                note=requested.note.strip(),
            )
        )
    return checked


def save_lines(ticket: Ticket, requests: Sequence[OrderLineRequest]) -> None:
    lines = TicketLine.objects.bulk_create(
        TicketLine(
            ticket=ticket,
            order_line=request.line,
            product_name=request.line.product_name,
            product_sku=request.line.product_sku or "",
            quantity=request.quantity,
            reason=request.reason,
            note=request.note,
        )
        for request in requests
    )
    # Whoever reads `ticket.lines` next in this request gets the rows just written.
    remember_related(ticket, "lines", lines)


def link_order(
    actor: Actor,
    ticket_id: int,
    order_id: UUID,
    lines: Sequence[NewLine] = (),
) -> Ticket:
    """Tie the ticket to an order and (re)place its complaint lines.

    Staff may link any order in their channels; a customer only their own order, and
    only to a ticket that has none yet.
    """
    if actor.kind == ActorKind.GUEST:
        raise HelpdeskPermissionDenied("A guest ticket stays with its order.")
    order = check_order_access(actor, order_id)
    requests = check_order_lines(order, lines)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if not actor.is_agent and ticket.order_id not in (None, order.pk):
            raise HelpdeskPermissionDenied(
                "Only staff can move a ticket to another order.", field="order"
            )
        if ticket.channel_id not in (None, order.channel_id):
            raise field_error(
                "order",
                "The order belongs to another channel than the ticket.",
                HelpdeskErrorCode.CHANNEL_MISMATCH,
            )
        if ticket.customer_id and order.user_id not in (None, ticket.customer_id):
            raise field_error(
                "order",
                "The order belongs to another customer.",
                HelpdeskErrorCode.ORDER_MISMATCH,
            )
        ticket.order = order
        ticket.channel_id = order.channel_id
        ticket.lines.all().delete()
        save_lines(ticket, requests)
        touch(ticket, "order", "channel")
        events.order_linked_event(
            ticket=ticket,
            actor=actor,
            order_number=order.number,
            line_count=len(requests),
        )
    return ticket
