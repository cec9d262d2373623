"""Taking in the sample messages: new tickets, replies, forgeries, machines, limits.

Replies in `tests/inbound/messages` name tickets #10002 to #10007 and reply addresses
signed for ticket ids 2 to 4; `retarget` rewrites them to the tickets a test made.
"""

import re

import pytest

from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.actions.inbound_review import (
    accept_inbound_email,
    reject_inbound_email,
)
from saleor_helpdesk.actions.status import close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import (
    AuthorType,
    CommentMedium,
    CommentVisibility,
    TicketEventType,
    TicketSource,
)
from saleor_helpdesk.inbound.threading import reply_address
from saleor_helpdesk.models import (
    ChannelSettings,
    Comment,
    EmailMessage,
    EmailStatus,
    InboundEmail,
    InboundStatus,
    Ticket,
    TicketEvent,
)
from tests.factories import OrderFactory, UserFactory
from tests.factories.helpdesk import make_ticket
from tests.inbound.conftest import BIG_ATTACHMENT_SIZE, raw

from .conftest import SUPPORT

SAMPLE_TOKENS = {
    2: b"2yqadz2d7fdsfmuby",
    3: b"35bjgog7vpn4kg5he",
    4: b"4ckui3ro5dlthnfhe",
}


def retarget(name: str, ticket: Ticket, number: int, sample_id: int | None = None):
    """The sample reply, answering `ticket` instead of the sample's ticket."""
    data = raw(name).replace(str(number).encode(), str(ticket.number).encode())
    if sample_id is not None:
        token = reply_address(ticket.pk, SUPPORT).split("@")[0].split("+")[1]
        data = data.replace(SAMPLE_TOKENS[sample_id], token.encode())
    return data


def public_thread(ticket: Ticket) -> list[Comment]:
    return list(ticket.comments.filter(visibility=CommentVisibility.PUBLIC))


# --- new tickets ------------------------------------------------------------------


def test_a_mail_from_an_unknown_sender_opens_an_email_ticket_of_their_own(
    take_in, mailbox, channel
):
    received = take_in("new_customer_thunderbird")

    row = received.inbound
    assert received.created
    assert row.status == InboundStatus.PROCESSED
    ticket = row.ticket
    assert ticket.source == TicketSource.EMAIL
    assert ticket.channel_id == channel.pk
    assert ticket.customer is None
    assert ticket.customer_email == "anna.schmidt@example.de"
    assert ticket.customer_name == "Anna Schmidt"
    assert ticket.subject == "Wo bleibt meine Bestellung? (Lieferverzögerung)"
    [comment] = ticket.comments.all()
    assert row.comment == comment
    assert comment.medium == CommentMedium.EMAIL
    assert comment.author_type == AuthorType.CUSTOMER
    assert comment.visibility == CommentVisibility.PUBLIC
    # the original is kept for staff, byte for byte
    with row.raw.open("rb") as handle:
        assert handle.read() == raw("new_customer_thunderbird")


def test_the_confirmation_carries_the_tickets_reply_address(
    take_in, mailbox, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = take_in("new_customer_thunderbird").inbound.ticket

    [sent] = mailoutbox
    assert sent.to == ["anna.schmidt@example.de"]
    assert sent.reply_to == [reply_address(ticket.pk, SUPPORT)]


def test_without_an_active_mailbox_replies_go_to_the_sender(
    take_in, mailbox, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        take_in("new_customer_thunderbird")
        mailbox.is_active = False
        mailbox.save()
    # sent after the mailbox was switched off: the sender's address it is
    [sent] = mailoutbox
    assert sent.reply_to == ["Gartenwelt <shop@gartenwelt.example>"]


def test_a_sender_with_an_account_is_linked_to_the_customer(take_in, db):
    anna = UserFactory(email="Anna.Schmidt@example.de", language_code="de")

    ticket = take_in("new_customer_thunderbird").inbound.ticket

    assert ticket.customer == anna
    assert ticket.language_code == "de"


def test_a_new_ticket_lands_in_the_mailboxs_queue(take_in, mailbox):
    from tests.factories.helpdesk import ContactFactory

    mailbox.contact = ContactFactory(slug="returns", name="Returns")
    mailbox.save()

    ticket = take_in("new_customer_thunderbird").inbound.ticket

    assert ticket.contact_id == mailbox.contact_id


def test_latin1_umlauts_are_read_and_the_senders_order_is_linked(take_in, channel):
    order = OrderFactory(
        number=1009, user=None, user_email="bjoern@example.de", channel=channel
    )

    ticket = take_in("latin1_subject").inbound.ticket

    assert ticket.subject.startswith("Rücksendung für Bestellung 1009 \u2013 Gießkanne")
    assert "möchte die Gießkanne" in ticket.comments.get().body
    assert ticket.customer_name == "Björn Müller"
    assert ticket.order_id == order.pk


def test_an_order_number_of_another_customer_is_not_linked(take_in, channel):
    OrderFactory(
        number=1009, user=None, user_email="jemand@example.com", channel=channel
    )

    ticket = take_in("latin1_subject").inbound.ticket

    assert ticket.order_id is None


def test_an_html_only_mail_is_read_without_its_script(take_in):
    ticket = take_in("html_only_script").inbound.ticket

    body = ticket.comments.get().body
    assert "<script" not in body.lower()
    assert "alert(" not in body
    assert body.strip()


def test_photo_and_pdf_become_attachments_with_their_sniffed_types(take_in):
    ticket = take_in("photo_and_pdf_iphone").inbound.ticket

    files = {a.display_name: a.content_type for a in ticket.attachments.all()}
    assert files == {
        "IMG_0412.jpeg": "image/jpeg",
        "Rechnung März 1002.pdf": "application/pdf",
    }
    assert all(
        a.comment_id == ticket.comments.get().pk for a in ticket.attachments.all()
    )


def test_files_the_shop_refuses_are_listed_on_the_ticket(take_in, channel):
    ChannelSettings.objects.update_or_create(
        channel=channel, defaults={"allowed_content_types": ["image/jpeg"]}
    )

    row = take_in("photo_and_pdf_iphone").inbound
    ticket = row.ticket

    assert [a.display_name for a in ticket.attachments.all()] == ["IMG_0412.jpeg"]
    note = ticket.comments.get(visibility=CommentVisibility.INTERNAL)
    assert "Rechnung März 1002.pdf" in note.body
    assert "type this shop does not accept" in note.body
    assert "Rechnung März 1002.pdf" in row.note


def test_a_forwarded_mail_is_kept_whole(take_in):
    ticket = take_in("forwarded_gmail_de").inbound.ticket

    body = ticket.comments.get().body
    assert "Ihre Sendung wurde zugestellt" in body


def test_a_message_without_message_id_is_taken_in_once(take_in):
    first = take_in("no_message_id")
    second = take_in("no_message_id")

    assert first.created and not second.created
    assert first.inbound.message_id.endswith("@sha256.invalid")
    assert Ticket.objects.count() == 1


# --- replies ----------------------------------------------------------------------


@pytest.fixture
def johns_ticket(channel, staff_user):
    ticket = make_ticket(
        customer_email="john.miller@gmail.com",
        customer_name="John Miller",
        channel_id=channel.pk,
    )
    ticket.assignee = staff_user
    ticket.save(update_fields=["assignee"])
    return ticket


def test_a_gmail_reply_joins_its_ticket_without_the_quoted_history(
    take_in, johns_ticket
):
    received = take_in(retarget("reply_gmail_en", johns_ticket, 10002, sample_id=2))

    assert received.inbound.status == InboundStatus.PROCESSED
    assert received.inbound.ticket_id == johns_ticket.pk
    reply = public_thread(johns_ticket)[-1]
    assert reply.medium == CommentMedium.EMAIL
    assert reply.author_type == AuthorType.CUSTOMER
    assert "wrote:" not in reply.body
    assert Ticket.objects.count() == 1
    # the assignee hears of the customer's reply, as for a storefront reply
    assert EmailMessage.objects.filter(
        ticket=johns_ticket, notification="staff_customer_reply"
    ).exists()


def test_the_subject_token_alone_threads_a_reply(take_in, johns_ticket):
    # without the reply address (signed for another shop) the Message-IDs and the
    # subject still name the ticket
    received = take_in(retarget("reply_gmail_en", johns_ticket, 10002))

    assert received.inbound.ticket_id == johns_ticket.pk


@pytest.mark.parametrize(
    ("name", "sample_id", "number", "sender", "quote_marker"),
    [
        ("reply_outlook_de", 3, 10003, "j.groess@example.de", "Von:"),
        ("reply_apple_mail_de", 4, 10004, "maria.weiss@example.com", "schrieb"),
    ],
)
def test_outlook_and_apple_mail_replies_in_german_are_stripped(
    take_in, channel, name, sample_id, number, sender, quote_marker
):
    ticket = make_ticket(customer_email=sender, channel_id=channel.pk)

    take_in(retarget(name, ticket, number, sample_id=sample_id))

    reply = public_thread(ticket)[-1]
    assert reply.medium == CommentMedium.EMAIL
    assert quote_marker not in reply.body
    assert reply.body.strip()


def test_a_reply_from_a_cc_address_is_the_customers_side(take_in, channel):
    ticket = make_ticket(
        customer_email="someone@example.com",
        cc_emails=["john.miller@gmail.com"],
        channel_id=channel.pk,
    )

    row = take_in(retarget("reply_gmail_en", ticket, 10002, sample_id=2)).inbound

    assert row.status == InboundStatus.PROCESSED
    reply = public_thread(ticket)[-1]
    assert reply.author_name == "John Miller"


def test_a_reply_to_a_merged_ticket_lands_on_the_ticket_it_went_into(
    take_in, johns_ticket, channel, staff_actor
):
    from saleor_helpdesk.actions import merge_tickets

    target = make_ticket(customer_email="john.miller@gmail.com", channel_id=channel.pk)
    merge_tickets(staff_actor, johns_ticket.pk, target.pk)

    row = take_in(retarget("reply_gmail_en", johns_ticket, 10002)).inbound

    assert row.ticket_id == target.pk


def test_a_reply_to_a_closed_ticket_the_shop_does_not_reopen_opens_a_new_one(
    take_in, johns_ticket, channel, staff_actor
):
    ChannelSettings.objects.update_or_create(
        channel=channel, defaults={"customer_may_reopen": False}
    )
    close_ticket(staff_actor, johns_ticket.pk)

    row = take_in(retarget("reply_gmail_en", johns_ticket, 10002)).inbound

    assert row.status == InboundStatus.PROCESSED
    assert row.ticket_id != johns_ticket.pk
    assert f"#{johns_ticket.number}" in row.note
    assert Ticket.objects.count() == 2


# --- forged replies -----------------------------------------------------------------


def test_a_forged_reply_is_an_internal_note_marked_unverified(take_in, johns_ticket):
    before = EmailMessage.objects.count()

    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound

    assert row.status == InboundStatus.UNVERIFIED
    assert "mallory@example.org" in row.note
    note = row.comment
    assert note.visibility == CommentVisibility.INTERNAL
    assert note.medium == CommentMedium.EMAIL
    assert note not in public_thread(johns_ticket)
    # nobody outside is mailed about it
    assert EmailMessage.objects.count() == before


def test_staff_accept_an_unverified_reply_into_the_customers_thread(
    take_in, johns_ticket, staff_actor
):
    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound

    accept_inbound_email(staff_actor, row.pk)

    row.refresh_from_db()
    johns_ticket.refresh_from_db()
    assert row.status == InboundStatus.ACCEPTED
    assert row.reviewed_by == staff_actor.user
    assert row.comment in public_thread(johns_ticket)
    assert row.comment.author_type == AuthorType.CUSTOMER
    assert "mallory@example.org" in johns_ticket.cc_emails
    # decided once
    with pytest.raises(Exception, match="already decided"):
        reject_inbound_email(staff_actor, row.pk)


def test_staff_reject_an_unverified_reply_and_it_stays_internal(
    take_in, johns_ticket, staff_actor
):
    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound

    reject_inbound_email(staff_actor, row.pk)

    row.refresh_from_db()
    assert row.status == InboundStatus.REJECTED
    assert row.comment.visibility == CommentVisibility.INTERNAL


def test_a_customer_cannot_review_messages(take_in, johns_ticket, customer_actor):
    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound

    with pytest.raises(Exception, match="MANAGE_ORDERS"):
        accept_inbound_email(customer_actor, row.pk)


# --- machines and loops ---------------------------------------------------------------


def test_an_out_of_office_reply_opens_nothing_and_sends_nothing(take_in, channel):
    ticket = make_ticket(customer_email="j.groess@example.de", channel_id=channel.pk)
    comments, emails = Comment.objects.count(), EmailMessage.objects.count()

    row = take_in(retarget("out_of_office_de", ticket, 10005)).inbound

    assert row.status == InboundStatus.AUTOMATIC
    assert row.ticket is None
    assert (Comment.objects.count(), EmailMessage.objects.count()) == (comments, emails)


@pytest.mark.parametrize(
    ("name", "number", "our_id"),
    [
        (
            "bounce_postfix",
            10006,
            "<helpdesk.{n}.0f3c5a7e9b1d4f6a8c0e2a4c6e8f0b1d@gartenwelt.example>",
        ),
        (
            "bounce_exchange",
            10007,
            "<helpdesk.{n}.b7e6d5c4b3a2418f9e8d7c6b5a493827@gartenwelt.example>",
        ),
    ],
)
def test_a_bounce_marks_our_email_failed_on_the_timeline(
    take_in, channel, name, number, our_id
):
    ticket = make_ticket(customer_email="kunde@example.com", channel_id=channel.pk)
    ours = EmailMessage.objects.filter(ticket=ticket).first()
    ours.message_id = our_id.format(n=ticket.number)
    ours.status = EmailStatus.SENT
    ours.save()
    emails = EmailMessage.objects.count()

    row = take_in(retarget(name, ticket, number)).inbound

    assert row.status == InboundStatus.BOUNCE
    assert row.ticket_id == ticket.pk
    ours.refresh_from_db()
    assert ours.status == EmailStatus.FAILED
    assert ours.last_error.startswith("Bounced:")
    assert TicketEvent.objects.filter(
        ticket=ticket, type=TicketEventType.EMAIL_FAILED
    ).exists()
    assert EmailMessage.objects.count() == emails
    assert Comment.objects.filter(ticket=ticket).count() == 1


def test_mail_from_our_own_address_is_ignored(take_in, mailbox):
    data = re.sub(
        rb"^From: .*$",
        b"From: Gartenwelt Support <support@gartenwelt.example>",
        raw("new_customer_thunderbird"),
        count=1,
        flags=re.MULTILINE,
    )

    row = take_in(data).inbound

    assert row.status == InboundStatus.OWN
    assert Ticket.objects.count() == 0


def _numbered(n: int) -> bytes:
    return raw("new_customer_thunderbird").replace(
        b"Message-ID: <", f"Message-ID: <n{n}.".encode(), 1
    )


def test_a_sender_opening_too_many_tickets_an_hour_is_held(
    take_in, mailbox, staff_actor
):
    mailbox.tickets_per_sender_per_hour = 2
    mailbox.save()

    rows = [take_in(_numbered(n)).inbound for n in range(3)]

    assert [r.status for r in rows] == ["processed", "processed", "held"]
    assert Ticket.objects.count() == 2
    held = rows[2]
    assert "held for review" in held.note

    accept_inbound_email(staff_actor, held.pk)

    held.refresh_from_db()
    assert held.status == InboundStatus.PROCESSED
    assert held.ticket is not None
    assert held.reviewed_by == staff_actor.user
    assert Ticket.objects.count() == 3


# --- limits ---------------------------------------------------------------------------


def test_a_message_over_the_size_limit_is_refused_with_a_note(take_in, mailbox):
    filler = b"A" * (mailbox.max_message_size + 1)
    data = (
        raw("new_customer_thunderbird").replace(
            b"Message-ID: <", b"Message-ID: <big.", 1
        )
        + b"\n"
        + filler
    )

    row = take_in(data).inbound

    assert row.status == InboundStatus.TOO_LARGE
    assert row.size == len(data)
    assert "25.0 MB" in row.note
    assert not row.raw
    assert row.subject == "Wo bleibt meine Bestellung? (Lieferverzögerung)"
    assert Ticket.objects.count() == 0
    # the next message is taken in as usual
    assert take_in("new_customer_thunderbird").inbound.status == "processed"


def test_a_very_long_text_is_shortened_and_the_original_kept(take_in):
    long_line = "Sehr lange Beschreibung des Schadens. " * 3000
    data = raw("latin1_subject").replace(
        b"Bitte schicken Sie", long_line.encode() + b"\nBitte schicken Sie"
    )

    row = take_in(data).inbound

    assert row.status == InboundStatus.PROCESSED
    body = row.comment.body
    assert len(body) <= 50_000
    assert "whole message is in the original" in body
    assert row.raw.size == len(data)


def test_a_message_the_actions_refuse_is_kept_for_staff(take_in, mailbox, channel):
    # a channel that no longer takes tickets: the message stays, nothing else changes
    channel.is_active = False
    channel.save()

    row = take_in("new_customer_thunderbird").inbound

    assert row.status == InboundStatus.MALFORMED
    assert "could not be taken in" in row.note
    assert Ticket.objects.count() == 0
    assert Comment.objects.count() == 0


@pytest.fixture
def small_mailbox(mailbox):
    mailbox.max_message_size = 1024 * 1024
    mailbox.save()
    return mailbox


def test_a_20_mb_mail_is_refused_by_a_mailbox_limited_to_less(take_in, small_mailbox):
    data = raw("new_customer_thunderbird") + b"\n" + b"B" * BIG_ATTACHMENT_SIZE

    row = take_in(data).inbound

    assert row.status == InboundStatus.TOO_LARGE


@pytest.mark.parametrize("name", ["malformed", "malformed_headers"])
def test_a_malformed_message_is_kept_for_staff_and_opens_nothing(take_in, name):
    row = take_in(name).inbound

    assert row.status == InboundStatus.MALFORMED
    assert row.raw
    assert Ticket.objects.count() == 0
    assert InboundEmail.objects.get().pk == row.pk


# --- the actor's reach ----------------------------------------------------------------


def test_an_email_sender_reaches_only_tickets_their_address_is_on(channel, db):
    from saleor_helpdesk.tickets.access import visible_tickets

    mine = make_ticket(customer_email="a@example.com", channel_id=channel.pk)
    cc = make_ticket(
        customer_email="b@example.com",
        cc_emails=["a@example.com"],
        channel_id=channel.pk,
    )
    make_ticket(customer_email="c@example.com", channel_id=channel.pk)

    reach = visible_tickets(Actor.email_sender("A@Example.com"))

    assert set(reach.values_list("pk", flat=True)) == {mine.pk, cc.pk}


def test_receive_email_records_via_and_mailbox(mailbox):
    row = receive_email(
        raw("new_customer_thunderbird"), mailbox=mailbox, via="mailgun"
    ).inbound

    assert (row.via, row.mailbox_id) == ("mailgun", mailbox.pk)


# --- privacy --------------------------------------------------------------------------


def test_erasing_the_sender_removes_the_originals_but_keeps_the_message_id(
    take_in, johns_ticket, channel, django_capture_on_commit_callbacks
):
    from pathlib import Path

    from saleor_helpdesk.privacy.erase import Person, erase_person

    on_ticket = take_in(retarget("reply_gmail_en", johns_ticket, 10002)).inbound
    second = take_in(
        raw("reply_gmail_en").replace(b"Message-ID: <", b"Message-ID: <other.", 1)
    ).inbound
    files = [Path(row.raw.path) for row in (on_ticket, second)]
    assert all(path.exists() for path in files)

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(
            Person(user_id=None, email="john.miller@gmail.com"),
            actor=Actor.system(),
            reason="request",
        )

    for row in (on_ticket, second):
        row.refresh_from_db()
        assert row.comment is None or row.comment.body == ""
        assert (row.from_address, row.from_name, row.subject, row.raw.name) == (
            "",
            "",
            "",
            "",
        )
    assert not any(path.exists() for path in files)
    # taken in once, for ever
    assert not take_in(retarget("reply_gmail_en", johns_ticket, 10002)).created


def test_the_customers_cc_hears_our_answers_but_never_our_own_addresses(
    take_in, mailbox
):
    data = raw("new_customer_thunderbird").replace(
        b"\nFrom: ",
        b"\nCc: Max Schmidt <Max.Schmidt@example.de>, Gartenwelt <support@gartenwelt.example>,"
        b" shop@gartenwelt.example, anna.schmidt@example.de\nFrom: ",
        1,
    )

    ticket = take_in(data).inbound.ticket

    assert ticket.cc_emails == ["max.schmidt@example.de"]


def test_erasing_the_customer_blanks_notes_that_came_by_email_too(
    take_in, johns_ticket
):
    from saleor_helpdesk.privacy.erase import Person, erase_person

    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound
    assert row.comment.body

    erase_person(
        Person(user_id=None, email="john.miller@gmail.com"),
        actor=Actor.system(),
        reason="request",
    )

    row.comment.refresh_from_db()
    assert (row.comment.body, row.comment.author_name) == ("", "")
