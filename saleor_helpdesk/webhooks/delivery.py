"""Sending the outbox: claim due deliveries, POST them, log each attempt, schedule retries.

A worker round claims up to `CLAIM_BATCH` due deliveries in one statement
(`claiming.py`: `FOR UPDATE SKIP LOCKED`, a lease, and what sending needs), reads their
subscriptions in one more, sends them one after the other over one kept-alive
connection per receiver (`transport.Sender`), and writes their attempts and new states
in one statement at the end (`recording.py`): a round costs three queries (plus a
reader's access lookup per staff or app reader), whatever its size. Every write is
conditional on the round's lease: a row another worker took over, or a redelivery reset,
is left alone.

A worker that dies while sending leaves its rows `sending` until the lease runs out, and
the next `retry_due_deliveries` sends them again, with the same event ids (the rows it
had sent included: their outcome was not written). A consumer may therefore receive an
event twice, never a different event under the same id. A round whose lease has less
than one request's time left (and `LEASE_MARGIN`) writes what it has and renews the
lease of the rest, so slow receivers do not hand its remaining rows to a second worker.

Before each request the subscription's reader is looked up again (`readers.py`, once per
subscription and round): a delivery whose reader may no longer read its ticket fails
with the reason, unsent. A target refused at send time (its name now resolves to an
internal address) fails the delivery at once; a name that does not resolve is retried
like a network error.
"""

import json
import time
from collections import deque
from datetime import timedelta

from django.utils import timezone

from ..core import conf
from ..core.actor import Actor
from ..models import WebhookDelivery, WebhookSubscription
from ..models.webhook import WebhookDeliveryStatus as Status
from . import claiming, recording, transport
from .claiming import Claim, Claimed
from .readers import may_send, reader_actor, suspended_reason
from .recording import Outcome
from .signing import signature_headers

BACKOFF_BASE_SECONDS = 10
DEFAULT_MAX_ATTEMPTS = 6
# A round renews its lease when less than one request's time and this is left.
LEASE_MARGIN = 5.0
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


Readers = dict[int, Actor | None]


def send_batch(claim: Claim) -> int:
    """Send a claim's deliveries; returns how many were tried."""
    subscriptions = WebhookSubscription.objects.select_related(
        "reader_user", "reader_app"
    ).in_bulk({row.subscription_id for row in claim.rows})
    readers: Readers = {}  # looked up again for every round
    # Why nothing may be sent, per subscription and channel (None: it may).
    refusals: dict[tuple[int, int | None], str | None] = {}
    most = max_attempts()
    pending = deque(claim.rows)
    outcomes: list[Outcome] = []
    try:
        with transport.Sender() as sender:
            while pending:
                left = claim.lease_ends - time.monotonic()
                if outcomes and left < sender.limit + LEASE_MARGIN:
                    # Too little lease left for one more request: write what is done,
                    # then extend the lease of the rest (at least one is sent after).
                    recording.record(outcomes, claim.lease)
                    outcomes = []
                    held = claiming.renew(claim, [row.pk for row in pending])
                    pending = deque(row for row in pending if row.pk in held)
                    continue
                row = pending.popleft()
                subscription = subscriptions.get(row.subscription_id)
                if subscription is None:
                    continue  # deleted since the claim, and its deliveries with it
                if subscription.pk not in readers:
                    readers[subscription.pk] = reader_actor(subscription)
                key = (subscription.pk, row.channel_id)
                if key not in refusals:
                    refusals[key] = _why_not_sent(
                        subscription, readers[subscription.pk], row.channel_id
                    )
                outcomes.append(
                    _attempt(row, subscription, refusals[key], sender, most)
                )
    finally:
        # Also when the round fails midway: what was sent is written (the rest is
        # sent again once its lease has run out).
        recording.record(outcomes, claim.lease)
    return len(claim.rows)


def _outcome(
    row: Claimed, response: transport.Response, give_up: bool, most: int
) -> Outcome:
    """What an attempt leads to: delivered, retried after the backoff, or failed (after
    `most` attempts)."""
    now = timezone.now()
    code = response.status_code
    attempts = row.attempts + 1
    if code is not None and 200 <= code < 300:
        status, next_at, delivered_at = Status.SUCCEEDED, None, now
    elif give_up or attempts >= most:
        status, next_at, delivered_at = Status.FAILED, None, None
    else:
        status, next_at, delivered_at = Status.PENDING, now + backoff(attempts), None
    return Outcome(
        delivery_id=row.pk,
        number=row.logged + 1,
        response=response,
        at=now,
        status=str(status),
        attempts=attempts,
        next_attempt_at=next_at,
        delivered_at=delivered_at,
    )


def _attempt(
    row: Claimed,
    subscription: WebhookSubscription,
    not_sent: str | None,
    sender: transport.Sender,
    most: int,
) -> Outcome:
    if not_sent:
        return _outcome(row, transport.Response(None, 0, "", not_sent), True, most)
    body = json.dumps(row.payload, separators=(",", ":"), sort_keys=True).encode()
    headers = signature_headers(
        signing=subscription.signing,
        secret=subscription.secret,
        timestamp=int(time.time()),
        event_id=str(row.event_id),
        topic=row.topic,
        body=body,
    )
    response = sender.post(subscription.target_url, body, headers)
    give_up = response.refused or is_final(response.status_code)
    return _outcome(row, response, give_up, most)


def _why_not_sent(
    subscription: WebhookSubscription, reader: Actor | None, channel_id: int | None
) -> str | None:
    if not subscription.is_active:
        return "The subscription is deactivated: nothing was sent."
    suspended = suspended_reason(subscription, reader)
    if suspended:
        return f"Not sent: {suspended}"
    if not may_send(reader, channel_id):
        return (
            "Not sent: the subscription's reader may not read this ticket's channel "
            "(any more)."
        )
    return None


def deliver(ids: list[int] | None = None) -> int:
    """Send the due deliveries (all, or among `ids`); returns how many were tried."""
    tried = 0
    while True:
        claimed = claiming.claim(ids, CLAIM_BATCH)
        if claimed.rows:
            tried += send_batch(claimed)
        # A full batch may have left more behind (also among `ids`).
        if len(claimed.rows) < CLAIM_BATCH:
            return tried


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Queue a delivery again, with its event id and payload unchanged."""
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.PENDING, attempts=0, next_attempt_at=now, delivered_at=None
    )
    delivery.refresh_from_db()
    return delivery
