"""Celery tasks of refunds: take ids, re-read state, safe to run again."""

import logging

from celery import shared_task

from ..host import get_host
from ..models import TicketRefund
from .settle import OPEN_STATES, settle_refund_requests, sync_order_refunds, sync_refund

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def sync_order_refunds_task(order_id: str, fully_refunded: bool = False) -> None:
    """After Saleor said an order was (fully) refunded."""
    with get_host().writer_access():
        if fully_refunded:
            settle_refund_requests(order_id)
        else:
            sync_order_refunds(order_id)


@shared_task(acks_late=True)
def sync_open_refunds() -> int:
    """Periodic (Celery beat, and once at worker start): every open ticket refund.

    Payment apps may answer long after the request, and Saleor has no plugin hook for
    a refund that failed; this is how such answers reach the ticket."""
    with get_host().writer_access():
        ids = list(
            TicketRefund.objects.filter(state__in=OPEN_STATES).values_list(
                "pk", flat=True
            )
        )
        for refund_id in ids:
            try:
                sync_refund(refund_id)
            except Exception:  # one broken refund must not stop the others
                logger.exception("Refund %s could not be synced.", refund_id)
    return len(ids)
