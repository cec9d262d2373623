"""Moving a ticket through the workflow; closing and reopening under channel policy."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..models import Ticket, TicketStatus
from ..tickets import workflow
from ..tickets.access import lock_ticket, require_agent
from ..tickets.policies import channel_settings
from .common import refuse_merged


def change_status(actor: Actor, ticket_id: int, status_id: int) -> Ticket:
    require_agent(actor)
    target = TicketStatus.objects.filter(pk=status_id).first()
    if target is None:
        raise field_error("status", "Status not found.", HelpdeskErrorCode.NOT_FOUND)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if target.pk != ticket.status_id:
            workflow.set_status(ticket, target, actor)
    return ticket


def close_ticket(actor: Actor, ticket_id: int) -> Ticket:
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        if ticket.status.is_closed:
            raise field_error(
                "id", "The ticket is already closed.", HelpdeskErrorCode.ALREADY_CLOSED
            )
        if actor.is_customer_side:
            if not channel_settings(ticket.channel_id).customer_may_close:
                raise field_error(
                    "id",
                    "Tickets in this shop are closed by the support team.",
                    HelpdeskErrorCode.NOT_ALLOWED_BY_POLICY,
                )
        elif not actor.is_agent:
            raise HelpdeskPermissionDenied()
        workflow.set_status(ticket, workflow.closed_status(), actor)
    return ticket


def check_customer_may_reopen(ticket: Ticket) -> None:
    policy = channel_settings(ticket.channel_id)
    if not policy.customer_may_reopen:
        raise field_error(
            "id",
            "This ticket is closed; please open a new one.",
            HelpdeskErrorCode.NOT_ALLOWED_BY_POLICY,
        )
    window = policy.reopen_window_days
    if (
        window is not None
        and ticket.closed_at is not None
        and timezone.now() - ticket.closed_at > timedelta(days=window)
    ):
        raise field_error(
            "id",
            f"This ticket was closed more than {window} days ago; please open a new one.",
            HelpdeskErrorCode.REOPEN_WINDOW_PASSED,
        )


def reopen_ticket(actor: Actor, ticket_id: int) -> Ticket:
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if not ticket.status.is_closed:
            raise field_error(
                "id", "The ticket is not closed.", HelpdeskErrorCode.NOT_CLOSED
            )
        if actor.is_customer_side:
            check_customer_may_reopen(ticket)
        elif not actor.is_agent:
            raise HelpdeskPermissionDenied()
        workflow.set_status(ticket, workflow.reopen_status(), actor)
    return ticket
