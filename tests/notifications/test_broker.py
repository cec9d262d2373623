"""With a real broker (RabbitMQ on 127.0.0.1:5672, skipped without one): the task
queued when a ticket is committed waits in the broker while no worker runs, and a
worker started later sends the e-mail (a worker that was down, or killed before it took
the message, loses nothing)."""

import socket
import time
import uuid

import pytest
from celery import Celery, current_app
from celery import _state as celery_state
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections

from saleor_helpdesk.models import EmailMessage, EmailStatus
from tests.factories import make_ticket

pytestmark = pytest.mark.django_db(transaction=True)

BROKER = ("127.0.0.1", 5672)


def _close_connections(**_kwargs):
    # The worker thread's database connection must not outlive the test.
    connections.close_all()


@pytest.fixture
def real_broker(settings):
    """A Celery app of this test's own (current and default while it runs): the host's
    app may be configured to run tasks eagerly (Saleor's test settings are), and this
    test's broker and queue must not stay cached in a shared app."""
    try:
        socket.create_connection(BROKER, timeout=1).close()
    except OSError:
        pytest.skip("No RabbitMQ on 127.0.0.1:5672.")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    previous_current = current_app._get_current_object()
    previous_default = celery_state.default_app
    queue = f"helpdesk-emails-test-{uuid.uuid4().hex}"
    app = Celery("helpdesk-emails-test", set_as_current=False)
    app.conf.update(
        broker_url="amqp://guest:guest@127.0.0.1:5672//",
        task_always_eager=False,
        # a queue of this test's own, so no other worker or test takes its messages
        task_default_queue=queue,
    )
    app.finalize()
    assert "saleor_helpdesk.notifications.tasks.send_pending_emails" in app.tasks
    app.set_default()
    app.set_current()
    task_postrun.connect(_close_connections)
    try:
        yield app
    finally:
        task_postrun.disconnect(_close_connections)
        with app.connection_for_write() as connection:
            connection.default_channel.queue_delete(queue)
        celery_state.default_app = previous_default
        previous_current.set_current()
        app.close()


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
        shutdown_timeout=10,
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
