"""Celery tasks of time and effort: take ids, re-read state, safe to run again."""

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from celery import shared_task
from django.db import transaction

from ..core.constants import TicketEventType
from ..host import get_host
from .contracts import check_new_tickets

if TYPE_CHECKING:
    from ..models import TicketEvent

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def check_contracts_of_new_tickets(ticket_ids: list[int]) -> None:
    """A new ticket draws its contract's default points: warn when that leaves the
    budget low. Running it again warns nothing twice (`warned_at`)."""
    with get_host().writer_access():
        check_new_tickets(ticket_ids)


def plan_contract_checks(events: Sequence["TicketEvent"]) -> None:
    """Timeline planner: after a ticket is created, check its contract in a worker.

    Not in the creating transaction: ticket creation keeps its query budget, and a
    shop without contracts pays one task per new ticket, no query. A broker that is
    down loses the check; the ticket's next draw-down (time, points) makes it."""
    created = [e.ticket_id for e in events if e.type == TicketEventType.CREATED]
    if not created:
        return

    def enqueue() -> None:
        try:
            check_contracts_of_new_tickets.delay(created)
        except Exception:
            logger.exception("Could not queue the contract check of %s.", created)

    transaction.on_commit(enqueue)
