"""Celery tasks. They take ids (never model instances), re-read state, and are safe to
run again."""

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.db import transaction

from .host import get_host
from .models import Comment, EmailMessage, Ticket
from .notifications.forward import plan_forward_email
from .notifications.kinds import Notification

# Registers the e-mail outbox tasks with Celery (it autodiscovers this module).
from .notifications.tasks import retry_due_emails, send_pending_emails  # noqa: F401
from .sla.tasks import check_service_levels_task  # noqa: F401

logger = logging.getLogger(__name__)


@shared_task
def send_forwarded_ticket(ticket_id: int, recipient: str, comment_id: int) -> None:
    """A forward to an outside address as releases up to 0.2 queued it, as a task of
    its own: it is written to the e-mail outbox and sent from there. Forwards do not
    queue this task; it stays registered so that such a message, still in the broker
    during an upgrade, is sent instead of being dropped as an unknown task. Running it
    again adds nothing: a forward of that note to that address in the outbox counts.
    """
    with get_host().writer_access(), transaction.atomic():
        ticket = Ticket.objects.select_for_update().filter(pk=ticket_id).first()
        note = Comment.objects.filter(pk=comment_id, ticket_id=ticket_id).first()
        if ticket is None or note is None:
            logger.warning(
                "Forward of ticket %s skipped: it no longer exists.", ticket_id
            )
            return
        planned = EmailMessage.objects.filter(
            ticket=ticket,
            notification=Notification.TICKET_FORWARDED,
            to=[recipient],
            created_at__gte=note.created_at,
        )
        if planned.exists():
            return
        plan_forward_email(
            ticket, to=recipient, note_html=note.body, agent=note.author_user
        )


# The tasks of mailboxes, privacy, refunds, SMS and webhooks live with them; importing them
# here registers them with Celery, which autodiscovers `saleor_helpdesk.tasks`.
from .automation.schedule import run_scheduled_rules  # noqa: E402, F401
from .automation.triggers import run_automation  # noqa: E402, F401
from .effort.tasks import check_contracts_of_new_tickets  # noqa: E402, F401
from .mailboxes.tasks import fetch_all_mailboxes, fetch_mailbox_task  # noqa: E402, F401
from .privacy.tasks import apply_retention_policy  # noqa: E402, F401
from .refunds.tasks import (  # noqa: E402, F401
    sync_open_refunds,
    sync_order_refunds_task,
)
from .sms.tasks import retry_due_sms, send_pending_sms  # noqa: E402, F401
from .webhooks.tasks import deliver_pending, retry_due_deliveries  # noqa: E402, F401


@worker_ready.connect
def resume_after_restart(**kwargs: object) -> None:
    """When a worker starts, send what a crashed one left behind (pending rows whose
    lease ran out, retries that came due), without waiting for a periodic schedule."""
    try:
        retry_due_emails.delay()
        retry_due_sms.delay()
        retry_due_deliveries.delay()
        sync_open_refunds.delay()
    except Exception:  # a broker hiccup at start-up must not stop the worker
        logger.exception("Could not queue the helpdesk's catch-up tasks.")
