"""The retention policy as a Celery task: take nothing, re-read the settings, safe to
run again (a second run finds nothing due)."""

import logging

from celery import shared_task

from ..host import get_host
from .retention import apply

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def apply_retention_policy() -> dict[str, int]:
    """Periodic (daily is plenty; see the README's Privacy section for the schedule)."""
    with get_host().writer_access():
        done = apply()
    logger.info(
        "Helpdesk retention: %s ticket(s) anonymised, %s deleted, %s file(s) removed.",
        done.tickets_to_anonymize,
        done.tickets_to_delete,
        done.attachments_to_remove,
    )
    return {
        "tickets_anonymized": done.tickets_to_anonymize,
        "tickets_deleted": done.tickets_to_delete,
        "attachments_removed": done.attachments_to_remove,
    }
