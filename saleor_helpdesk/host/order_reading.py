"""Reading an order's payments and refunds by Saleor's public names.

Both hosts use this: Saleor's models and the stand-in's share their relation and field
names (`payment_transactions`, `payments`, `granted_refunds`, `fulfillments`, …) and
status values, so the stand-in runs the very code that runs inside Saleor. Nothing here
imports Saleor; the values below are Saleor's (`saleor/order/__init__.py`,
`saleor/payment/__init__.py`).
"""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from ..core.constants import RefundMethod, RefundState
from .refunds import (
    PaymentSummary,
    RefundableLine,
    RefundOptions,
    RefundReason,
    RefundStatus,
)

ACTION_REFUND = "refund"  # TransactionAction.REFUND
GRANTED_REFUND_FAILED = "failure"  # OrderGrantedRefundStatus.FAILURE
REFUNDED_FULFILMENTS = ("refunded", "refunded_and_returned")  # FulfillmentStatus
REFUNDED_CHARGE_STATUSES = ("partially-refunded", "fully-refunded")  # ChargeStatus
REFUND_FAILURE_EVENT = "refund_failure"  # TransactionEventType.REFUND_FAILURE
# OrderGrantedRefundStatus → the ticket refund's state.
GRANTED_REFUND_STATES = {
    "none": RefundState.REQUESTED,
    "pending": RefundState.PENDING,
    "success": RefundState.SUCCEEDED,
    GRANTED_REFUND_FAILED: RefundState.FAILED,
}


def can_refund_transaction(item: Any) -> bool:
    return ACTION_REFUND in (item.available_actions or [])


OPEN_GRANTED_REFUNDS = ("none", "pending")  # OrderGrantedRefundStatus


def refundable_on(item: Any) -> Decimal:
    """What a transaction can still pay back: what it holds (charged, plus refunds the
    payment app has acknowledged as pending, which Saleor already took out of
    `charged_value`) minus every granted refund on it that is not settled yet.

    Saleor moves a requested refund into `refund_pending_value` only once the payment
    app acknowledges it; until then `charged_value` still holds it. Counting the open
    granted refunds instead covers both, so two refunds in a row never promise the
    same money twice."""
    open_granted = sum(
        item.granted_refund.filter(status__in=OPEN_GRANTED_REFUNDS).values_list(
            "amount_value", flat=True
        ),
        Decimal(0),
    )
    held = item.charged_value + item.refund_pending_value
    return max(held - open_granted, Decimal(0))


def last_payment(order: Any) -> Any:
    # Saleor's `Order.get_last_payment`: the newest payment row.
    return order.payments.order_by("-pk").first()


def payments_of(order: Any) -> tuple[PaymentSummary, ...]:
    rows = [
        PaymentSummary(
            kind=RefundMethod.TRANSACTION,
            name=item.name or item.psp_reference or "",
            currency=item.currency,
            charged=item.charged_value,
            refunded=item.refunded_value,
            pending_refund=item.refund_pending_value,
            can_refund=can_refund_transaction(item),
        )
        for item in order.payment_transactions.order_by("created_at", "pk")
    ]
    rows += [
        PaymentSummary(
            kind=RefundMethod.PAYMENT,
            name=payment.gateway,
            currency=payment.currency,
            charged=payment.captured_amount,
            refunded=max(payment.total - payment.captured_amount, Decimal(0))
            if payment.charge_status in REFUNDED_CHARGE_STATUSES
            else Decimal(0),
            pending_refund=Decimal(0),
            can_refund=payment.can_refund(),
        )
        for payment in order.payments.filter(is_active=True).order_by("pk")
    ]
    return tuple(rows)


def refundable_lines(order: Any) -> list[RefundableLine]:
    """Each line with what granted refunds (that did not fail) and legacy refund
    fulfilments do not cover yet."""
    taken: dict[Any, int] = defaultdict(int)
    granted = (
        order.granted_refunds.exclude(status=GRANTED_REFUND_FAILED)
        .filter(lines__isnull=False)
        .values_list("lines__order_line_id", "lines__quantity")
    )
    refunded = order.fulfillments.filter(
        status__in=REFUNDED_FULFILMENTS, lines__isnull=False
    ).values_list("lines__order_line_id", "lines__quantity")
    for line_id, quantity in [*granted, *refunded]:
        taken[line_id] += quantity
    return [
        RefundableLine(
            line_id=str(line.pk),
            product_name=line.product_name,
            quantity=line.quantity,
            refundable_quantity=max(line.quantity - taken[line.pk], 0),
            unit_price=line.unit_price_gross_amount,
        )
        for line in order.lines.order_by("pk")
    ]


def refund_options_of(
    order: Any, reasons: tuple[RefundReason, ...] | None
) -> RefundOptions:
    shipping = order.shipping_price_gross_amount or Decimal(0)
    shipping_done = (
        order.granted_refunds.filter(shipping_costs_included=True)
        .exclude(status=GRANTED_REFUND_FAILED)
        .exists()
        or order.fulfillments.filter(
            status__in=REFUNDED_FULFILMENTS, shipping_refund_amount__isnull=False
        ).exists()
    )
    common: dict[str, Any] = {
        "currency": order.currency,
        "shipping_amount": shipping,
        "shipping_refundable": shipping > 0 and not shipping_done,
        "lines": tuple(refundable_lines(order)),
        "reason_required": reasons is not None,
        "reasons": reasons or (),
    }
    transactions = list(order.payment_transactions.all())
    if transactions:
        refundable = [item for item in transactions if can_refund_transaction(item)]
        if not refundable:
            return RefundOptions(
                method=None,
                max_amount=Decimal(0),
                unavailable="The payment app cannot refund this payment.",
                **common,
            )
        # One granted refund goes through one transaction: the largest bounds it.
        return RefundOptions(
            method=RefundMethod.TRANSACTION,
            max_amount=max(refundable_on(item) for item in refundable),
            **common,
        )
    payment = last_payment(order)
    if payment is not None and payment.can_refund():
        return RefundOptions(
            method=RefundMethod.PAYMENT, max_amount=payment.captured_amount, **common
        )
    return RefundOptions(
        method=None,
        max_amount=Decimal(0),
        unavailable="The order has no payment to refund.",
        **common,
    )


def refund_transaction_of(order: Any) -> Any:
    """The transaction a refund goes through: the refundable one holding the most."""
    items = [
        item
        for item in order.payment_transactions.order_by("pk")
        if can_refund_transaction(item)
    ]
    return max(items, key=refundable_on, default=None)


def refund_status_of(
    order: Any, method: str, granted_refund_id: str, reference: str
) -> RefundStatus | None:
    """Where a ticket refund stands in the shop: its granted refund, found by id, or by
    the ticket refund's reference in its reason (the helpdesk crashed before learning
    the id). None for legacy payment refunds: they are final when submitted."""
    if method != RefundMethod.TRANSACTION:
        return None
    granted = order.granted_refunds.all()
    row = (
        granted.filter(pk=granted_refund_id).first()
        if granted_refund_id
        else granted.filter(reason__contains=reference).first()
    )
    if row is None:
        return None
    message = ""
    if row.status == GRANTED_REFUND_FAILED:
        message = (
            row.transaction_events.filter(type=REFUND_FAILURE_EVENT)
            .order_by("created_at", "pk")
            .values_list("message", flat=True)
            .last()
            or ""
        )
    return RefundStatus(
        state=GRANTED_REFUND_STATES.get(row.status, RefundState.PENDING),
        message=message,
        details={"granted_refund_id": str(row.pk)},
    )
