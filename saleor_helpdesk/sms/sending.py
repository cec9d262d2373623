"""Sending the SMS outbox: claim a due text, hand it to the transport, record the
outcome. The same claims, leases and retries as the e-mail outbox
(`notifications/sending.py`), whose retry schedule it shares.

A text is claimed with `SELECT … FOR UPDATE SKIP LOCKED` and marked `sending` with a
lease (`next_attempt_at` moves `outbox.CLAIM_SECONDS` ahead), so two workers never send it at
once, and one whose worker died mid-send is sent by `retry_due_sms` once the lease has
expired (the provider may then have taken it already: a duplicate, never a loss).

A failure the transport calls retryable is tried again after 10 s, doubling, up to
`HELPDESK_SMS_MAX_ATTEMPTS` attempts (default 5); one it calls final (an invalid
number) fails at once. A text that failed for good shows on the ticket's timeline
(`sms_failed`), as one that went out does (`sms_sent`); neither event sends anything.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from ..core import conf
from ..core.nul import strip_nul
from ..models import EmailStatus, SmsMessage
from ..notifications import outbox
from ..timeline.events import sms_failed_event, sms_sent_event
from .transports import SmsNotConfigured, SmsSendError, get_transport

logger = logging.getLogger(__name__)


def max_attempts() -> int:
    return conf.number("HELPDESK_SMS_MAX_ATTEMPTS", 5)


def claim(message_id: int) -> SmsMessage | None:
    """The text, now `sending` under this worker's lease (`core/outbox.py`)."""
    return outbox.claim(SmsMessage, message_id)


def send_one(message_id: int) -> str | None:
    """Send one text if it is due; returns its new status (None if not claimed)."""
    message = claim(message_id)
    if message is None:
        return None
    try:
        provider_id = get_transport().send(message.to, message.body)
    except SmsSendError as error:
        return _failed(message, str(error), retryable=error.retryable)
    except SmsNotConfigured as error:
        # The setting may be fixed before the last attempt.
        return _failed(message, str(error), retryable=True)
    except Exception as error:  # a transport's own bug must not stop the others
        logger.exception("SMS %s: the transport failed unexpectedly.", message.pk)
        return _failed(message, f"{type(error).__name__}: {error}", retryable=True)
    with transaction.atomic():
        SmsMessage.objects.filter(pk=message.pk).update(
            status=EmailStatus.SENT,
            sent_at=timezone.now(),
            last_error="",
            provider_message_id=strip_nul(provider_id)[:128],
        )
        sms_sent_event(
            ticket=message.ticket, sms_id=message.pk, comment_id=message.comment_id
        )
    return EmailStatus.SENT


def _failed(message: SmsMessage, error: str, *, retryable: bool) -> str:
    logger.warning(
        "SMS %s failed (attempt %s): %s", message.pk, message.attempts, error
    )
    # A provider's answer may hold a NUL, which PostgreSQL does not store.
    error = strip_nul(error)
    return outbox.record_failure(
        SmsMessage,
        message,
        error,
        final=not retryable or message.attempts >= max_attempts(),
        on_final=lambda: sms_failed_event(
            ticket=message.ticket,
            sms_id=message.pk,
            comment_id=message.comment_id,
            error=error,
        ),
    )


def send_messages(ids: Iterable[int]) -> list[int]:
    """Send the given texts that are due; returns those to try again later."""
    return outbox.send_all(ids, send_one)


def due_ids(limit: int = outbox.BATCH) -> list[int]:
    """Texts a worker should send now (`outbox.due_ids`)."""
    return outbox.due_ids(SmsMessage, limit)
