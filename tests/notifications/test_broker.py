"""With a real broker (RabbitMQ on 127.0.0.1:5672, skipped without one): the task
queued when a ticket is committed waits in the broker while no worker runs, and a
worker started later sends the e-mail (a worker that was down, or killed before it took
the message, loses nothing)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from saleor_helpdesk.models import EmailMessage, EmailStatus
from tests.broker import own_celery_app
from tests.factories import make_ticket

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def real_broker(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with own_celery_app(
        "helpdesk-emails-test",
        "saleor_helpdesk.notifications.tasks.send_pending_emails",
    ) as app:
        yield app


def test_a_queued_email_waits_for_a_worker_and_is_then_sent(
    real_broker, customer_actor, channel, mailoutbox
):
    # when a ticket is committed while no worker runs
    ticket = make_ticket(customer_actor, channel_id=channel.pk)

    # then its e-mail waits, pending, with its task in the broker
    row = EmailMessage.objects.get(ticket=ticket, to=[ticket.customer_email])
    assert row.status == EmailStatus.PENDING
    assert mailoutbox == []

    # and a worker started later sends it
    with start_worker(
        real_broker,
        perform_ping_check=False,
        shutdown_timeout=60,
        without_heartbeat=False,
    ):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            row.refresh_from_db()
            if row.status == EmailStatus.SENT:
                break
            time.sleep(0.1)

    assert row.status == EmailStatus.SENT
    [mail] = [m for m in mailoutbox if m.to == [ticket.customer_email]]
    assert mail.extra_headers["Message-ID"] == row.message_id
