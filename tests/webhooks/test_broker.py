"""With a real broker (RabbitMQ on 127.0.0.1:5672, skipped without one): the delivery
task queued when a change commits waits in the broker while no worker runs; a worker
started later sends it; a consumer error is retried through the broker at its due time
(eta), with the same event id."""

import socket
import time
import uuid

import pytest
from celery import Celery, current_app
from celery import _state as celery_state
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.webhooks import delivery as sending
from tests.factories import make_ticket

pytestmark = pytest.mark.django_db(transaction=True)

BROKER = ("127.0.0.1", 5672)


def _close_connections(**_kwargs):
    # The worker thread's database connection must not outlive the test.
    connections.close_all()


@pytest.fixture
def real_broker(settings):
    """A Celery app of this test's own (current and default while it runs), so the
    broker settings and queue of this test never stay cached in the shared app."""
    try:
        socket.create_connection(BROKER, timeout=1).close()
    except OSError:
        pytest.skip("No RabbitMQ on 127.0.0.1:5672.")
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    previous_current = current_app._get_current_object()
    previous_default = celery_state.default_app
    queue = f"helpdesk-webhooks-test-{uuid.uuid4().hex}"
    app = Celery("helpdesk-webhooks-test", set_as_current=False)
    app.conf.update(
        broker_url="amqp://guest:guest@127.0.0.1:5672//",
        task_always_eager=False,
        # a queue of this test's own, so no other worker or test takes its messages
        task_default_queue=queue,
    )
    app.finalize()
    assert "saleor_helpdesk.webhooks.tasks.deliver_pending" in app.tasks
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


def _wait_for(delivery, status, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        delivery.refresh_from_db()
        if delivery.status == status:
            return
        time.sleep(0.1)


def test_a_queued_delivery_waits_for_a_worker_and_is_retried_on_time(
    real_broker, receiver, monkeypatch
):
    monkeypatch.setattr(sending, "BACKOFF_BASE_SECONDS", 1)
    WebhookSubscription.objects.create(
        name="ERP", target_url=receiver.url, events=["ticket.created"], secret="s"
    )
    receiver.answer(503)

    # a ticket is committed while no worker runs: the delivery waits, pending
    make_ticket()
    row = WebhookDelivery.objects.get()
    assert row.status == "pending"
    assert receiver.requests == []

    # a worker started later sends it; the 503 is retried through the broker (eta)
    with start_worker(
        real_broker,
        perform_ping_check=False,
        shutdown_timeout=10,
        without_heartbeat=False,
    ):
        _wait_for(row, "succeeded")

    assert row.status == "succeeded"
    assert row.attempts == 2
    assert [r.headers["X-Helpdesk-Event-Id"] for r in receiver.requests] == [
        str(row.event_id)
    ] * 2
    assert list(row.attempt_log.values_list("number", "status_code")) == [
        (1, 503),
        (2, 200),
    ]
