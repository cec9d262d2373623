"""What the e-mail and SMS (`sms/`) outboxes share: which rows are due, and claiming one.

A row is claimed under a lease: `SELECT … FOR UPDATE SKIP LOCKED` takes it, marks it
`sending` and moves `next_attempt_at` `CLAIM_SECONDS` ahead, so two workers never send
it at once and a worker that dies mid-send leaves it due again when the lease ends.
The statuses are `EmailStatus`'s, which both outboxes use.
"""

from datetime import timedelta
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from ..models import EmailStatus

CLAIM_SECONDS = 600

Row = TypeVar("Row", bound=models.Model)


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
        row.status = EmailStatus.SENDING  # type: ignore[attr-defined]
        row.attempts += 1  # type: ignore[attr-defined]
        row.next_attempt_at = timezone.now() + timedelta(seconds=CLAIM_SECONDS)  # type: ignore[attr-defined]
        row.save(update_fields=["status", "attempts", "next_attempt_at"])
    return row
