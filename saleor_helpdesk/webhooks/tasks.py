"""Celery tasks of the webhooks (imported by `saleor_helpdesk.tasks`, which Celery's
autodiscovery finds). Both are safe to run any number of times."""

from celery import current_app, shared_task

from ..host import get_host
from ..models import WebhookDelivery
from ..models.webhook import WebhookDeliveryStatus
from . import delivery


def _schedule_retries(ids: list[int]) -> None:
    """Ask the broker to come back when each retried delivery is due. (Eager Celery runs
    at once and would skip the backoff: there, `retry_due_deliveries` does it.)"""
    if current_app.conf.task_always_eager:
        return
    for pk, due in WebhookDelivery.objects.filter(
        pk__in=ids, status=WebhookDeliveryStatus.PENDING
    ).values_list("pk", "next_attempt_at"):
        deliver_pending.apply_async(([pk],), eta=due)


# acks_late + reject_on_worker_lost: a worker killed mid-task leaves the message in the
# broker, which hands it to the next worker (the task is safe to run twice).
@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver_pending(delivery_ids: list[int]) -> int:
    """Send these deliveries if they are due (queued after the commit that wrote them)."""
    with get_host().writer_access():
        tried = delivery.deliver(list(delivery_ids))
        _schedule_retries(list(delivery_ids))
        return tried


@shared_task
def retry_due_deliveries() -> int:
    """Send every due delivery: retries, and rows a crashed worker left behind. Run it
    periodically (Celery beat), e.g. every minute."""
    with get_host().writer_access():
        return delivery.deliver()
