"""A stand-in for Twilio's REST API on loopback (real HTTP: Twilio's own client talks to
it), and the settings that make it the shop's SMS transport. Its fixtures are imported
by the tests that send SMS (`tests/sms/conftest.py`, the GraphQL tests)."""

import base64
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "test-auth-token"
SENDER = "+4915700000000"
TWILIO_TRANSPORT = "saleor_helpdesk.sms.twilio.TwilioTransport"


@dataclass
class Answer:
    status: int
    body: dict[str, Any]
    delay: float = 0.0


@dataclass
class FakeTwilio:
    """What Twilio received, and what it answers next (`answers`, in turn; a created
    message once they are used up)."""

    url: str
    received: list[dict[str, Any]] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    def refuse(self, status: int, code: int, message: str, delay: float = 0.0) -> None:
        """Twilio's error document (`code`, `message`, `more_info`, `status`)."""
        self.answers.append(
            Answer(
                status,
                {
                    "code": code,
                    "message": message,
                    "more_info": f"https://www.twilio.com/docs/errors/{code}",
                    "status": status,
                },
                delay,
            )
        )

    @property
    def texts(self) -> list[tuple[str, str]]:
        return [(r["form"]["To"], r["form"]["Body"]) for r in self.received]


def _created(account: str, form: dict[str, str]) -> Answer:
    sid = "SM" + uuid.uuid4().hex
    return Answer(
        201,
        {
            "account_sid": account,
            "sid": sid,
            "to": form.get("To"),
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form.get("Body"),
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
        },
    )


def _handler(fake: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            form = {key: values[0] for key, values in parse_qs(raw).items()}
            auth = self.headers.get("Authorization", "")
            user, _, password = (
                base64.b64decode(auth.removeprefix("Basic ")).decode().partition(":")
                if auth.startswith("Basic ")
                else ("", "", "")
            )
            fake.received.append(
                {
                    "path": self.path,
                    "auth": (user, password),
                    "content_type": self.headers.get("Content-Type"),
                    "form": form,
                }
            )
            account = self.path.split("/")[3] if self.path.count("/") >= 4 else ""
            answer = fake.answers.pop(0) if fake.answers else _created(account, form)
            if answer.delay:
                time.sleep(answer.delay)
            payload = json.dumps(answer.body).encode()
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped waiting (a timeout test)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def fake_twilio():
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)  # type: ignore[arg-type]
    fake = FakeTwilio(url=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(fake)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def twilio(settings, fake_twilio):
    """The shop sends SMS through Twilio, whose API is the stand-in above."""
    settings.HELPDESK_SMS_TRANSPORT = TWILIO_TRANSPORT
    settings.HELPDESK_SMS_TWILIO_ACCOUNT_SID = ACCOUNT_SID
    settings.HELPDESK_SMS_TWILIO_AUTH_TOKEN = AUTH_TOKEN
    settings.HELPDESK_SMS_TWILIO_FROM = SENDER
    settings.HELPDESK_SMS_TWILIO_API_URL = fake_twilio.url
    settings.HELPDESK_SMS_TIMEOUT = 5
    return fake_twilio
