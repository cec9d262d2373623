"""Webhook delivery throughput to a loopback receiver, against a bare HTTP client loop
measured in the same run: the same receiver (HTTP/1.1, so it keeps connections alive),
the same request (body and headers, signed once beforehand), and like the helpdesk's
sender one kept-alive connection for all the requests. For reference it also times the bare loop opening a connection per request.

`measure()` sends only the deliveries it queued and deletes them after, so it can run
against any database; `bin/benchmark` or a shell can call it and print `report(...)`.
"""

import http.client
import json
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.test.utils import override_settings
from django.utils import timezone

from ..models import WebhookDelivery, WebhookSubscription
from ..models.webhook import WebhookDeliveryStatus, WebhookReaderKind, WebhookSigning
from . import delivery, transport
from .payloads import Topic
from .signing import signature_headers


@dataclass(frozen=True)
class Throughput:
    count: int
    # The bare loop over one kept-alive connection: the baseline.
    bare_seconds: float
    helpdesk_seconds: float
    # The bare loop opening a connection per request (for reference).
    bare_new_connections_seconds: float

    @property
    def bare_per_second(self) -> float:
        return self.count / self.bare_seconds

    @property
    def helpdesk_per_second(self) -> float:
        return self.count / self.helpdesk_seconds

    @property
    def bare_new_connections_per_second(self) -> float:
        return self.count / self.bare_new_connections_seconds

    @property
    def ratio(self) -> float:
        return self.helpdesk_seconds / self.bare_seconds


def _receiver() -> tuple[ThreadingHTTPServer, int]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # connections stay open between requests

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, int(server.server_address[1])


PAYLOAD: dict[str, Any] = {
    "type": Topic.TICKET_CREATED,
    "ticket": {"number": 10001, "subject": "Becher kaputt", "kind": "complaint"},
}


def _bare(port: int, body: bytes, count: int, keep_alive: bool) -> float:
    # The request the helpdesk sends (its headers, one signature made beforehand), so
    # the receiver's work is the same for both.
    headers = {
        "Content-Type": "application/json",
        "User-Agent": transport.USER_AGENT,
        **signature_headers(
            signing=WebhookSigning.HMAC,
            secret=uuid.uuid4().hex,
            timestamp=int(time.time()),
            event_id=str(uuid.uuid4()),
            topic=Topic.TICKET_CREATED,
            body=body,
        ),
    }
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(count):
        connection.request("POST", "/hook", body=body, headers=headers)
        connection.getresponse().read()
        if not keep_alive:
            connection.close()
    connection.close()
    return time.perf_counter() - started


def _helpdesk(port: int, count: int) -> float:
    """Seconds `deliver()` takes for `count` queued deliveries, committing as a worker
    does (its rows are deleted after)."""
    with override_settings(HELPDESK_WEBHOOKS_ALLOW_LOOPBACK=True):
        subscription = WebhookSubscription.objects.create(
            name="benchmark",
            target_url=f"http://127.0.0.1:{port}/hook",
            events=[Topic.TICKET_CREATED],
            secret=uuid.uuid4().hex,
            reader_kind=WebhookReaderKind.SYSTEM,
        )
        try:
            now = timezone.now()
            queued = WebhookDelivery.objects.bulk_create(
                WebhookDelivery(
                    subscription=subscription,
                    event_id=uuid.uuid4(),
                    topic=Topic.TICKET_CREATED,
                    payload=PAYLOAD,
                    next_attempt_at=now,
                )
                for _ in range(count)
            )
            started = time.perf_counter()
            # Only these: other due rows of the database are left alone.
            sent = delivery.deliver([row.pk for row in queued])
            seconds = time.perf_counter() - started
            assert sent == count
            assert not WebhookDelivery.objects.filter(
                subscription=subscription
            ).exclude(status=WebhookDeliveryStatus.SUCCEEDED)
        finally:
            subscription.delete()  # with its deliveries and their attempts
    return seconds


def measure(count: int = 200, rounds: int = 1) -> Throughput:
    """The median of `rounds` rounds, each timing the three loops one after the other
    (so a busy machine slows them alike)."""
    server, port = _receiver()
    try:
        body = json.dumps(PAYLOAD).encode()
        bare, helpdesk, bare_new_connections = [], [], []
        for _ in range(max(rounds, 1)):
            bare.append(_bare(port, body, count, keep_alive=True))
            helpdesk.append(_helpdesk(port, count))
            bare_new_connections.append(_bare(port, body, count, keep_alive=False))
        return Throughput(
            count,
            statistics.median(bare),
            statistics.median(helpdesk),
            statistics.median(bare_new_connections),
        )
    finally:
        server.shutdown()
        server.server_close()


def report(result: Throughput) -> str:
    return (
        f"webhook delivery to a loopback receiver, {result.count} events: "
        f"{result.helpdesk_per_second:.0f}/s (claim, sign, POST, log each attempt) "
        f"against {result.bare_per_second:.0f}/s for a bare http.client loop (the same "
        f"request, one kept-alive connection): {result.ratio:.1f}x "
        f"(bare with a connection per request: "
        f"{result.bare_new_connections_per_second:.0f}/s)"
    )
