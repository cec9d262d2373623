"""A ticket forwarded to an outside address: an outbox row written with the forward,
sent after commit in the ticket's language, with the public conversation only, retried
and failed like every other e-mail."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from saleor_helpdesk.actions import add_comment, forward_ticket, merge_tickets
from saleor_helpdesk.actions.config import update_email_template
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import Comment, EmailMessage, EmailStatus, TicketEvent
from saleor_helpdesk.notifications.sending import send_messages
from saleor_helpdesk.notifications.templates import preview_template
from saleor_helpdesk.tasks import send_forwarded_ticket
from tests.assertions import raises_error
from tests.factories import StaffFactory, make_ticket
from tests.notifications.conftest import html_part, outbox_rows

CARRIER = "spedition@example.org"
SECRET = "Geheime Notiz: Kunde ist schwierig"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise OSError("421 try again later")


@pytest.fixture
def german(customer_actor, channel, staff_actor):
    """Anna's ticket (German), with a public reply and an internal note."""
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Becher")
    add_comment(staff_actor, ticket.pk, "<p>Wir fragen beim Versand nach.</p>")
    add_comment(staff_actor, ticket.pk, f"<p>{SECRET}</p>", internal=True)
    return ticket


@pytest.fixture
def english(customer_actor, channel, staff_actor):
    """Anna's ticket, written in English."""
    ticket = make_ticket(
        customer_actor,
        channel_id=channel.pk,
        language_code="en",
        subject="Mug",
        body="<p>Where is my mug?</p>",
    )
    add_comment(staff_actor, ticket.pk, f"<p>{SECRET}</p>", internal=True)
    add_comment(staff_actor, ticket.pk, "<p>We are asking the carrier.</p>")
    return ticket


def forward(actor, ticket, message="<p>Bitte prüfen, Sendung 123.</p>"):
    return forward_ticket(actor, ticket.pk, message=message, to_email=CARRIER)


def stamp(comment: Comment, pattern: str) -> str:
    return timezone.localtime(comment.created_at).strftime(pattern)


def test_a_forward_of_a_german_ticket_is_sent_in_german_after_commit(
    committed, german, staff_actor, mailoutbox
):
    EmailMessage.objects.all().delete()
    mailoutbox.clear()

    committed(forward, staff_actor, german)

    # then the outside address gets one e-mail, through the outbox
    [row] = outbox_rows(notification="ticket_forwarded")
    assert (row.status, row.language, row.to, row.cc) == (
        EmailStatus.SENT,
        "de",
        [CARRIER],
        [],
    )
    [mail] = [m for m in mailoutbox if m.to == [CARRIER]]
    assert mail.subject == f"[#{german.number}] WG: Becher"
    assert mail.extra_headers["Message-ID"] == row.message_id
    assert mail.extra_headers["Auto-Submitted"] == "auto-generated"
    first, reply = german.comments.filter(visibility="public").order_by("pk")
    assert mail.body.startswith("Bitte prüfen, Sendung 123.\n")
    assert f"hat Ihnen Ticket #{german.number} („Becher“) weitergeleitet" in mail.body
    assert (
        f"Kunde, {stamp(first, '%d.%m.%Y %H:%M')}:\nIt has not arrived yet."
        in mail.body
    )
    assert (
        f"Support, {stamp(reply, '%d.%m.%Y %H:%M')}:\nWir fragen beim Versand nach."
        in mail.body
    )
    assert "Wir fragen beim Versand nach." in html_part(mail)
    # never an internal note, nor the note that records the forward
    for text in (mail.body, html_part(mail), row.body_text, row.body_html):
        assert SECRET not in text
        assert "Forwarded to" not in text
    # and the send is on the timeline, without the address
    [sent] = TicketEvent.objects.filter(ticket=german, type="email_sent")
    assert sent.parameters["notification"] == "ticket_forwarded"
    assert CARRIER not in str(list(german.events.values_list("parameters")))


def test_a_forward_of_an_english_ticket_is_sent_in_english(
    committed, english, staff_actor, mailoutbox
):
    committed(forward, staff_actor, english, "<p>Please check.</p>")

    [row] = outbox_rows(notification="ticket_forwarded")
    [mail] = [m for m in mailoutbox if m.to == [CARRIER]]
    assert row.language == "en"
    assert mail.subject == f"[#{english.number}] Fwd: Mug"
    assert "has forwarded ticket #" in mail.body
    assert "Customer, " in mail.body and "Where is my mug?" in mail.body
    assert "Support, " in mail.body and "We are asking the carrier." in mail.body
    assert SECRET not in mail.body and SECRET not in html_part(mail)


def test_a_ticket_in_a_language_without_a_text_gets_the_shop_s(
    committed, channel, staff_actor, settings, mailoutbox
):
    settings.LANGUAGE_CODE = "de"
    ticket = make_ticket(
        channel_id=channel.pk, customer_email="client@example.fr", language_code="fr"
    )

    committed(forward, staff_actor, ticket)

    [row] = outbox_rows(notification="ticket_forwarded")
    assert row.language == "de" and row.subject.endswith("WG: Where is my parcel?")


def test_the_merchant_s_text_is_used(committed, german, staff_actor, mailoutbox):
    manager = Actor.staff(StaffFactory(), {Perm.MANAGE_PLUGINS.value})
    update_email_template(
        manager,
        "ticket_forwarded",
        "de",
        {
            "subject": "Bitte ansehen: {{ ticket.subject }}",
            "body": "<p>{{ forward.note }}</p><pre>{{ ticket.conversation }}</pre>",
        },
    )

    committed(forward, staff_actor, german)

    [mail] = [m for m in mailoutbox if m.to == [CARRIER]]
    assert mail.subject == f"[#{german.number}] Bitte ansehen: Becher"
    assert "Wir fragen beim Versand nach." in mail.body
    assert SECRET not in mail.body


def test_a_rolled_back_forward_writes_and_sends_nothing(
    german, staff_actor, mailoutbox, django_capture_on_commit_callbacks
):
    EmailMessage.objects.all().delete()
    mailoutbox.clear()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        forward(staff_actor, german)
        raise RuntimeError("the surrounding change failed")

    assert callbacks == []
    assert not EmailMessage.objects.exists()
    assert mailoutbox == []


def test_a_refused_forward_writes_and_sends_nothing(
    german, staff_actor, customer_actor, channel, mailoutbox, committed
):
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), german.pk, survivor.pk)
    EmailMessage.objects.all().delete()
    mailoutbox.clear()

    with raises_error("id", "merged"):
        committed(forward, staff_actor, german)

    assert not EmailMessage.objects.exists()
    assert mailoutbox == []


def test_a_refused_send_is_retried_then_failed_on_the_timeline(
    committed, german, staff_actor, settings, mailoutbox
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    settings.HELPDESK_EMAIL_MAX_ATTEMPTS = 2
    EmailMessage.objects.all().delete()

    # when the mail server refuses the forward, the forward itself stands
    committed(forward, staff_actor, german)
    [row] = outbox_rows(notification="ticket_forwarded")
    assert (row.status, row.attempts) == (EmailStatus.PENDING, 1)
    assert "421 try again later" in row.last_error
    assert german.events.filter(type="forwarded").exists()

    # and after the last attempt it is failed, on the message and the timeline
    EmailMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert send_messages([row.pk]) == []
    row.refresh_from_db()
    assert (row.status, row.attempts) == (EmailStatus.FAILED, 2)
    [failed] = TicketEvent.objects.filter(ticket=german, type="email_failed")
    assert failed.parameters["notification"] == "ticket_forwarded"
    assert not [m for m in mailoutbox if m.to == [CARRIER]]


def test_a_queued_task_of_an_older_release_goes_through_the_outbox_once(
    committed, german, staff_actor, mailoutbox
):
    # given a forward whose e-mail an older release left queued as its own task
    note = Comment.objects.create(
        ticket=german,
        body=f"<p>Forwarded to {CARRIER}</p><p>Bitte prüfen.</p>",
        visibility="internal",
        author_type="staff",
        author_user=staff_actor.user,
    )
    EmailMessage.objects.all().delete()
    mailoutbox.clear()

    # when a worker runs it, twice
    committed(send_forwarded_ticket, german.pk, CARRIER, note.pk)
    committed(send_forwarded_ticket, german.pk, CARRIER, note.pk)

    # then one outbox row is sent, with the public conversation only
    [row] = outbox_rows(notification="ticket_forwarded")
    assert row.status == EmailStatus.SENT
    [mail] = mailoutbox
    assert "Bitte prüfen." in mail.body and "Wir fragen beim Versand nach." in mail.body
    assert SECRET not in mail.body

    # and a task for a ticket that is gone does nothing
    send_forwarded_ticket(german.pk + 1000, CARRIER, note.pk)
    assert EmailMessage.objects.count() == 1


def test_the_preview_quotes_the_public_conversation(german):
    manager = Actor.staff(
        StaffFactory(), {Perm.MANAGE_PLUGINS.value, Perm.MANAGE_ORDERS.value}
    )

    preview = preview_template(manager, "ticket_forwarded", "en", german.pk)

    assert preview.subject == f"[#{german.number}] Fwd: Becher"
    assert "Wir fragen beim Versand nach." in preview.text
    assert SECRET not in preview.text and SECRET not in preview.html
