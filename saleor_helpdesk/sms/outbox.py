"""Queueing a text: the outbox row is written in the caller's transaction and handed to
a Celery task after commit, so a rolled-back reply sends nothing and a committed one is
never lost (a worker finds its row even after a crash; see `sending.py`)."""

import logging

from django.db import transaction

from ..models import Comment, SmsMessage, Ticket
from .tasks import send_pending_sms

logger = logging.getLogger(__name__)


def queue_sms(*, ticket: Ticket, comment: Comment, to: str, body: str) -> SmsMessage:
    """Write the row; call inside the transaction of the reply."""
    row = SmsMessage.objects.create(ticket=ticket, comment=comment, to=to, body=body)
    transaction.on_commit(lambda: dispatch([row.pk]))
    return row


def dispatch(ids: list[int]) -> None:
    """Ask a worker to send; a broker that is down leaves the rows for
    `retry_due_sms`."""
    try:
        send_pending_sms.delay(ids)
    except Exception:  # the rows stay pending and are retried
        logger.exception("Could not queue SMS %s.", ids)
