"""A real HTTP receiver on 127.0.0.1 (http.server in a thread) and subscriptions to it."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saleor_helpdesk.core.actor import Actor
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
        reader_kind="system",
    )


@pytest.fixture
def system_actor(db):
    return Actor.system()


@dataclass
class Trickler:
    """A raw TCP receiver on 127.0.0.1 that answers one byte per `interval`."""

    port: int
    url: str
    # The requests it received.
    received: list[bytes] = field(default_factory=list)


def _read_request(conn) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@pytest.fixture
def trickler():
    """`trickler(at_once, trickled, interval=1.0, read_request=True)`: a server that
    sends `at_once`, then `trickled` one byte per `interval` (a slow or hostile
    receiver), until the client closes the connection."""
    import socket

    servers = []

    def start(at_once: bytes, trickled: bytes, interval=1.0, read_request=True):
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.2)  # to notice `stop`
        port = listener.getsockname()[1]
        state = Trickler(port=port, url=f"http://127.0.0.1:{port}/hooks/helpdesk")
        stop = threading.Event()

        def serve():
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                conn.settimeout(10)
                with conn:
                    try:
                        if read_request:
                            state.received.append(_read_request(conn))
                        conn.sendall(at_once)
                        for byte in trickled:
                            if stop.wait(interval):
                                break
                            conn.sendall(bytes([byte]))
                    except OSError:
                        pass  # the client gave up

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        servers.append((listener, stop, thread))
        return state

    yield start
    for listener, stop, thread in servers:
        stop.set()
        listener.close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def saleors_loopback_filter(settings):
    """Saleor's own loopback setting off, whatever the host's settings say (it also
    opens loopback to the helpdesk's webhooks)."""
    settings.HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS = False


@dataclass
class KeepAliveReceiver:
    """An HTTP/1.1 receiver (it keeps connections open) that counts its connections."""

    url: str
    requests: list[Received] = field(default_factory=list)
    connections: int = 0
    # Status to answer the n-th request (counted from 1) with; 200 otherwise.
    statuses: dict[int, int] = field(default_factory=dict)
    # Close the connection after each answer, without saying so (a receiver whose
    # idle timeout is shorter than the gap between two requests).
    drop_idle: bool = False
    # Bytes in each answer's body (default: "answer <status>").
    answer_size: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def keepalive_receivers():
    """`keepalive_receivers()` starts one more `KeepAliveReceiver`."""
    servers = []

    def start(**options) -> KeepAliveReceiver:
        state = KeepAliveReceiver(url="", **options)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                with state.lock:
                    state.connections += 1

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with state.lock:
                    state.requests.append(
                        Received(self.path, dict(self.headers.items()), body)
                    )
                    status = state.statuses.get(len(state.requests), 200)
                answer = f"answer {status}".encode()
                if state.answer_size is not None:
                    answer = b"x" * state.answer_size
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
                if state.drop_idle:
                    self.close_connection = True

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/helpdesk"
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
