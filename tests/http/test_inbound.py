"""Mail pushed to a mailbox over real HTTP: a mail server's raw message and an e-mail
service's signed webhook reach the ticket; a body over the mailbox's limit is refused
before it is sent. The cases one by one are in `tests/intake/push/`."""

import socket
from urllib.parse import urlsplit

import pytest

from saleor_helpdesk.mailboxes.push import new_push_secret
from saleor_helpdesk.models import InboundEmail, Mailbox, Ticket
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.http.conftest import http
from tests.inbound.conftest import raw
from tests.intake.push import payloads

SUPPORT = "support@gartenwelt.example"


@pytest.fixture
def mailbox(channel):
    return Mailbox.objects.create(
        name="Support",
        address=SUPPORT,
        channel=channel,
        kind=MailboxKind.PUSH,
        is_active=True,
    )


def test_a_mail_server_pushes_a_message(plugin_url, mailbox):
    # given the mailbox's push secret
    secret = new_push_secret(mailbox)

    # when the mail server posts the message as it received it
    reply = http(
        f"{plugin_url}inbound/raw/{mailbox.uuid}/",
        method="POST",
        data=raw("new_customer_thunderbird"),
        token=secret,
        headers={"Content-Type": "message/rfc822"},
    )

    # then it is on a ticket
    assert reply.status == 200
    inbound = InboundEmail.objects.get()
    assert reply.json() == {
        "status": "processed",
        "inboundId": str(inbound.uuid),
        "duplicate": False,
    }
    assert Ticket.objects.get().customer_email == "anna.schmidt@example.de"


def test_mailgun_posts_a_signed_message(plugin_url, mailbox, settings):
    # given Mailgun's signing key configured
    settings.HELPDESK_ANYMAIL = {
        "MAILGUN_WEBHOOK_SIGNING_KEY": payloads.MAILGUN_SIGNING_KEY
    }
    payload = payloads.mailgun_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)

    # when Mailgun posts the raw message to the URL ending in `mime`
    reply = http(
        f"{plugin_url}inbound/mailgun/{mailbox.uuid}/mime",
        method="POST",
        data=payload.body,
        headers=payload.request_headers(),
    )

    # then it is on a ticket
    assert reply.status == 200, reply.body
    assert InboundEmail.objects.get().via == "mailgun"
    assert Ticket.objects.count() == 1


def test_a_body_over_the_limit_is_refused_before_it_is_sent(plugin_url, mailbox):
    # given a mailbox that takes messages up to 100 kB
    mailbox.max_message_size = 100_000
    mailbox.save()
    secret = new_push_secret(mailbox)
    url = urlsplit(f"{plugin_url}inbound/raw/{mailbox.uuid}/")

    # when a client announces a body of 5 GB and waits for the answer before sending
    with socket.create_connection((url.hostname, url.port), timeout=10) as client:
        client.sendall(
            (
                f"POST {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
                f"Authorization: Bearer {secret}\r\n"
                "Content-Type: message/rfc822\r\n"
                f"Content-Length: {5 * 1024**3}\r\n\r\n"
            ).encode()
        )
        answer = _read_json_answer(client)

    # then it is refused at once, nothing read
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert answer.endswith(
        b'"too_large", "message": "The request is larger than this mailbox takes '
        b'(1148576 bytes)."}}'
    )
    assert InboundEmail.objects.count() == 0


def _read_json_answer(client: socket.socket) -> bytes:
    """The answer up to the end of its JSON body. The development server sends no
    Content-Length and keeps the connection open while it drains the announced body,
    so the answer is read until the JSON object closes."""
    answer = b""
    while not answer.endswith(b"}}"):
        chunk = client.recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer
