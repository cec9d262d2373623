"""Sending: headers, header injection, SMTP down (retries, final failure on the
timeline), and one path through a real SMTP server on loopback."""

import email
import socket
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import EmailMessage, EmailStatus, Ticket, TicketEvent
from saleor_helpdesk.notifications.sending import due_ids, send_messages
from saleor_helpdesk.tasks import retry_due_emails
from tests.factories import make_ticket

INJECTION = "Becher\r\nBcc: evil@example.com\nX-Evil: 1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_message_carries_thread_headers_and_a_subject_token(
    committed, customer_actor, channel, staff_actor, mailoutbox
):
    ticket = committed(make_ticket, customer_actor, channel_id=channel.pk)
    committed(add_comment, staff_actor, ticket.pk, "<p>Antwort</p>")

    first, second = [m for m in mailoutbox if m.to == ["kunde@example.de"]]
    root = f"<helpdesk.ticket.{ticket.number}@example.com>"
    for mail in (first, second):
        assert mail.subject.startswith(f"[#{ticket.number}] ")
        assert mail.extra_headers["In-Reply-To"] == root
        assert mail.extra_headers["References"] == root
        assert mail.extra_headers["Auto-Submitted"] == "auto-generated"
        assert mail.extra_headers["Message-ID"].startswith(
            f"<helpdesk.{ticket.number}."
        )
        assert mail.extra_headers["Message-ID"].endswith("@example.com>")
    assert first.extra_headers["Message-ID"] != second.extra_headers["Message-ID"]
    rows = EmailMessage.objects.filter(to=["kunde@example.de"]).order_by("pk")
    assert [row.message_id for row in rows] == [
        first.extra_headers["Message-ID"],
        second.extra_headers["Message-ID"],
    ]


def test_cr_lf_in_a_subject_cannot_add_headers(
    committed, customer_actor, channel, staff_actor, mailoutbox
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    # whatever the write paths allow, a subject with line breaks reaches the renderer
    Ticket.objects.filter(pk=ticket.pk).update(subject=INJECTION)

    committed(add_comment, staff_actor, ticket.pk, "<p>Antwort</p>")

    [mail] = mailoutbox
    message = mail.message()
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert mail.recipients() == ["kunde@example.de"]
    assert "Bcc: evil@example.com X-Evil: 1" in mail.subject


def test_smtp_down_the_ticket_is_created_and_the_message_retried_then_failed(
    committed, customer_actor, channel, settings, mailoutbox
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.EMAIL_TIMEOUT = 2
    settings.HELPDESK_EMAIL_MAX_ATTEMPTS = 3

    # when a customer opens a ticket while the mail server is down
    before = timezone.now()
    ticket = committed(make_ticket, customer_actor, channel_id=channel.pk)

    # then the ticket exists and its e-mail waits for a retry in 10 s
    assert Ticket.objects.filter(pk=ticket.pk).exists()
    [row] = EmailMessage.objects.all()
    assert (row.status, row.attempts) == (EmailStatus.PENDING, 1)
    assert "ConnectionRefusedError" in row.last_error
    assert timedelta(seconds=9) < row.next_attempt_at - before < timedelta(seconds=12)

    # a retry before it is due sends nothing
    assert send_messages([row.pk]) == []
    row.refresh_from_db()
    assert row.attempts == 1

    # the second attempt waits 20 s
    EmailMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    now = timezone.now()
    assert send_messages([row.pk]) == [row.pk]
    row.refresh_from_db()
    assert row.attempts == 2
    assert timedelta(seconds=19) < row.next_attempt_at - now < timedelta(seconds=22)

    # the last attempt fails for good: on the timeline, and no e-mail about it
    EmailMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert send_messages([row.pk]) == []
    row.refresh_from_db()
    assert (row.status, row.attempts) == (EmailStatus.FAILED, 3)
    [failed] = TicketEvent.objects.filter(ticket=ticket, type="email_failed")
    assert failed.parameters["notification"] == "ticket_received"
    assert EmailMessage.objects.count() == 1
    assert mailoutbox == []


class QuotingBackend(BaseEmailBackend):
    """An e-mail provider's API that refuses every message and quotes its answer,
    a NUL character (U+0000) included."""

    def send_messages(self, email_messages):
        raise RuntimeError("provider answered: 400 bad\x00request")


def test_a_nul_in_the_backends_error_is_dropped_from_the_record(
    committed, customer_actor, channel, settings
):
    # given a backend whose error holds a NUL, which PostgreSQL does not store
    # (before: recording the failure crashed the send)
    settings.EMAIL_BACKEND = f"{__name__}.QuotingBackend"
    settings.HELPDESK_EMAIL_MAX_ATTEMPTS = 1

    # when a customer opens a ticket and its e-mail fails for good
    ticket = committed(make_ticket, customer_actor, channel_id=channel.pk)

    # then the failure is recorded, on the message and the timeline, without the NUL
    [row] = EmailMessage.objects.all()
    error = "RuntimeError: provider answered: 400 badrequest"
    assert (row.status, row.last_error) == (EmailStatus.FAILED, error)
    [failed] = TicketEvent.objects.filter(ticket=ticket, type="email_failed")
    assert failed.parameters["error"] == error


def test_a_crashed_workers_message_is_sent_by_the_retry_task(
    committed, customer_actor, channel, mailoutbox, django_capture_on_commit_callbacks
):
    # given a committed message whose worker died while sending (claim expired)
    with django_capture_on_commit_callbacks(execute=False):
        ticket = make_ticket(customer_actor, channel_id=channel.pk)
    EmailMessage.objects.update(
        status=EmailStatus.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() - timedelta(seconds=1),
    )

    retry_due_emails.delay()

    [mail] = mailoutbox
    row = EmailMessage.objects.get()
    assert (row.status, row.attempts) == (EmailStatus.SENT, 2)
    assert mail.extra_headers["Message-ID"] == row.message_id
    assert ticket.events.filter(type="email_sent").count() == 1
    assert due_ids() == []


@pytest.fixture
def smtp_server(settings):
    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 Message accepted for delivery"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield received
    finally:
        controller.stop()


def test_end_to_end_through_a_real_smtp_server(
    committed, smtp_server, customer_actor, channel, staff_actor, staff_user
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk, cc_emails=[])
    Ticket.objects.filter(pk=ticket.pk).update(subject=INJECTION)
    committed_ticket = Ticket.objects.get(pk=ticket.pk)

    committed(
        add_comment,
        staff_actor,
        committed_ticket.pk,
        "<p>Ersatz ist <b>unterwegs</b>.</p>",
    )

    envelopes = list(smtp_server)
    reply = envelopes[-1]
    assert reply.rcpt_tos == ["kunde@example.de"]
    assert reply.mail_from == "shop@example.com"
    message = email.message_from_bytes(reply.original_content, policy=policy.default)
    row = EmailMessage.objects.get(notification="staff_reply")
    assert message["Message-ID"] == row.message_id
    assert message["In-Reply-To"] == f"<helpdesk.ticket.{ticket.number}@example.com>"
    assert message["References"] == f"<helpdesk.ticket.{ticket.number}@example.com>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Reply-To"] == "shop@example.com"
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert str(message["Subject"]).startswith(f"[#{ticket.number}] Neue Antwort")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Ersatz ist unterwegs." in text and "<b>" not in text
    assert "Ersatz ist unterwegs." in html and "<blockquote" in html
    assert row.status == EmailStatus.SENT
