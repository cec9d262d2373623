"""Sending the outbox: claim due deliveries, POST them, log each attempt, schedule retries.

A delivery is claimed with `SELECT … FOR UPDATE SKIP LOCKED` and marked `sending` with a
lease; a worker that dies while sending leaves it `sending` until the lease runs out,
and the next `retry_due_deliveries` sends it again, with the same event id. A consumer
may therefore receive an event twice, never a different event under the same id.

Before each request the subscription's reader is looked up again (`readers.py`): a
delivery whose reader may no longer read its ticket fails with the reason, unsent. A
target refused at send time (its name now resolves to an internal address) fails the
delivery at once; a name that does not resolve is retried like a network error.
"""

import json
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from ..core import conf
from ..core.actor import Actor
from ..models import WebhookAttempt, WebhookDelivery
from ..models.webhook import WebhookDeliveryStatus as Status
from . import transport
from .readers import may_send, reader_actor, suspended_reason
from .signing import signature_headers

BACKOFF_BASE_SECONDS = 10
DEFAULT_MAX_ATTEMPTS = 6
# How long a claimed delivery may stay `sending` before another worker takes it over:
# longer than one attempt can take (`transport.MAX_TIMEOUT`).
LEASE = timedelta(seconds=60)
CLAIM_BATCH = 100
# 4xx answers that mean "try again later".
RETRYABLE_4XX = frozenset({408, 429})


def max_attempts() -> int:
    return conf.number("HELPDESK_WEBHOOK_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)


def backoff(attempt: int) -> timedelta:
    """Delay after the n-th failed attempt: 10 s, 20 s, 40 s, …"""
    return timedelta(seconds=BACKOFF_BASE_SECONDS * 2 ** (attempt - 1))


def is_final(status_code: int | None) -> bool:
    """A 4xx other than 408/429 is the consumer's final word: not retried."""
    return (
        status_code is not None
        and 400 <= status_code < 500
        and status_code not in RETRYABLE_4XX
    )


def claim(ids: list[int] | None = None, limit: int = CLAIM_BATCH) -> list[int]:
    """Due deliveries (all, or among `ids`) that no other worker holds, marked sending."""
    now = timezone.now()
    with transaction.atomic():
        due = WebhookDelivery.objects.filter(
            Q(status=Status.PENDING) | Q(status=Status.SENDING),
            next_attempt_at__lte=now,
        )
        if ids is not None:
            due = due.filter(pk__in=ids)
        claimed = list(
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if claimed:
            WebhookDelivery.objects.filter(pk__in=claimed).update(
                status=Status.SENDING, next_attempt_at=now + LEASE
            )
    return claimed


Readers = dict[int, Actor | None]


def send_claimed(
    delivery_id: int, readers: Readers | None = None
) -> WebhookDelivery | None:
    """Send one claimed delivery. `readers` keeps each subscription's reader for the
    rest of a batch."""
    delivery = (
        WebhookDelivery.objects.select_related(
            "subscription__reader_user", "subscription__reader_app"
        )
        .annotate(ticket_channel_id=F("ticket__channel_id"))
        .filter(pk=delivery_id, status=Status.SENDING)
        .first()
    )
    if delivery is None:
        return None
    subscription = delivery.subscription
    attempt_number = delivery.attempt_log.count() + 1
    readers = {} if readers is None else readers
    if subscription.pk not in readers:
        readers[subscription.pk] = reader_actor(subscription)
    reader = readers[subscription.pk]
    not_sent = _why_not_sent(delivery, reader)
    if not_sent:
        response = transport.Response(None, 0, "", not_sent)
        give_up = True
    else:
        body = json.dumps(
            delivery.payload, separators=(",", ":"), sort_keys=True
        ).encode()
        headers = signature_headers(
            signing=subscription.signing,
            secret=subscription.secret,
            timestamp=int(time.time()),
            event_id=str(delivery.event_id),
            topic=delivery.topic,
            body=body,
        )
        response = transport.post(subscription.target_url, body, headers)
        give_up = response.refused or is_final(response.status_code)
    return _record(delivery, attempt_number, response, give_up)


def _why_not_sent(delivery: WebhookDelivery, reader: Actor | None) -> str | None:
    subscription = delivery.subscription
    if not subscription.is_active:
        return "The subscription is deactivated: nothing was sent."
    suspended = suspended_reason(subscription, reader)
    if suspended:
        return f"Not sent: {suspended}"
    if not may_send(reader, getattr(delivery, "ticket_channel_id", None)):
        return (
            "Not sent: the subscription's reader may not read this ticket's channel "
            "(any more)."
        )
    return None


def _record(
    delivery: WebhookDelivery,
    number: int,
    response: transport.Response,
    give_up: bool,
) -> WebhookDelivery:
    now = timezone.now()
    code = response.status_code
    succeeded = code is not None and 200 <= code < 300
    attempts = delivery.attempts + 1
    if succeeded:
        status, next_at, delivered_at = Status.SUCCEEDED, None, now
    elif give_up or attempts >= max_attempts():
        status, next_at, delivered_at = Status.FAILED, None, None
    else:
        status, next_at, delivered_at = Status.PENDING, now + backoff(attempts), None
    fields = {
        "status": status,
        "attempts": attempts,
        "next_attempt_at": next_at,
        "last_status_code": code,
        "last_duration_ms": response.duration_ms,
        "last_response_excerpt": response.excerpt[: transport.EXCERPT_LENGTH],
        "last_error": response.error[:500],
        "delivered_at": delivered_at,
    }
    try:
        with transaction.atomic():
            WebhookAttempt.objects.create(
                delivery=delivery,
                number=number,
                status_code=code,
                duration_ms=response.duration_ms,
                response_excerpt=response.excerpt[: transport.EXCERPT_LENGTH],
                error=response.error[:500],
            )
            # Only while it is still ours: a redelivery in between wins.
            WebhookDelivery.objects.filter(
                pk=delivery.pk, status=Status.SENDING
            ).update(**fields)
    except IntegrityError:
        return delivery  # its subscription was deleted meanwhile: nothing to record
    for name, value in fields.items():
        setattr(delivery, name, value)
    return delivery


def deliver(ids: list[int] | None = None) -> int:
    """Send the due deliveries (all, or among `ids`); returns how many were tried."""
    tried = 0
    while True:
        claimed = claim(ids)
        readers: Readers = {}  # looked up again for every batch
        for delivery_id in claimed:
            send_claimed(delivery_id, readers)
        tried += len(claimed)
        if ids is not None or len(claimed) < CLAIM_BATCH:
            return tried


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Queue a delivery again, with its event id and payload unchanged."""
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.PENDING, attempts=0, next_attempt_at=now, delivered_at=None
    )
    delivery.refresh_from_db()
    return delivery
