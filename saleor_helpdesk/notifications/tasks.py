"""Celery tasks of the e-mail outbox (registered through `saleor_helpdesk.tasks`)."""

from celery import shared_task

from ..host import get_host
from ..models import EmailMessage
from .outbox import retry_delay
from .sending import due_ids, send_messages


# acks_late + reject_on_worker_lost: a worker killed mid-task leaves the message in the
# broker, which hands it to the next worker (claims and leases make a rerun safe).
@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_pending_emails(message_ids: list[int]) -> None:
    """Send helpdesk e-mails from the outbox; failed ones are tried again later."""
    with get_host().writer_access():
        retry = send_messages(message_ids)
        if retry:
            attempts = (
                EmailMessage.objects.filter(pk__in=retry)
                .order_by("attempts")
                .values_list("attempts", flat=True)
                .first()
            )
            countdown = retry_delay(attempts or 1).total_seconds()
            send_pending_emails.apply_async((retry,), countdown=countdown)


@shared_task
def retry_due_emails() -> None:
    """Send what is due: retries, and messages a crashed worker left behind. Run it
    periodically (e.g. every minute with Celery beat)."""
    with get_host().writer_access():
        send_messages(due_ids())
