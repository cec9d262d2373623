"""Refunding from a ticket: validate, record, hand to the host, record the answer.

Order of work, and why:
1. Under the ticket's row lock and the order's refund lock, an existing refund with the
   same idempotency key is returned as it is (a double click, a retried request); else
   the request is checked against what the order still allows (the host's numbers minus
   ticket refunds not yet handed over) and recorded as `requested`, and committed.
2. Outside any transaction the host is asked (Saleor may call the payment app
   synchronously; no helpdesk lock is held meanwhile and nothing of Saleor's work can
   be rolled back by us).
3. The answer is recorded: `pending`, `succeeded` or `failed`. Only now does the
   customer hear about it (the `refund_requested` event plans the e-mail and webhook).
   A refusal (nothing started) deletes the `requested` row and is reported as a typed
   error: the request changed nothing.
A crash between 1 and 3 leaves a `requested` row that the sync task resolves by asking
the host for the refund by its reference.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.db import connection, transaction

from ..core import money
from ..core.actor import Actor
from ..core.constants import RefundMethod
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..core.permissions import Perm
from ..host import get_host
from ..host.refunds import RefundOptions, RefundPlan, RefundRefused
from ..models import Ticket, TicketRefund, TicketRefundLine
from ..refunds.options import available_options
from ..refunds.settle import record_submission
from ..tickets.access import lock_ticket, require_agent
from .common import refuse_merged

logger = logging.getLogger(__name__)

MAX_KEY_LENGTH = 128
MAX_REASON_LENGTH = 1000


@dataclass(frozen=True)
class RefundRequest:
    idempotency_key: str
    lines: tuple[tuple[str, int], ...] = ()  # (order line id, quantity)
    include_shipping: bool = False
    amount: Decimal | None = None  # None: the lines' prices (and shipping)
    reason: str = ""
    reason_reference_id: str | None = None


def require_refund_permission(actor: Actor) -> None:
    require_agent(actor)
    if not actor.has_perm(Perm.HANDLE_PAYMENTS):
        raise HelpdeskPermissionDenied(
            "You need the HANDLE_PAYMENTS permission to refund."
        )


def lock_order_refunds(order_id: UUID | str) -> None:
    """Serialise refunds of one order (across tickets) until the transaction ends.

    An advisory lock, not a row lock on Saleor's order: Saleor's own writers of that
    row are not held up by the helpdesk."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtext(%s))",
            [f"saleor_helpdesk.refund:{order_id}"],
        )


def _check_shape(request: RefundRequest) -> None:
    key = request.idempotency_key.strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        raise field_error(
            "idempotency_key",
            f"Send an idempotency key of 1 to {MAX_KEY_LENGTH} characters.",
            HelpdeskErrorCode.REQUIRED if not key else HelpdeskErrorCode.INVALID,
        )
    if len(request.reason) > MAX_REASON_LENGTH:
        raise field_error(
            "reason",
            f"The reason may have at most {MAX_REASON_LENGTH} characters.",
            HelpdeskErrorCode.INVALID,
        )
    seen: set[str] = set()
    for line_id, quantity in request.lines:
        if line_id in seen:
            raise field_error(
                "lines",
                "Each order line may appear once.",
                HelpdeskErrorCode.DUPLICATED_INPUT_ITEM,
            )
        seen.add(line_id)
        if quantity < 1:
            raise field_error(
                "lines", "Quantities must be at least 1.", HelpdeskErrorCode.INVALID
            )
    if request.amount is None and not request.lines and not request.include_shipping:
        raise field_error(
            "lines",
            "Choose lines, shipping or an amount to refund.",
            HelpdeskErrorCode.REQUIRED,
        )


def _fingerprint(request: RefundRequest) -> tuple:
    # What makes two requests the same refund (the amount is derived from these
    # unless given, and then checked by the stored row's amount).
    return (
        tuple(sorted(request.lines)),
        request.include_shipping,
        request.reason_reference_id or "",
    )


def _stored_fingerprint(refund: TicketRefund) -> tuple:
    lines = tuple(
        sorted((str(line.order_line_id), line.quantity) for line in refund.lines.all())
    )
    return lines, refund.include_shipping, refund.reason_reference_id


def _checked_amount(request: RefundRequest, currency: str) -> Decimal | None:
    """The amount the client sent, at the currency's precision (`money`: the rule
    Saleor's own validator applies), or a typed refusal on `amount`."""
    if request.amount is None:
        return None
    try:
        return money.checked_amount(request.amount, currency)
    except money.InvalidAmount as invalid:
        raise field_error(
            "amount", invalid.message, HelpdeskErrorCode.INVALID
        ) from invalid


def _check_against(
    options: RefundOptions, request: RefundRequest, given: Decimal | None
) -> Decimal:
    """The amount to refund, or a typed refusal. Nothing is written before this."""
    if options.method is None:
        raise field_error(
            "id",
            options.unavailable or "The order has no payment to refund.",
            HelpdeskErrorCode.NO_PAYMENT_TO_REFUND,
        )
    computed = Decimal(0)
    for line_id, quantity in request.lines:
        line = options.line(line_id)
        if line is None:
            raise field_error(
                "lines",
                "The line is not part of this ticket's order.",
                HelpdeskErrorCode.LINE_NOT_IN_ORDER,
            )
        if quantity > line.refundable_quantity:
            raise field_error(
                "lines",
                f"Only {line.refundable_quantity} of {line.product_name} can still "
                "be refunded.",
                HelpdeskErrorCode.QUANTITY_EXCEEDED,
            )
        computed += line.unit_price * quantity
    if request.include_shipping:
        if not options.shipping_refundable:
            raise field_error(
                "include_shipping",
                "The shipping costs have already been refunded.",
                HelpdeskErrorCode.SHIPPING_ALREADY_REFUNDED,
            )
        computed += options.shipping_amount
    # Prices are stored with three places: a sum of them is taken at the currency's
    # precision, rounded as Saleor rounds its prices.
    amount = given if given is not None else money.quantize(computed, options.currency)
    if amount <= 0:
        raise field_error(
            "amount", "There is nothing to refund.", HelpdeskErrorCode.INVALID
        )
    if amount > options.max_amount:
        raise field_error(
            "amount",
            f"At most {money.amount_text(options.max_amount, options.currency)} "
            f"{options.currency} can be refunded.",
            HelpdeskErrorCode.AMOUNT_EXCEEDS_REFUNDABLE,
        )
    reason_id = request.reason_reference_id
    if reason_id is None and options.reason_required:
        raise field_error(
            "reason_reference",
            "The shop requires a refund reason: choose one.",
            HelpdeskErrorCode.REQUIRED,
        )
    if reason_id is not None and reason_id not in {r.id for r in options.reasons}:
        raise field_error(
            "reason_reference",
            "Choose one of the shop's refund reasons.",
            HelpdeskErrorCode.INVALID,
        )
    return amount


def _currency_of(ticket: Ticket) -> str:
    order = ticket.order
    assert order is not None  # callers check the ticket's order first
    return str(order.currency)


def _record(
    actor: Actor, ticket_id: int, request: RefundRequest
) -> tuple[TicketRefund, bool]:
    """Step 1. Returns the refund and whether it is new."""
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if ticket.order_id is None:
            raise field_error(
                "id",
                "The ticket has no order to refund.",
                HelpdeskErrorCode.NO_ORDER,
            )
        given = _checked_amount(request, _currency_of(ticket))
        lock_order_refunds(ticket.order_id)
        existing = TicketRefund.objects.filter(
            idempotency_key=request.idempotency_key.strip()
        ).first()
        if existing is not None:
            if (
                existing.ticket_id != ticket.pk
                or _stored_fingerprint(existing) != _fingerprint(request)
                or (given is not None and given != existing.amount)
            ):
                raise field_error(
                    "idempotency_key",
                    "This idempotency key was used for another refund.",
                    HelpdeskErrorCode.IDEMPOTENCY_KEY_REUSED,
                )
            return existing, False
        options = available_options(ticket.order)
        amount = _check_against(options, request, given)
        refund = TicketRefund.objects.create(
            ticket=ticket,
            order_id=ticket.order_id,
            idempotency_key=request.idempotency_key.strip(),
            method=options.method or RefundMethod.TRANSACTION,
            amount=amount,
            currency=options.currency,
            include_shipping=request.include_shipping,
            reason=request.reason.strip(),
            reason_reference_id=request.reason_reference_id or "",
            requested_by=actor.user if actor.user_id else None,
            requested_by_app=actor.app,
        )
        names = {line.line_id: line.product_name for line in options.lines}
        TicketRefundLine.objects.bulk_create(
            TicketRefundLine(
                refund=refund,
                order_line_id=line_id,
                product_name=names.get(line_id, ""),
                quantity=quantity,
            )
            for line_id, quantity in request.lines
        )
    return refund, True


def _plan(refund: TicketRefund, ticket: Ticket) -> RefundPlan:
    reason = refund.reason or f"Helpdesk ticket #{ticket.number}"
    return RefundPlan(
        reference=refund.reference,
        amount=refund.amount,
        lines=tuple(
            (str(line.order_line_id), line.quantity) for line in refund.lines.all()
        ),
        include_shipping=refund.include_shipping,
        # Saleor shows the reason on the order; the reference lets the helpdesk find
        # its refund again.
        reason=f"{reason} ({refund.reference})",
        reason_reference_id=refund.reason_reference_id or None,
    )


def request_refund(
    actor: Actor, ticket_id: int, request: RefundRequest
) -> TicketRefund:
    require_refund_permission(actor)
    _check_shape(request)
    refund, is_new = _record(actor, ticket_id, request)
    if not is_new:
        return refund
    ticket = Ticket.objects.get(pk=refund.ticket_id)
    try:
        submission = get_host().submit_refund(
            actor=actor, order=refund.order, plan=_plan(refund, ticket)
        )
    except RefundRefused as refusal:
        # Nothing was started: forget the request, report why.
        TicketRefund.objects.filter(pk=refund.pk).delete()
        code = (
            HelpdeskErrorCode(refusal.code)
            if refusal.code in HelpdeskErrorCode._value2member_map_
            else HelpdeskErrorCode.REFUND_REFUSED
        )
        raise field_error(refusal.field or "id", refusal.message, code) from refusal
    except Exception:
        # Unknown whether the host started it: leave it `requested` for the sync task,
        # which asks the host by the refund's reference.
        logger.exception("Refund %s: the host did not answer.", refund.pk)
        refund.refresh_from_db()
        return refund
    return record_submission(refund.pk, submission, actor)
