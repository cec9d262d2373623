"""Webhook delivery throughput to a loopback receiver, against a bare HTTP client loop
measured in the same run: the same receiver (HTTP/1.1, so it keeps connections alive),
the same body, and like the helpdesk's sender one kept-alive connection for all the
requests. For reference it also times the bare loop opening a connection per request.

`measure()` writes its rows inside a transaction it rolls back, so it can run against
any database; `bin/benchmark` or a shell can call it and print `report(...)`.
"""

import http.client
import json
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from ..models import WebhookDelivery, WebhookSubscription
from ..models.webhook import WebhookDeliveryStatus, WebhookReaderKind
from . import delivery
from .payloads import Topic


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


class _Rollback(Exception):
    pass


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


def measure(count: int = 200) -> Throughput:
    server, port = _receiver()
    try:
        body = json.dumps(PAYLOAD).encode()
        headers = {"Content-Type": "application/json"}
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(count):
            connection.request("POST", "/hook", body=body, headers=headers)
            connection.getresponse().read()
        connection.close()
        bare = time.perf_counter() - started

        started = time.perf_counter()
        for _ in range(count):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", "/hook", body=body, headers=headers)
            connection.getresponse().read()
            connection.close()
        bare_new_connections = time.perf_counter() - started

        helpdesk = 0.0
        try:
            with (
                override_settings(HELPDESK_WEBHOOKS_ALLOW_LOOPBACK=True),
                transaction.atomic(),
            ):
                subscription = WebhookSubscription.objects.create(
                    name="benchmark",
                    target_url=f"http://127.0.0.1:{port}/hook",
                    events=[Topic.TICKET_CREATED],
                    secret=uuid.uuid4().hex,
                    reader_kind=WebhookReaderKind.SYSTEM,
                )
                now = timezone.now()
                WebhookDelivery.objects.bulk_create(
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
                sent = delivery.deliver()
                helpdesk = time.perf_counter() - started
                assert sent == count
                assert not WebhookDelivery.objects.filter(
                    subscription=subscription
                ).exclude(status=WebhookDeliveryStatus.SUCCEEDED)
                raise _Rollback
        except _Rollback:
            pass
        return Throughput(count, bare, helpdesk, bare_new_connections)
    finally:
        server.shutdown()
        server.server_close()


def report(result: Throughput) -> str:
    return (
        f"webhook delivery to a loopback receiver, {result.count} events: "
        f"{result.helpdesk_per_second:.0f}/s (claim, sign, POST, log each attempt) "
        f"against {result.bare_per_second:.0f}/s for a bare http.client loop over one "
        f"kept-alive connection: {result.ratio:.1f}x "
        f"(bare with a connection per request: "
        f"{result.bare_new_connections_per_second:.0f}/s)"
    )
