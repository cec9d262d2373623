"""The periodic service-level check: marks breached and at-risk targets, once each.

Each mark is a conditional UPDATE (`… WHERE breached_at IS NULL … RETURNING`): two
checks running at the same time (two beat schedulers, a slow run overlapping the next)
both try, PostgreSQL lets one of them have each row and the other's UPDATE finds the
condition false once the first commits. The timeline event, the e-mail (outbox row) and
the webhook deliveries are written in the same transaction as the mark, so a mark that
is rolled back sends nothing and a committed one is never sent twice.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from celery import shared_task
from django.db import connection, transaction
from django.utils import timezone

from ..host import get_host
from ..models import Ticket
from ..timeline import events
from ..timeline.side_effects import batched

logger = logging.getLogger(__name__)

# Targets marked per transaction: a backlog (the check was off for a day) is worked in
# short transactions instead of one long one.
BATCH = 200

# Plain SQL for UPDATE … RETURNING with SKIP LOCKED (`test_tasks` checks the table name
# against the model).
_MARK_BREACHED = """
    UPDATE saleor_helpdesk_slatarget SET breached_at = due_at, breach_notified_at = %(now)s
    WHERE id IN (
        SELECT id FROM saleor_helpdesk_slatarget
        WHERE due_at <= %(now)s AND breached_at IS NULL AND running_since IS NOT NULL
          AND met_at IS NULL AND cancelled_at IS NULL
        ORDER BY due_at LIMIT %(limit)s
        FOR UPDATE SKIP LOCKED
    )
    AND breached_at IS NULL AND met_at IS NULL AND cancelled_at IS NULL
    RETURNING id, ticket_id, metric, due_at
"""

_MARK_AT_RISK = """
    UPDATE saleor_helpdesk_slatarget SET at_risk_notified_at = %(now)s
    WHERE id IN (
        SELECT id FROM saleor_helpdesk_slatarget
        WHERE at_risk_at <= %(now)s AND at_risk_notified_at IS NULL
          AND running_since IS NOT NULL AND met_at IS NULL AND cancelled_at IS NULL
          AND breached_at IS NULL
        ORDER BY at_risk_at LIMIT %(limit)s
        FOR UPDATE SKIP LOCKED
    )
    AND at_risk_notified_at IS NULL AND breached_at IS NULL AND met_at IS NULL
    AND cancelled_at IS NULL
    RETURNING id, ticket_id, metric, due_at
"""


@dataclass(frozen=True)
class Marked:
    target_id: int
    ticket_id: int
    metric: str
    due_at: datetime | None


@dataclass
class CheckResult:
    breached: list[Marked]
    at_risk: list[Marked]


def _mark(sql: str, now: datetime) -> list[Marked]:
    with connection.cursor() as cursor:
        cursor.execute(sql, {"now": now, "limit": BATCH})
        return [Marked(*row) for row in cursor.fetchall()]


def _record(marked: list[Marked], breached: bool) -> None:
    if not marked:
        return
    tickets = Ticket.objects.in_bulk({m.ticket_id for m in marked})
    writer = events.sla_breached_event if breached else events.sla_at_risk_event
    with batched():
        for m in marked:
            ticket = tickets.get(m.ticket_id)
            if ticket is not None:
                writer(
                    ticket=ticket,
                    metric=m.metric,
                    due_at=m.due_at,
                    target_id=m.target_id,
                )


def check_service_levels(now: datetime | None = None) -> CheckResult:
    """Mark what is due at `now` (default: the current time); returns what was marked
    by this call (nothing that another call marked)."""
    now = now or timezone.now()
    result = CheckResult(breached=[], at_risk=[])
    # Breaches first: a target past due is breached, not "at risk".
    for sql, found, breached in (
        (_MARK_BREACHED, result.breached, True),
        (_MARK_AT_RISK, result.at_risk, False),
    ):
        while True:
            with get_host().writer_access(), transaction.atomic():
                marked = _mark(sql, now)
                _record(marked, breached)
            found.extend(marked)
            if len(marked) < BATCH:
                break
    return result


@shared_task
def check_service_levels_task() -> dict[str, int]:
    """Celery beat runs this every minute or so (README, "Service levels")."""
    result = check_service_levels()
    if result.breached or result.at_risk:
        logger.info(
            "Service levels: %s breached, %s at risk.",
            len(result.breached),
            len(result.at_risk),
        )
    return {"breached": len(result.breached), "at_risk": len(result.at_risk)}
