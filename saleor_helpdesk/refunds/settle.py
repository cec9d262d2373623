"""A ticket refund's state, moved by the host's answers.

Fed by three roads that know nothing of each other: the submission's own answer, the
`order_refunded` hook (Saleor: a refund went through), and the periodic sync (payment
apps that answer later, failures Saleor has no hook for, a crash after submitting).
Every road ends in `_move`, which only ever moves an open refund forward, so the same
answer arriving twice changes nothing the second time.
"""

import logging
from datetime import timedelta
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from ..core import money
from ..core.actor import Actor
from ..core.constants import RefundState, StatusGroup, TicketEventType, TicketKind
from ..core.errors import InvalidTransition
from ..host import get_host
from ..host.refunds import RefundSubmission
from ..models import Ticket, TicketRefund
from ..tickets import workflow
from ..tickets.policies import channel_settings
from ..timeline import events

logger = logging.getLogger(__name__)

# How long a refund may stay `requested` (recorded, host not known to have it) before
# the sync gives up looking for it on the host's side.
UNSUBMITTED_GRACE = timedelta(minutes=15)

OPEN_STATES = (RefundState.REQUESTED, RefundState.PENDING)


def _lock_open(refund_id: UUID | str) -> TicketRefund | None:
    return (
        TicketRefund.objects.select_for_update(of=("self",))
        .filter(pk=refund_id, state__in=OPEN_STATES)
        .select_related("ticket", "ticket__status")
        .first()
    )


def _close_if_policy(ticket: Ticket) -> None:
    if ticket.status.is_closed or ticket.merged_into_id is not None:
        return
    if not channel_settings(ticket.channel_id).auto_close_on_full_refund:
        return
    locked = (
        Ticket.objects.select_for_update().select_related("status").get(pk=ticket.pk)
    )
    try:
        workflow.set_status(locked, workflow.closed_status(), Actor.system())
    except InvalidTransition:
        # The merchant's workflow has no system move to "closed" from here.
        logger.info("Ticket %s stays open: no system transition to close.", ticket.pk)


def _move(refund: TicketRefund, state: str, actor: Actor, message: str = "") -> None:
    """Move a locked open refund to `state` and tell the timeline."""
    was = refund.state
    if state == was:
        return
    refund.state = state
    fields = ["state", "updated_at"]
    if state in (RefundState.SUCCEEDED, RefundState.FAILED):
        refund.completed_at = timezone.now()
        fields.append("completed_at")
    if message:
        refund.failure_message = message
        fields.append("failure_message")
    refund.save(update_fields=fields)
    ticket = refund.ticket
    if was == RefundState.REQUESTED and state != RefundState.FAILED:
        # The host has it: now the customer hears that the money is on its way.
        events.refund_requested_event(
            ticket=ticket,
            actor=actor,
            amount=money.amount_text(refund.amount, refund.currency),
            currency=refund.currency,
            reference=refund.reference,
        )
    if state != RefundState.PENDING:
        events.refund_updated_event(
            ticket=ticket, actor=Actor.system(), reference=refund.reference, state=state
        )
    if state == RefundState.SUCCEEDED:
        _close_if_policy(ticket)


def record_submission(
    refund_id: UUID | str, submission: RefundSubmission, actor: Actor
) -> TicketRefund:
    """The host accepted the refund (it may even be final already)."""
    with transaction.atomic():
        refund = _lock_open(refund_id)
        if refund is None:  # already moved on by a hook that was quicker
            return TicketRefund.objects.get(pk=refund_id)
        refund.granted_refund_id = submission.granted_refund_id
        refund.transaction_id = submission.transaction_id
        refund.payment_id = submission.payment_id
        refund.method = submission.method
        refund.save(
            update_fields=[
                "granted_refund_id",
                "transaction_id",
                "payment_id",
                "method",
            ]
        )
        ticket = refund.ticket
        get_host().add_order_note(
            order=refund.order,
            actor=actor,
            message=(
                f"Refund of {money.amount_text(refund.amount, refund.currency)} "
                f"{refund.currency} requested from "
                f"helpdesk ticket #{ticket.number} ({refund.reference})."
            ),
        )
        if submission.state == RefundState.FAILED:
            # Refused right away (the payment app cannot refund it …): the customer
            # never hears of a refund that was not underway.
            _move(refund, RefundState.FAILED, actor, submission.message)
        else:
            _move(refund, RefundState.PENDING, actor)
            if submission.state != RefundState.PENDING:
                _move(refund, submission.state, actor, submission.message)
    return refund


def sync_refund(refund_id: UUID | str) -> str | None:
    """Ask the host where an open refund stands and record it. Returns the state."""
    refund = TicketRefund.objects.filter(pk=refund_id, state__in=OPEN_STATES).first()
    if refund is None:
        return None
    status = get_host().refund_status(
        order=refund.order,
        method=refund.method,
        granted_refund_id=refund.granted_refund_id,
        reference=refund.reference,
    )
    with transaction.atomic():
        locked = _lock_open(refund_id)
        if locked is None:
            return None
        if status is None:
            unsubmitted = not (locked.granted_refund_id or locked.payment_id)
            if (
                unsubmitted
                and locked.state == RefundState.REQUESTED
                and timezone.now() - locked.created_at > UNSUBMITTED_GRACE
            ):
                _move(
                    locked,
                    RefundState.FAILED,
                    Actor.system(),
                    "The refund never reached the shop.",
                )
            return locked.state
        if status.details.get("granted_refund_id") and not locked.granted_refund_id:
            locked.granted_refund_id = status.details["granted_refund_id"]
            locked.save(update_fields=["granted_refund_id"])
        if status.state == RefundState.REQUESTED:
            return locked.state
        if (
            locked.state == RefundState.REQUESTED
            and status.state != RefundState.PENDING
        ):
            _move(locked, RefundState.PENDING, Actor.system())
        _move(locked, status.state, Actor.system(), status.message)
        return locked.state


def sync_order_refunds(order_id: UUID | str) -> int:
    """Sync every open ticket refund of an order. Returns how many were looked at."""
    ids = list(
        TicketRefund.objects.filter(order_id=order_id, state__in=OPEN_STATES)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    for refund_id in ids:
        sync_refund(refund_id)
    return len(ids)


def settle_refund_requests(order_id: UUID | str) -> int:
    """The whole order was refunded (in the Dashboard, by the payment app …): its open
    refund requests are settled. Returns how many tickets were settled."""
    sync_order_refunds(order_id)
    settled = 0
    order_number = (
        Ticket.objects.filter(order_id=order_id)
        .values_list("order__number", flat=True)
        .first()
    )
    reference = f"order:{order_number}"
    # Not those with a ticket refund underway or done (it tells its own story), nor
    # those an earlier call of the hook settled already.
    tickets = (
        Ticket.objects.filter(
            order_id=order_id,
            kind=TicketKind.REFUND_REQUEST,
            merged_into__isnull=True,
        )
        .exclude(status__group=StatusGroup.CLOSED)
        .exclude(refunds__state__in=(*OPEN_STATES, RefundState.SUCCEEDED))
        .exclude(
            events__type=TicketEventType.REFUND_UPDATED,
            events__parameters__reference=reference,
        )
    )
    for ticket_id in tickets.values_list("pk", flat=True):
        with transaction.atomic():
            ticket = (
                Ticket.objects.select_for_update(of=("self",))
                .select_related("status", "order")
                .filter(pk=ticket_id)
                .first()
            )
            if ticket is None or ticket.status.is_closed:
                continue
            events.refund_updated_event(
                ticket=ticket,
                actor=Actor.system(),
                reference=reference,
                state=RefundState.SUCCEEDED,
            )
            _close_if_policy(ticket)
            settled += 1
    return settled
