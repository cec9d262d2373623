"""Celery tasks. They take ids (never model instances), re-read state, and are safe to
run again."""

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.core.mail import EmailMessage

from .content.sanitize import plain_text
from .core.constants import CommentVisibility
from .host import get_host
from .models import Comment, Ticket

# Registers the e-mail outbox tasks with Celery (it autodiscovers this module).
from .notifications.tasks import retry_due_emails, send_pending_emails  # noqa: F401

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=10,
    retry_kwargs={"max_retries": 5},
)
def send_forwarded_ticket(ticket_id: int, recipient: str, comment_id: int) -> None:
    """E-mail the public conversation of a ticket to an outside address."""
    with get_host().writer_access():
        _send_forwarded_ticket(ticket_id, recipient, comment_id)


def _send_forwarded_ticket(ticket_id: int, recipient: str, comment_id: int) -> None:
    ticket = Ticket.objects.filter(pk=ticket_id).first()
    note = Comment.objects.filter(pk=comment_id).first()
    if ticket is None or note is None:
        logger.warning("Forward of ticket %s skipped: it no longer exists.", ticket_id)
        return
    thread = ticket.comments.filter(visibility=CommentVisibility.PUBLIC).order_by(
        "created_at", "pk"
    )
    parts = [
        plain_text(note.body),
        "",
        f"--- Ticket #{ticket.number}: {ticket.subject}",
    ]
    for comment in thread:
        who = "Customer" if comment.author_type == "customer" else "Support"
        parts += [
            "",
            f"{who}, {comment.created_at:%Y-%m-%d %H:%M}:",
            plain_text(comment.body),
        ]
    EmailMessage(
        subject=f"Fwd: [#{ticket.number}] {ticket.subject}",
        body="\n".join(parts),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        headers={"Auto-Submitted": "auto-generated"},
    ).send()


# Webhook delivery tasks live with the webhooks; importing them here registers them
# with Celery, which autodiscovers `saleor_helpdesk.tasks`.
from .privacy.tasks import apply_retention_policy  # noqa: E402, F401
from .refunds.tasks import (  # noqa: E402, F401
    sync_open_refunds,
    sync_order_refunds_task,
)
from .webhooks.tasks import deliver_pending, retry_due_deliveries  # noqa: E402, F401


@worker_ready.connect
def resume_after_restart(**kwargs: object) -> None:
    """When a worker starts, send what a crashed one left behind (pending rows whose
    lease ran out, retries that came due), without waiting for a periodic schedule."""
    try:
        retry_due_emails.delay()
        retry_due_deliveries.delay()
        sync_open_refunds.delay()
    except Exception:  # a broker hiccup at start-up must not stop the worker
        logger.exception("Could not queue the helpdesk's catch-up tasks.")
