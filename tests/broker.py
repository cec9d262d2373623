"""A Celery app of a test's own on the real RabbitMQ of this machine, for the tests
where acknowledgement and queueing matter (skipped where no broker runs)."""

import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from celery import Celery, current_app
from celery import _state as celery_state
from celery.signals import task_postrun
from django.db import connections

BROKER = ("127.0.0.1", 5672)


def _close_connections(**_kwargs: object) -> None:
    # The worker thread's database connection must not outlive the test.
    connections.close_all()


@contextmanager
def own_celery_app(name: str, required_task: str) -> Iterator[Celery]:
    """Current and default while the block runs, with a queue nobody else reads: the
    host's app may run tasks eagerly (Saleor's test settings do), and a test's broker
    settings must not stay cached in a shared app."""
    try:
        socket.create_connection(BROKER, timeout=1).close()
    except OSError:
        pytest.skip("No RabbitMQ on 127.0.0.1:5672.")
    previous_current = current_app._get_current_object()
    previous_default = celery_state.default_app
    queue = f"{name}-{uuid.uuid4().hex}"
    app = Celery(name, set_as_current=False)
    app.conf.update(
        broker_url="amqp://guest:guest@127.0.0.1:5672//",
        task_always_eager=False,
        task_default_queue=queue,
    )
    app.finalize()
    assert required_task in app.tasks
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
