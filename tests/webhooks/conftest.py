"""A real HTTP receiver on 127.0.0.1 (http.server in a thread) and subscriptions to it."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saleor_helpdesk.actor import Actor
from saleor_helpdesk.models import WebhookSubscription
from saleor_helpdesk.webhooks.payloads import TOPICS


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list[Received] = field(default_factory=list)
    # What to answer next: (status, delay in seconds, extra headers); then 200.
    answers: list[tuple[int, float, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, status: int, times: int = 1, delay: float = 0.0, **headers):
        self.answers.extend([(status, delay, headers)] * times)


@pytest.fixture
def receiver():
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            with state.lock:
                state.requests.append(
                    Received(self.path, dict(self.headers.items()), body)
                )
                status, delay, extra = (
                    state.answers.pop(0) if state.answers else (200, 0.0, {})
                )
            if delay:
                time.sleep(delay)
            answer = f"answer {status}".encode()
            try:
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/helpdesk"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback_allowed(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True


SECRET = "s3cret-for-tests"


@pytest.fixture
def subscription(db, receiver, loopback_allowed):
    return WebhookSubscription.objects.create(
        name="ERP",
        target_url=receiver.url,
        events=list(TOPICS),
        secret=SECRET,
    )


@pytest.fixture
def system_actor(db):
    return Actor.system()
