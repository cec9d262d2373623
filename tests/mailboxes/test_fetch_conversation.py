"""The issue's "done when", through a real IMAP mailbox: a customer writes to the
support address, answers our replies from their own mail program, and the whole
conversation is on one ticket, linked to the customer and the order, with nothing
lost, doubled, or sent to an auto-responder. Then every other sample message a shop's
mailbox receives, fetched in one run."""

from email.header import Header

import pytest

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.core.constants import CommentMedium, CommentVisibility
from saleor_helpdesk.mailboxes.fetch import FetchStatus, fetch_mailbox
from saleor_helpdesk.models import (
    EmailMessage,
    EmailStatus,
    InboundEmail,
    InboundStatus,
    Ticket,
)
from tests.factories import OrderFactory, UserFactory
from tests.factories.helpdesk import make_ticket
from tests.inbound.conftest import SAMPLE_SECRET_KEY, raw
from tests.intake.test_receive import retarget

from .mail import MAILBOX_KEY, append, imap_mailbox, unseen


@pytest.fixture(autouse=True)
def _keys(settings):
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY
    settings.SECRET_KEY = SAMPLE_SECRET_KEY
    settings.DEFAULT_FROM_EMAIL = "Gartenwelt <shop@gartenwelt.example>"


@pytest.fixture
def mailbox(account, channel):
    return imap_mailbox(account, channel)


def test_a_customer_writes_and_answers_by_mail_and_it_is_one_ticket(
    account,
    mailbox,
    channel,
    staff_actor,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    # given Björn, a customer of the shop, and his order 1009
    bjoern = UserFactory(email="bjoern@example.de", first_name="Björn")
    order = OrderFactory(
        number=1009, user=bjoern, user_email=bjoern.email, channel=channel
    )

    # when he writes to the support address (ISO-8859-1, from Claws Mail)
    append(account, raw("latin1_subject"))
    with django_capture_on_commit_callbacks(execute=True):
        assert fetch_mailbox(mailbox.pk).status == FetchStatus.OK

    # then a ticket is open, his, on his order, and he got our confirmation with the
    # ticket's reply address to answer to
    ticket = Ticket.objects.get()
    assert (ticket.customer, ticket.order_id) == (bjoern, order.pk)
    [confirmation] = [m for m in mailoutbox if m.to == [bjoern.email]]
    reply_to = confirmation.reply_to[0]
    assert reply_to.startswith("support+") and confirmation.to == [bjoern.email]

    # when staff answer, and he replies to that answer from his mail program
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(staff_actor, ticket.pk, "<p>Der Rücksendeschein ist unterwegs.</p>")
    answer = [m for m in mailoutbox if m.to == [bjoern.email]][-1]
    his_reply = (
        "Return-Path: <bjoern@example.de>\r\n"
        "From: =?ISO-8859-1?Q?Bj=F6rn_M=FCller?= <bjoern@example.de>\r\n"
        f"To: {reply_to}\r\n"
        f"Subject: {Header('Re: ' + answer.subject, 'utf-8').encode()}\r\n"
        "Message-ID: <20260310090000.9f8e7d@example.de>\r\n"
        f"In-Reply-To: {answer.extra_headers['Message-ID']}\r\n"
        f"References: {answer.extra_headers['References']} "
        f"{answer.extra_headers['Message-ID']}\r\n"
        "Date: Tue, 10 Mar 2026 09:00:00 +0100\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=ISO-8859-1\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
        "Danke, ist angekommen!\r\n\r\n"
        "Am 09.03.2026 um 11:00 schrieb Gartenwelt:\r\n"
        "> Der R\xfccksendeschein ist unterwegs.\r\n"
    ).encode("latin-1")
    # and his out-of-office answers our next e-mail, and the server shows him twice
    append(account, his_reply, retarget("out_of_office_de", ticket, 10005), his_reply)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = fetch_mailbox(mailbox.pk)

    # then his reply is on the ticket once, without the quote; the auto-reply is not,
    # and nobody mailed the auto-responder
    assert (outcome.new, outcome.known) == (2, 1)
    thread = list(ticket.comments.filter(visibility=CommentVisibility.PUBLIC))
    assert [c.medium for c in thread] == [
        CommentMedium.EMAIL,
        CommentMedium.DASHBOARD,
        CommentMedium.EMAIL,
    ]
    assert "Danke, ist angekommen!" in thread[-1].body
    assert "schrieb" not in thread[-1].body
    assert Ticket.objects.count() == 1
    assert not any("j.groess" in ",".join(m.to) for m in mailoutbox)
    assert unseen(account) == []


def test_every_kind_of_mail_in_one_run(account, mailbox, channel):
    # given the tickets the sample replies answer
    john = make_ticket(customer_email="john.miller@gmail.com", channel_id=channel.pk)
    juergen = make_ticket(customer_email="j.groess@example.de", channel_id=channel.pk)
    maria = make_ticket(customer_email="maria.weiss@example.com", channel_id=channel.pk)
    bounced = make_ticket(
        customer_email="kunde@nicht-vorhanden.example", channel_id=channel.pk
    )
    ours = EmailMessage.objects.get(ticket=bounced)
    ours.message_id = f"<helpdesk.{bounced.number}.0f3c5a7e9b1d4f6a8c0e2a4c6e8f0b1d@gartenwelt.example>"
    ours.status = EmailStatus.SENT
    ours.save()
    big = (
        raw("new_customer_thunderbird").replace(
            b"Message-ID: <", b"Message-ID: <big.", 1
        )
        + b"\r\n"
        + b"A" * (mailbox.max_message_size + 1)
    )
    samples = {
        "new": raw("new_customer_thunderbird"),
        "gmail": retarget("reply_gmail_en", john, 10002, sample_id=2),
        "outlook": retarget("reply_outlook_de", juergen, 10003, sample_id=3),
        "apple": retarget("reply_apple_mail_de", maria, 10004, sample_id=4),
        "forward": raw("forwarded_gmail_de"),
        "ooo": retarget("out_of_office_de", juergen, 10005),
        "bounce": retarget("bounce_postfix", bounced, 10006),
        "photo": raw("photo_and_pdf_iphone"),
        "html": raw("html_only_script"),
        "big": big,
        "latin1": raw("latin1_subject"),
        "forged": retarget("forged_reply", john, 10002),
        "malformed": raw("malformed"),
    }
    append(account, *samples.values())

    # when the mailbox is fetched once
    outcome = fetch_mailbox(mailbox.pk)

    # then each message went where it belongs, once, and nothing is left unread
    assert outcome.status == FetchStatus.OK, outcome.error
    assert outcome.new == len(samples)
    by_sample = list(InboundEmail.objects.values_list("status", flat=True))
    assert len(by_sample) == len(samples)
    counted = {status: by_sample.count(status) for status in set(by_sample)}
    assert counted == {
        InboundStatus.PROCESSED: 8,  # new, 3 replies, forward, photo, html, latin1
        InboundStatus.AUTOMATIC: 1,
        InboundStatus.BOUNCE: 1,
        InboundStatus.TOO_LARGE: 1,
        InboundStatus.UNVERIFIED: 1,
        InboundStatus.MALFORMED: 1,
    }
    for ticket in (john, juergen, maria):
        assert ticket.comments.filter(medium=CommentMedium.EMAIL).count() >= 1
    ours.refresh_from_db()
    assert ours.status == EmailStatus.FAILED
    photo = InboundEmail.objects.get(subject__startswith="Beschädigter")
    assert photo.ticket.attachments.count() == 2
    assert unseen(account) == []
    # the new tickets: the first mail, the forward, the photo, the HTML and the latin1
    assert Ticket.objects.count() == 4 + 5
