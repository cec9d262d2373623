"""Sending the outbox: claim a due message, send it, record the outcome.

A message is claimed with `SELECT … FOR UPDATE SKIP LOCKED` and marked `sending` with a
lease (`next_attempt_at` moves `outbox.CLAIM_SECONDS` ahead), so two workers never send it at
once, and a worker that dies mid-send leaves it for `retry_due` once the lease expires.
A worker killed after the SMTP server accepted the message and before it was marked
sent sends it again: a duplicate with the same Message-ID, which mail clients fold.

A failed attempt is retried after 10 s, doubling (10, 20, 40, … s); after
`HELPDESK_EMAIL_MAX_ATTEMPTS` (default 5) attempts the message is `failed` and the
failure shows on the ticket's timeline (`email_failed`). Both timeline events plan no
e-mail (see `planner.HANDLED`).
"""

import logging
from collections.abc import Iterable

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from ..core import conf
from ..core.nul import strip_nul
from ..mailboxes.reply_to import ticket_reply_address
from ..models import EmailMessage, EmailStatus
from ..timeline.events import email_failed_event, email_sent_event
from . import outbox
from .kinds import CUSTOMER_NOTIFICATIONS

logger = logging.getLogger(__name__)


def max_attempts() -> int:
    return conf.number("HELPDESK_EMAIL_MAX_ATTEMPTS", 5)


def claim(message_id: int) -> EmailMessage | None:
    """The message, now `sending` under this worker's lease (`core/outbox.py`)."""
    return outbox.claim(EmailMessage, message_id)


def build(message: EmailMessage) -> EmailMultiAlternatives:
    headers = dict(message.headers)
    reply_to = headers.pop("Reply-To", "")
    if message.notification in CUSTOMER_NOTIFICATIONS:
        reply_to = ticket_reply_address(message.ticket_id) or reply_to
    mail = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=message.from_email,
        to=list(message.to),
        cc=list(message.cc),
        reply_to=[reply_to] if reply_to else None,
        headers=headers,
    )
    mail.attach_alternative(message.body_html, "text/html")
    return mail


def send_one(message_id: int) -> str | None:
    """Send one message if it is due; returns its new status (None if not claimed)."""
    message = claim(message_id)
    if message is None:
        return None
    try:
        build(message).send(fail_silently=False)
    except Exception as error:  # SMTP errors, refused connections, a broken backend
        logger.warning(
            "E-mail %s failed (attempt %s): %s", message.pk, message.attempts, error
        )
        # The backend's message may quote a server's answer: kept without NUL
        # characters, which PostgreSQL does not store (nobody can send it corrected).
        return _failed(message, strip_nul(f"{type(error).__name__}: {error}"))
    with transaction.atomic():
        EmailMessage.objects.filter(pk=message.pk).update(
            status=EmailStatus.SENT, sent_at=timezone.now(), last_error=""
        )
        email_sent_event(
            ticket=message.ticket,
            notification=message.notification,
            message_id=message.message_id,
        )
    return EmailStatus.SENT


def _failed(message: EmailMessage, error: str) -> str:
    return outbox.record_failure(
        EmailMessage,
        message,
        error,
        final=message.attempts >= max_attempts(),
        on_final=lambda: email_failed_event(
            ticket=message.ticket, notification=message.notification, error=error
        ),
    )


def send_messages(ids: Iterable[int]) -> list[int]:
    """Send the given messages that are due; returns those to try again later."""
    return outbox.send_all(ids, send_one)


def due_ids(limit: int = outbox.BATCH) -> list[int]:
    """Messages a worker should send now (`outbox.due_ids`)."""
    return outbox.due_ids(EmailMessage, limit)
