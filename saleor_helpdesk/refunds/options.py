"""What may still be refunded on a ticket's order: the host's view, minus the ticket
refunds the helpdesk has recorded but not yet handed to the host."""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from uuid import UUID

from django.db.models import Q

from ..core.constants import RefundState
from ..host import get_host
from ..host.refunds import RefundOptions
from ..models import RefundReasonMapping, Ticket, TicketRefund, TicketRefundLine


@dataclass(frozen=True)
class TicketRefundOptions:
    options: RefundOptions
    # Preselected from the complaint: its lines and quantities, and the refund reason
    # the merchant mapped to the first line's complaint reason.
    suggested_lines: tuple[tuple[str, int], ...] = ()
    suggested_reason_reference_id: str | None = None


def _unsubmitted(order_id: UUID | str) -> Q:
    # Recorded by the helpdesk, not yet known to the host: the host's numbers do not
    # include them, so they are subtracted here.
    return Q(
        order_id=order_id,
        state=RefundState.REQUESTED,
        granted_refund_id="",
        payment_id="",
    )


def available_options(order: object) -> RefundOptions:
    """The host's refund options for `order` with unsubmitted ticket refunds deducted.

    Callers that go on to refund hold the order's refund lock (`lock_order_refunds`),
    so no other ticket refund can slip in between."""
    options = get_host().refund_options(order=order)
    pending = list(TicketRefund.objects.filter(_unsubmitted(order.pk)))  # type: ignore[attr-defined]
    if not pending:
        return options
    amount = sum((refund.amount for refund in pending), Decimal(0))
    quantities: dict[str, int] = defaultdict(int)
    for line in TicketRefundLine.objects.filter(refund__in=pending):
        quantities[str(line.order_line_id)] += line.quantity
    lines = tuple(
        replace(
            line,
            refundable_quantity=max(
                line.refundable_quantity - quantities[line.line_id], 0
            ),
        )
        for line in options.lines
    )
    return replace(
        options,
        max_amount=max(options.max_amount - amount, Decimal(0)),
        lines=lines,
        shipping_refundable=options.shipping_refundable
        and not any(refund.include_shipping for refund in pending),
    )


def ticket_refund_options(ticket: Ticket) -> TicketRefundOptions:
    options = available_options(ticket.order)
    complaint_lines = [
        line for line in ticket.lines.all() if line.order_line_id is not None
    ]
    suggested = tuple(
        (str(line.order_line_id), line.quantity) for line in complaint_lines
    )
    reason_id = None
    if complaint_lines:
        mapping = RefundReasonMapping.objects.filter(
            complaint_reason=complaint_lines[0].reason
        ).first()
        known = {reason.id for reason in options.reasons}
        if mapping is not None and mapping.reason_reference_id in known:
            reason_id = mapping.reason_reference_id
    return TicketRefundOptions(
        options=options,
        suggested_lines=suggested,
        suggested_reason_reference_id=reason_id,
    )
