"""Writing a round's outcomes: every attempt into the attempt log and every delivery's
new state, in one statement whatever the number of deliveries (a data-modifying `WITH`:
the UPDATE of the deliveries, then the INSERT of the attempts, from the same rows).

A delivery's state is written only while the round's claim still holds it (`sending`,
with the lease the round wrote): a redelivery, or a worker that took it over after the
lease ran out, wins. Its attempt is logged either way (it was made). A delivery deleted
meanwhile (with its subscription) has nothing to log: the INSERT joins the deliveries
that still exist. One deleted in the instant between that join and the insert fails the
statement, which is then run once more (the join leaves it out).
"""

import functools
import json
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, connection, transaction

from ..models import WebhookAttempt, WebhookDelivery
from ..models.webhook import WebhookDeliveryStatus as Status
from . import transport

ERROR_LENGTH = 500


@dataclass(frozen=True)
class Outcome:
    """One attempt and the delivery state it leads to."""

    delivery_id: int
    # The attempt's number in the delivery's log (counting redeliveries).
    number: int
    response: transport.Response
    # When the attempt ended.
    at: datetime
    status: str
    attempts: int
    next_attempt_at: datetime | None
    delivered_at: datetime | None


_RECORD_SQL = """
WITH v AS (
    SELECT * FROM json_to_recordset(%s::json) AS v(
        delivery_id bigint, number integer, at timestamptz, status_code integer,
        duration_ms integer, excerpt text, error text, status text, attempts integer,
        next_attempt_at timestamptz, delivered_at timestamptz
    )
), state AS (
    UPDATE {delivery} AS d SET
        status = v.status,
        attempts = v.attempts,
        next_attempt_at = v.next_attempt_at,
        last_status_code = v.status_code,
        last_duration_ms = v.duration_ms,
        last_response_excerpt = v.excerpt,
        last_error = v.error,
        delivered_at = v.delivered_at
    FROM v
    WHERE d.id = v.delivery_id AND d.status = %s AND d.next_attempt_at = %s
)
INSERT INTO {attempt}
    (delivery_id, number, created_at, status_code, duration_ms, response_excerpt, error)
SELECT v.delivery_id, v.number, v.at, v.status_code, v.duration_ms, v.excerpt, v.error
FROM v JOIN {delivery} AS d ON d.id = v.delivery_id
"""


@functools.cache
def _record_sql() -> str:
    quote = connection.ops.quote_name
    return _RECORD_SQL.format(
        delivery=quote(WebhookDelivery._meta.db_table),
        attempt=quote(WebhookAttempt._meta.db_table),
    )


def _row(outcome: Outcome) -> dict[str, Any]:
    """The outcome as a row of `_RECORD_SQL`'s `json_to_recordset`."""
    response = outcome.response
    return {
        "delivery_id": outcome.delivery_id,
        "number": outcome.number,
        "at": outcome.at.isoformat(),
        "status_code": response.status_code,
        "duration_ms": response.duration_ms,
        "excerpt": response.excerpt[: transport.EXCERPT_LENGTH],
        "error": response.error[:ERROR_LENGTH],
        "status": outcome.status,
        "attempts": outcome.attempts,
        "next_attempt_at": _iso(outcome.next_attempt_at),
        "delivered_at": _iso(outcome.delivered_at),
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def record(outcomes: list[Outcome], lease: datetime) -> None:
    """Log the attempts and write the deliveries' states (those `lease` still holds)."""
    if not outcomes:
        return
    # One JSON parameter rather than a parameter per value: quick to encode, whatever
    # the number of outcomes.
    rows = json.dumps([_row(outcome) for outcome in outcomes])
    params: list[Any] = [rows, Status.SENDING, lease]
    for last_try in (False, True):
        try:
            # One statement is atomic by itself; inside a transaction a savepoint lets
            # the retry run after a failure.
            atomic = (
                transaction.atomic() if connection.in_atomic_block else nullcontext()
            )
            with atomic, connection.cursor() as cursor:
                cursor.execute(_record_sql(), params)
            return
        except IntegrityError:
            if last_try:
                raise
