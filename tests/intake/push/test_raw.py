"""`POST inbound/raw/<mailbox uuid>/`: a mail server pushing the message as it
received it, with the mailbox's push secret."""

import pytest

from saleor_helpdesk.http.inbound.common import MARGIN
from saleor_helpdesk.mailboxes.push import new_push_secret
from saleor_helpdesk.models import Comment, InboundEmail, InboundStatus, Ticket
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.inbound.conftest import raw
from tests.intake.push.conftest import PLUGIN

RFC822 = "message/rfc822"


@pytest.fixture
def push(send, raw_path):
    def post(body: bytes, secret: str | None, content_type: str = RFC822):
        headers = {"Authorization": f"Bearer {secret}"} if secret is not None else {}
        return send(raw_path, body=body, content_type=content_type, headers=headers)

    return post


def assert_nothing_written():
    assert InboundEmail.objects.count() == 0
    assert Ticket.objects.count() == 0


def test_a_pushed_message_opens_a_ticket(push, push_secret):
    # when the mail server pushes a customer's new message
    reply = push(raw("new_customer_thunderbird"), push_secret)

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


def test_a_redelivered_message_is_200_and_changes_nothing(push, push_secret):
    # given a message taken in
    first = push(raw("new_customer_thunderbird"), push_secret).json()

    # when the mail server delivers it again (it did not see the first answer)
    reply = push(raw("new_customer_thunderbird"), push_secret)

    # then it is told all is well, and nothing is doubled
    assert reply.status == 200
    assert reply.json() == {
        "status": "processed",
        "inboundId": first["inboundId"],
        "duplicate": True,
    }
    assert Ticket.objects.count() == 1
    assert Comment.objects.count() == 1


def test_octet_stream_is_taken_too(push, push_secret):
    reply = push(
        raw("new_customer_thunderbird"),
        push_secret,
        content_type="application/octet-stream",
    )

    assert reply.status == 200
    assert InboundEmail.objects.count() == 1


def test_a_wrong_secret_is_refused(push, push_secret):
    # when someone pushes with a secret that is not the mailbox's
    reply = push(raw("new_customer_thunderbird"), push_secret + "x")

    # then they are refused, and nothing is written
    assert reply.status == 401
    assert reply.json()["error"]["code"] == "invalid_token"
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert_nothing_written()


def test_a_missing_secret_is_refused(push, push_secret):
    reply = push(raw("new_customer_thunderbird"), None)

    assert reply.status == 401
    assert reply.json()["error"]["code"] == "unauthenticated"
    assert_nothing_written()


def test_a_mailbox_without_a_secret_takes_nothing(push, push_mailbox):
    # given a push mailbox whose secret was never made
    assert push_mailbox.push_secret_hash == ""

    # when someone pushes with any secret, even an empty-looking one
    reply = push(raw("new_customer_thunderbird"), "anything")

    # then nothing is taken
    assert reply.status == 401
    assert_nothing_written()


def test_an_old_secret_stops_working_when_a_new_one_is_made(
    push, push_mailbox, push_secret
):
    new_push_secret(push_mailbox)

    reply = push(raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 401
    assert_nothing_written()


def test_an_unknown_mailbox_is_404(send, push_secret):
    path = f"{PLUGIN}inbound/raw/00000000-0000-4000-8000-000000000000/"

    reply = send(
        path,
        body=raw("new_customer_thunderbird"),
        content_type=RFC822,
        headers={"Authorization": f"Bearer {push_secret}"},
    )

    assert reply.status == 404
    assert reply.json()["error"]["code"] == "not_found"


def test_an_imap_mailbox_takes_no_pushed_mail(push, push_mailbox, push_secret):
    # given the mailbox is fetched over IMAP
    push_mailbox.kind = MailboxKind.IMAP
    push_mailbox.save()

    reply = push(raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 404
    assert_nothing_written()


def test_a_switched_off_mailbox_is_409(push, push_mailbox, push_secret):
    push_mailbox.is_active = False
    push_mailbox.save()

    reply = push(raw("new_customer_thunderbird"), push_secret)

    assert reply.status == 409
    assert reply.json()["error"]["code"] == "mailbox_inactive"
    assert_nothing_written()


def test_a_switched_off_mailbox_tells_nothing_without_the_secret(
    push, push_mailbox, push_secret
):
    push_mailbox.is_active = False
    push_mailbox.save()

    reply = push(raw("new_customer_thunderbird"), "wrong")

    assert reply.status == 401


def test_a_form_post_is_not_a_message(push, push_secret):
    # when the body comes as curl's default form type (a forgotten -H)
    reply = push(
        raw("new_customer_thunderbird"),
        push_secret,
        content_type="application/x-www-form-urlencoded",
    )

    assert reply.status == 415
    assert reply.json()["error"]["code"] == "unsupported_media_type"
    assert_nothing_written()


def test_an_empty_body_is_refused(push, push_secret):
    reply = push(b"\r\n", push_secret)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "empty_body"
    assert_nothing_written()


def test_get_is_not_allowed(send, raw_path, push_secret):
    reply = send(
        raw_path, method="GET", headers={"Authorization": f"Bearer {push_secret}"}
    )

    assert reply.status == 405


def test_a_message_just_over_the_mailbox_limit_is_kept_as_too_large(
    push, push_mailbox, push_secret
):
    # given a mailbox that takes messages up to 100 kB
    push_mailbox.max_message_size = 100_000
    push_mailbox.save()
    message = raw("new_customer_thunderbird").rstrip(b"\n") + b"\n" + b"x" * 100_000

    # when a message a little larger arrives (within the margin)
    reply = push(message, push_secret)

    # then it is recorded as refused, with a note for staff, and no ticket
    assert reply.status == 200
    assert reply.json()["status"] == InboundStatus.TOO_LARGE
    inbound = InboundEmail.objects.get()
    assert "more than this mailbox takes" in inbound.note
    assert Ticket.objects.count() == 0


def test_a_message_beyond_the_margin_is_413(push, push_mailbox, push_secret):
    push_mailbox.max_message_size = 1_000
    push_mailbox.save()

    reply = push(b"x" * (1_000 + MARGIN + 1), push_secret)

    assert reply.status == 413
    assert_nothing_written()


@pytest.mark.parametrize("name", ["latin1_subject", "photo_and_pdf_iphone"])
def test_other_samples_arrive_byte_for_byte(push, push_secret, name):
    # when messages in other charsets and with attachments are pushed
    reply = push(raw(name), push_secret)

    # then the original is kept exactly as sent
    assert reply.status == 200
    inbound = InboundEmail.objects.get()
    with inbound.raw.open("rb") as kept:
        assert kept.read() == raw(name)
