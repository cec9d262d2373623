"""What the e-mail and SMS (`sms/`) outboxes share: which rows are due, claiming one,
recording a failed attempt (retried later, or failed for good), and the retry delay.

A row is claimed under a lease: `SELECT … FOR UPDATE SKIP LOCKED` takes it, marks it
`sending` and moves `next_attempt_at` `CLAIM_SECONDS` ahead, so two workers never send
it at once and a worker that dies mid-send leaves it due again when the lease ends.
The rows are `OutboxRow`s; the statuses `EmailStatus`'s, which both outboxes use.
"""

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import EmailStatus
from ..models.email import OutboxRow

CLAIM_SECONDS = 600
FIRST_RETRY_SECONDS = 10
BATCH = 100

Row = TypeVar("Row", bound=OutboxRow)


def due() -> Q:
    """Unfinished rows whose time has come (a pending retry, an expired lease)."""
    return Q(
        status__in=[EmailStatus.PENDING, EmailStatus.SENDING],
        next_attempt_at__lte=timezone.now(),
    )


def claim(model: type[Row], pk: int) -> Row | None:
    """The row, now `sending` under this worker's lease; None when it is not due,
    finished, or another worker holds it."""
    with transaction.atomic():
        row = (
            model._default_manager.select_for_update(skip_locked=True)
            .filter(due(), pk=pk)
            .first()
        )
        if row is None:
            return None
        row.status = EmailStatus.SENDING
        row.attempts += 1
        row.next_attempt_at = timezone.now() + timedelta(seconds=CLAIM_SECONDS)
        row.save(update_fields=["status", "attempts", "next_attempt_at"])
    return row


def retry_delay(attempts: int) -> timedelta:
    """After the n-th failed attempt: 10 s, 20 s, 40 s, …"""
    return timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def record_failure(
    model: type[OutboxRow],
    row: OutboxRow,
    error: str,
    *,
    final: bool,
    on_final: Callable[[], object],
) -> str:
    """A failed attempt: `failed` for good (and `on_final`, the timeline event, in the
    same transaction) or `pending` again after the retry delay. Returns the status."""
    with transaction.atomic():
        if final:
            model._default_manager.filter(pk=row.pk).update(
                status=EmailStatus.FAILED, last_error=error[:2000]
            )
            on_final()
            return EmailStatus.FAILED
        model._default_manager.filter(pk=row.pk).update(
            status=EmailStatus.PENDING,
            last_error=error[:2000],
            next_attempt_at=timezone.now() + retry_delay(row.attempts),
        )
    return EmailStatus.PENDING


def send_all(ids: Iterable[int], send_one: Callable[[int], str | None]) -> list[int]:
    """Send the given rows that are due; returns those to try again later."""
    return [pk for pk in ids if send_one(pk) == EmailStatus.PENDING]


def due_ids(model: type[OutboxRow], limit: int = BATCH) -> list[int]:
    """Rows a worker should send now: pending ones that are due and `sending` ones
    whose worker's lease expired (it crashed)."""
    return list(
        model._default_manager.filter(due())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
