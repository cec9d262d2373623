"""`POST inbound/raw/<mailbox uuid>/` over real HTTP: a mail server pushing the
message as it received it, with the mailbox's push secret."""

import socket
from urllib.parse import urlsplit

import pytest

from saleor_helpdesk.http.inbound.common import MARGIN
from saleor_helpdesk.mailboxes.push import new_push_secret
from saleor_helpdesk.models import Comment, InboundEmail, InboundStatus, Ticket
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.http.conftest import http
from tests.inbound.conftest import raw

RFC822 = {"Content-Type": "message/rfc822"}


def push(url: str, body: bytes, secret: str | None, **headers: str):
    return http(url, method="POST", data=body, token=secret, headers=RFC822 | headers)


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


def assert_nothing_written():
    assert InboundEmail.objects.count() == 0
    assert Ticket.objects.count() == 0


def test_a_pushed_message_opens_a_ticket(raw_url, push_secret):
    # when the mail server pushes a customer's new message
    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret)

    # then it is taken in, and the answer names the record
    assert reply.status == 200
    answer = reply.json()
    inbound = InboundEmail.objects.get()
    assert answer == {
        "status": "processed",
        "inboundId": str(inbound.uuid),
        "duplicate": False,
    }
    assert inbound.via == "raw"
    ticket = Ticket.objects.get()
    assert ticket.customer_email == "anna.schmidt@example.de"
    assert inbound.ticket_id == ticket.pk


def test_a_redelivered_message_is_200_and_changes_nothing(raw_url, push_secret):
    # given a message taken in
    first = push(raw_url, raw("new_customer_thunderbird"), push_secret).json()

    # when the mail server delivers it again (it did not see the first answer)
    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret)

    # then it is told all is well, and nothing is doubled
    assert reply.status == 200
    assert reply.json() == {
        "status": "processed",
        "inboundId": first["inboundId"],
        "duplicate": True,
    }
    assert Ticket.objects.count() == 1
    assert Comment.objects.count() == 1


def test_octet_stream_is_taken_too(raw_url, push_secret):
    reply = push(
        raw_url,
        raw("new_customer_thunderbird"),
        push_secret,
        **{"Content-Type": "application/octet-stream"},
    )

    assert reply.status == 200
    assert InboundEmail.objects.count() == 1


def test_a_wrong_secret_is_refused(raw_url, push_secret):
    # when someone pushes with a secret that is not the mailbox's
    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret + "x")

    # then they are refused, and nothing is written
    assert reply.status == 401
    assert reply.json()["error"]["code"] == "invalid_token"
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert_nothing_written()


def test_a_missing_secret_is_refused(raw_url, push_secret):
    reply = push(raw_url, raw("new_customer_thunderbird"), None)

    assert reply.status == 401
    assert reply.json()["error"]["code"] == "unauthenticated"
    assert_nothing_written()


def test_a_mailbox_without_a_secret_takes_nothing(raw_url, push_mailbox):
    # given a push mailbox whose secret was never made
    assert push_mailbox.push_secret_hash == ""

    # when someone pushes with any secret, even an empty-looking one
    reply = push(raw_url, raw("new_customer_thunderbird"), "anything")

    # then nothing is taken
    assert reply.status == 401
    assert_nothing_written()


def test_an_old_secret_stops_working_when_a_new_one_is_made(
    raw_url, push_mailbox, push_secret
):
    new_push_secret(push_mailbox)

    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 401
    assert_nothing_written()


def test_an_unknown_mailbox_is_404(plugin_url, push_secret):
    url = f"{plugin_url}inbound/raw/00000000-0000-4000-8000-000000000000/"

    reply = push(url, raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 404
    assert reply.json()["error"]["code"] == "not_found"


def test_an_imap_mailbox_takes_no_pushed_mail(raw_url, push_mailbox, push_secret):
    # given the mailbox is fetched over IMAP
    push_mailbox.kind = MailboxKind.IMAP
    push_mailbox.save()

    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 404
    assert_nothing_written()


def test_a_switched_off_mailbox_is_409(raw_url, push_mailbox, push_secret):
    push_mailbox.is_active = False
    push_mailbox.save()

    reply = push(raw_url, raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 409
    assert reply.json()["error"]["code"] == "mailbox_inactive"
    assert_nothing_written()


def test_a_switched_off_mailbox_tells_nothing_without_the_secret(
    raw_url, push_mailbox, push_secret
):
    push_mailbox.is_active = False
    push_mailbox.save()

    reply = push(raw_url, raw("new_customer_thunderbird"), "wrong")

    assert reply.status == 401


def test_a_form_post_is_not_a_message(raw_url, push_secret):
    # when the body comes as curl's default form type (a forgotten -H)
    reply = push(
        raw_url,
        raw("new_customer_thunderbird"),
        push_secret,
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert reply.status == 415
    assert reply.json()["error"]["code"] == "unsupported_media_type"
    assert_nothing_written()


def test_an_empty_body_is_refused(raw_url, push_secret):
    reply = push(raw_url, b"\r\n", push_secret)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "empty_body"
    assert_nothing_written()


def test_get_is_not_allowed(raw_url, push_secret):
    reply = http(raw_url, token=push_secret)

    assert reply.status == 405


def test_a_body_over_the_limit_is_refused_before_it_is_sent(
    raw_url, push_mailbox, push_secret
):
    # given a mailbox that takes messages up to 100 kB
    push_mailbox.max_message_size = 100_000
    push_mailbox.save()
    parts = urlsplit(raw_url)

    # when a client announces a body of 5 GB and waits for the answer before sending
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as client:
        client.sendall(
            (
                f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                f"Authorization: Bearer {push_secret}\r\n"
                "Content-Type: message/rfc822\r\n"
                f"Content-Length: {5 * 1024**3}\r\n\r\n"
            ).encode()
        )
        answer = _read_json_answer(client)

    # then it is refused at once, nothing read
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert answer.endswith(
        b'"too_large", "message": "The request is larger than this '
        b'mailbox takes (1148576 bytes)."}}'
    )
    assert_nothing_written()


def test_a_message_just_over_the_mailbox_limit_is_kept_as_too_large(
    raw_url, push_mailbox, push_secret
):
    # given a mailbox that takes messages up to 100 kB
    push_mailbox.max_message_size = 100_000
    push_mailbox.save()
    message = raw("new_customer_thunderbird").rstrip(b"\n") + b"\n" + b"x" * 100_000

    # when a message a little larger arrives (within the margin)
    reply = push(raw_url, message, push_secret)

    # then it is recorded as refused, with a note for staff, and no ticket
    assert reply.status == 200
    assert reply.json()["status"] == InboundStatus.TOO_LARGE
    inbound = InboundEmail.objects.get()
    assert "more than this mailbox takes" in inbound.note
    assert Ticket.objects.count() == 0


def test_a_message_beyond_the_margin_is_413(raw_url, push_mailbox, push_secret):
    push_mailbox.max_message_size = 1_000
    push_mailbox.save()

    reply = push(raw_url, b"x" * (1_000 + MARGIN + 1), push_secret)

    assert reply.status == 413
    assert_nothing_written()


@pytest.mark.parametrize("name", ["latin1_subject", "photo_and_pdf_iphone"])
def test_other_samples_arrive_byte_for_byte(raw_url, push_secret, name):
    # when messages in other charsets and with attachments are pushed
    reply = push(raw_url, raw(name), push_secret)

    # then the original is kept exactly as sent
    assert reply.status == 200
    inbound = InboundEmail.objects.get()
    with inbound.raw.open("rb") as kept:
        assert kept.read() == raw(name)
