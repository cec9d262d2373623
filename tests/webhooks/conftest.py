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
    # What to answer next; then 200.
    answers: list["Answer"] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(
        self,
        status: int,
        times: int = 1,
        delay: float = 0.0,
        body: bytes | None = None,
        **headers,
    ):
        self.answers.extend([Answer(status, delay, headers, body)] * times)

    def answer_raw(self, raw: bytes):
        """Answer with these bytes as they are, whether HTTP or not."""
        self.answers.append(Answer(0, 0.0, {}, raw=raw))


@dataclass(frozen=True)
class Answer:
    status: int
    delay: float
    headers: dict[str, str]
    body: bytes | None = None  # default: "answer <status>"
    raw: bytes | None = None  # instead of a response


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
                answer = state.answers.pop(0) if state.answers else Answer(200, 0.0, {})
            if answer.delay:
                time.sleep(answer.delay)
            body = answer.body
            if body is None:
                body = f"answer {answer.status}".encode()
            try:
                if answer.raw is not None:
                    self.wfile.write(answer.raw)
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
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
