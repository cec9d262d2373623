"""Claiming due deliveries for one worker round, in one statement.

`UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING …` marks up
to `n` due deliveries (`pending`, or `sending` with a lease that ran out) `sending` with
a new lease and returns what sending them needs: their event, payload and attempt count,
their ticket's channel (for the reader check) and how many attempts their log holds. Rows
another worker holds are skipped, not waited for. The lease the claim writes
(`next_attempt_at`) marks the rows as this round's: every later write is conditional on it.
"""

import functools
import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Field, Model
from django.utils import timezone

from ..models import Ticket, WebhookAttempt, WebhookDelivery
from ..models.webhook import WebhookDeliveryStatus as Status

# How long a claimed delivery may stay `sending` before another worker takes it over:
# longer than one attempt can take (`transport.MAX_TIMEOUT`).
LEASE = timedelta(seconds=60)


@dataclass(frozen=True)
class Claimed:
    """One claimed delivery, as sending it needs it."""

    pk: int
    subscription_id: int
    event_id: UUID | str
    topic: str
    payload: Any
    attempts: int
    # The channel of its ticket (None without a ticket).
    channel_id: int | None
    # Attempts in its log, counting those before a redelivery.
    logged: int


@dataclass
class Claim:
    rows: list[Claimed]
    # The `next_attempt_at` the claim wrote: it marks the rows as this round's.
    lease: datetime
    # When the lease runs out, on this process's monotonic clock.
    lease_ends: float


_CLAIM_SQL = """
UPDATE {delivery} AS d SET status = %s, next_attempt_at = %s
WHERE d.{pk} IN (
    SELECT {pk} FROM {delivery}
    WHERE status IN (%s, %s) AND next_attempt_at <= %s{among}
    ORDER BY next_attempt_at, {pk}
    LIMIT %s
    FOR UPDATE SKIP LOCKED
)
RETURNING d.{pk}, d.{subscription}, d.event_id, d.topic, d.payload, d.attempts,
    (SELECT t.{channel} FROM {ticket} AS t WHERE t.{ticket_pk} = d.{ticket_id}),
    (SELECT count(*) FROM {attempt} AS a WHERE a.{attempt_delivery} = d.{pk})
"""


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, Field)
    return connection.ops.quote_name(field.column)


@functools.cache
def _claim_sql(among: bool) -> str:
    quote = connection.ops.quote_name
    pk = _column(WebhookDelivery, "id")
    return _CLAIM_SQL.format(
        delivery=quote(WebhookDelivery._meta.db_table),
        pk=pk,
        among=f" AND {pk} = ANY(%s::bigint[])" if among else "",
        subscription=_column(WebhookDelivery, "subscription"),
        ticket_id=_column(WebhookDelivery, "ticket"),
        ticket=quote(Ticket._meta.db_table),
        ticket_pk=_column(Ticket, "id"),
        channel=_column(Ticket, "channel"),
        attempt=quote(WebhookAttempt._meta.db_table),
        attempt_delivery=_column(WebhookAttempt, "delivery"),
    )


def claim(ids: list[int] | None, limit: int) -> Claim:
    """Up to `limit` due deliveries (all, or among `ids`) no other worker holds, marked
    sending with a lease, oldest due first."""
    started = time.monotonic()
    now = timezone.now()
    lease = now + LEASE
    params: list[Any] = [Status.SENDING, lease, Status.PENDING, Status.SENDING, now]
    if ids is not None:
        params.append(list(ids))
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(_claim_sql(ids is not None), params)
        rows = [_claimed(*row) for row in cursor.fetchall()]
    rows.sort(key=lambda row: row.pk)  # RETURNING keeps no order
    return Claim(rows, lease, started + LEASE.total_seconds())


def _claimed(
    pk: int,
    subscription_id: int,
    event_id: UUID | str,
    topic: str,
    payload: Any,
    attempts: int,
    channel_id: int | None,
    logged: int,
) -> Claimed:
    # Django's PostgreSQL backends hand JSON columns over as text (its JSONField
    # decodes them): decoded here the same way.
    if isinstance(payload, str):
        payload = json.loads(payload)
    return Claimed(
        pk, subscription_id, event_id, topic, payload, attempts, channel_id, logged
    )


def renew(claim: Claim, ids: list[int]) -> set[int]:
    """Extend the lease of these deliveries while the claim holds them; returns the ones
    it still holds."""
    lease = timezone.now() + LEASE
    lease_ends = time.monotonic() + LEASE.total_seconds()
    with transaction.atomic():
        held = set(
            WebhookDelivery.objects.select_for_update()
            .filter(pk__in=ids, status=Status.SENDING, next_attempt_at=claim.lease)
            .values_list("pk", flat=True)
        )
        WebhookDelivery.objects.filter(pk__in=held).update(next_attempt_at=lease)
    claim.lease, claim.lease_ends = lease, lease_ends
    return held
