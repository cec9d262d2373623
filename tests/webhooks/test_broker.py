"""With a real broker (RabbitMQ on 127.0.0.1:5672, skipped without one): the delivery
task queued when a change commits waits in the broker while no worker runs; a worker
started later sends it; a consumer error is retried through the broker at its due time
(eta), with the same event id."""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.webhooks import delivery as sending
from tests.broker import own_celery_app
from tests.factories import make_ticket

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def real_broker(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    with own_celery_app(
        "helpdesk-webhooks-test", "saleor_helpdesk.webhooks.tasks.deliver_pending"
    ) as app:
        yield app


def _wait_for(delivery, status, seconds=60):
    # A ceiling, not a timing check: a machine busy with other suites can be slow.
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
        name="ERP",
        target_url=receiver.url,
        events=["ticket.created"],
        secret="s",
        reader_kind="system",
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
        shutdown_timeout=60,
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
