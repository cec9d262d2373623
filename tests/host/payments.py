"""The stand-in host's refund machinery, shaped like Saleor's and no more:

- `grant_refund` + `request_refund_for_granted_refund`: what Saleor's mutations
  `orderGrantRefundCreate` and `transactionRequestRefundForGrantedRefund` do (a granted
  refund on the order, a REFUND_REQUEST event on the transaction, the payment app asked);
- `report_transaction_event`: what `transactionEventReport` does when the payment app
  answers (amounts recalculated, the granted refund's status, `order_refunded` hooks);
- `refund_products`: what `orderFulfillmentRefundProducts` does on a legacy payment (a
  refund fulfilment, the gateway refunds synchronously, `order_refunded` hooks).

The payment app's answer: a transaction whose `app_identifier` is in
`INSTANT_PAYMENT_APPS` answers the refund request at once (as a Saleor payment app may in
its synchronous webhook response); any other app answers later, through
`report_transaction_event` (tests call it; the demo's app does it from a task).
"""

import threading
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Sum

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.host.refunds import RefundRefused

from . import plugins
from .order.models import (
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderGrantedRefund,
    OrderGrantedRefundLine,
    OrderGrantedRefundStatus,
    OrderLine,
)
from .page.models import Page
from .payment.models import (
    ChargeStatus,
    Payment,
    TransactionAction,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)
from .site.models import SiteSettings

INSTANT_PAYMENT_APPS = {"standin.payments.instant"}
# The demo's payment app answers a refund request this many seconds later, from a
# thread of its own (standing in for a payment provider calling back).
DEMO_PAYMENT_APP = "standin.payments.demo"
DEMO_ANSWER_DELAY = 3.0
# A gateway that declines every refund (Saleor: the gateway's PaymentError).
DECLINING_GATEWAY = "standin.payments.declining"


def _require(actor: Actor, perm: Perm, order: Order) -> None:
    # Saleor's mutations check the permission and the channel access of the caller.
    if not actor.has_perm(perm) or not actor.can_access_channel(order.channel_id):
        raise RefundRefused(
            None,
            "permission_denied",
            f"You need one of the following permissions: {perm.value}",
        )


def _check_reason_reference(
    actor: Actor, reason_reference_id: str | None
) -> Page | None:
    reference_type = SiteSettings.current().refund_reason_reference_type
    if reference_type is None:
        if reason_reference_id:
            raise RefundRefused(
                "reason_reference",
                "invalid",
                "Reason reference type is not configured.",
            )
        return None
    if reason_reference_id is None:
        if actor.user_id:
            raise RefundRefused(
                "reason_reference",
                "required",
                "Reason reference is required when reason reference type is configured.",
            )
        return None
    page = Page.objects.filter(pk=reason_reference_id, page_type=reference_type).first()
    if page is None:
        raise RefundRefused("reason_reference", "invalid", "Invalid reason reference.")
    return page


def grant_refund(
    *,
    actor: Actor,
    order: Order,
    transaction_item: TransactionItem,
    amount: Decimal,
    lines: tuple[tuple[str, int], ...],
    include_shipping: bool,
    reason: str,
    reason_reference_id: str | None,
) -> OrderGrantedRefund:
    _require(actor, Perm.MANAGE_ORDERS, order)
    page = _check_reason_reference(actor, reason_reference_id)
    order_lines = {
        str(line.pk): line
        for line in OrderLine.objects.filter(pk__in=[line_id for line_id, _ in lines])
    }
    for line_id, quantity in lines:
        line = order_lines.get(line_id)
        if line is None or line.order_id != order.pk:
            raise RefundRefused(
                "lines", "invalid", "Provided input for lines is invalid."
            )
        granted = (
            OrderGrantedRefundLine.objects.filter(order_line=line)
            .exclude(granted_refund__status=OrderGrantedRefundStatus.FAILURE)
            .aggregate(total=Sum("quantity"))["total"]
            or 0
        )
        if granted + quantity > line.quantity:
            raise RefundRefused(
                "lines", "invalid", "Provided input for lines is invalid."
            )
    if (
        include_shipping
        and order.granted_refunds.filter(shipping_costs_included=True)
        .exclude(status=OrderGrantedRefundStatus.FAILURE)
        .exists()
    ):
        raise RefundRefused(
            "include_shipping",
            "shipping_already_refunded",
            "Shipping costs have already been granted.",
        )
    if amount > transaction_item.charged_value:
        raise RefundRefused(
            "amount",
            "amount_exceeds_refundable",
            "Amount cannot be greater than the charged amount of provided transaction.",
        )
    with transaction.atomic():
        granted_refund = OrderGrantedRefund.objects.create(
            order=order,
            amount_value=amount,
            currency=order.currency,
            reason=reason,
            reason_reference=page,
            user=actor.user if actor.user_id else None,
            app=actor.app,
            shipping_costs_included=include_shipping,
            transaction_item=transaction_item,
        )
        OrderGrantedRefundLine.objects.bulk_create(
            OrderGrantedRefundLine(
                granted_refund=granted_refund, order_line_id=line_id, quantity=quantity
            )
            for line_id, quantity in lines
        )
    return granted_refund


def request_refund_for_granted_refund(
    *, actor: Actor, granted_refund: OrderGrantedRefund
) -> None:
    order = granted_refund.order
    _require(actor, Perm.HANDLE_PAYMENTS, order)
    item = granted_refund.transaction_item
    assert item is not None
    if TransactionAction.REFUND not in item.available_actions:
        raise RefundRefused(
            None,
            "refund_not_possible",
            "No app or plugin is configured to handle payment action.",
        )
    with transaction.atomic():
        item = TransactionItem.objects.select_for_update().get(pk=item.pk)
        amount = min(granted_refund.amount_value, item.charged_value)
        event = TransactionEvent.objects.create(
            transaction=item,
            type=TransactionEventType.REFUND_REQUEST,
            amount_value=amount,
            currency=item.currency,
            related_granted_refund=granted_refund,
        )
        item.charged_value -= amount
        item.refund_pending_value += amount
        item.save(update_fields=["charged_value", "refund_pending_value"])
        granted_refund.status = OrderGrantedRefundStatus.PENDING
        granted_refund.save(update_fields=["status"])
    if item.app_identifier in INSTANT_PAYMENT_APPS:
        report_transaction_event(
            event=event, type=TransactionEventType.REFUND_SUCCESS, psp_reference="i-1"
        )
    elif item.app_identifier == DEMO_PAYMENT_APP:
        transaction.on_commit(lambda: _answer_later(event.pk))


def _answer_later(event_id: int) -> None:
    def answer() -> None:
        try:
            event = TransactionEvent.objects.get(pk=event_id)
            report_transaction_event(
                event=event,
                type=TransactionEventType.REFUND_SUCCESS,
                psp_reference=f"demo-refund-{event_id}",
            )
        finally:
            connection.close()

    timer = threading.Timer(DEMO_ANSWER_DELAY, answer)
    timer.daemon = True
    timer.start()


def report_transaction_event(
    *, event: TransactionEvent, type: str, psp_reference: str = "", message: str = ""
) -> None:
    """The payment app's answer to a refund request (REFUND_SUCCESS/REFUND_FAILURE)."""
    with transaction.atomic():
        item = TransactionItem.objects.select_for_update().get(pk=event.transaction_id)
        previous_refunded = item.refunded_value
        TransactionEvent.objects.create(
            transaction=item,
            type=type,
            amount_value=event.amount_value,
            currency=event.currency,
            psp_reference=psp_reference,
            message=message,
            related_granted_refund=event.related_granted_refund,
        )
        item.refund_pending_value -= event.amount_value
        if type == TransactionEventType.REFUND_SUCCESS:
            item.refunded_value += event.amount_value
        else:
            item.charged_value += event.amount_value
        item.save(
            update_fields=["refund_pending_value", "refunded_value", "charged_value"]
        )
        granted_refund = event.related_granted_refund
        if granted_refund is not None:
            granted_refund.status = (
                OrderGrantedRefundStatus.SUCCESS
                if type == TransactionEventType.REFUND_SUCCESS
                else OrderGrantedRefundStatus.FAILURE
            )
            granted_refund.save(update_fields=["status"])
        order = item.order
        if order is not None and item.refunded_value > previous_refunded:
            # Saleor's `order_transaction_updated` → `order_refunded`: hooks run after
            # commit (`call_event`).
            transaction.on_commit(lambda: plugins.order_refunded(order))


def refund_products(
    *,
    actor: Actor,
    order: Order,
    payment: Payment,
    amount: Decimal,
    lines: tuple[tuple[str, int], ...],
    include_shipping: bool,
) -> Fulfillment:
    """Saleor's `orderFulfillmentRefundProducts` → `create_refund_fulfillment`."""
    _require(actor, Perm.MANAGE_ORDERS, order)
    if not payment.can_refund():
        raise RefundRefused(None, "refund_not_possible", "Order cannot be refunded.")
    if amount > payment.captured_amount:
        raise RefundRefused(
            "amount",
            "amount_exceeds_refundable",
            "The amountToRefund is greater than the maximal possible amount to refund.",
        )
    if payment.gateway == DECLINING_GATEWAY:
        raise RefundRefused(None, "refund_refused", "The payment gateway declined.")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        number = (
            Fulfillment.objects.filter(order=order).count() + 1
        )  # Saleor: fulfillment_order
        fulfillment = Fulfillment.objects.create(
            order=order,
            fulfillment_order=number,
            status=FulfillmentStatus.REFUNDED,
            total_refund_amount=amount,
            shipping_refund_amount=(
                order.shipping_price_gross_amount if include_shipping else None
            ),
        )
        FulfillmentLine.objects.bulk_create(
            FulfillmentLine(fulfillment=fulfillment, order_line_id=line_id, quantity=q)
            for line_id, q in lines
        )
        payment.captured_amount -= amount
        payment.charge_status = (
            ChargeStatus.FULLY_REFUNDED
            if payment.captured_amount <= 0
            else ChargeStatus.PARTIALLY_REFUNDED
        )
        payment.save(update_fields=["captured_amount", "charge_status"])
        fully = payment.charge_status == ChargeStatus.FULLY_REFUNDED
        transaction.on_commit(lambda: plugins.order_refunded(order, fully=fully))
    return fulfillment
