"""E-mails to the customer (and the ticket's CC addresses), in their language."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from saleor_helpdesk.actions import (
    add_comment,
    change_cc,
    change_due_date,
    change_status,
    close_ticket,
    decide_complaint,
    merge_tickets,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import ChannelSettings, EmailMessage, TicketStatus
from saleor_helpdesk.timeline import events
from tests.factories import UserFactory, make_complaint, make_ticket
from tests.notifications.conftest import html_part


def status(slug: str) -> TicketStatus:
    return TicketStatus.objects.get(slug=slug)


@pytest.fixture
def english_customer(db):
    return UserFactory(
        email="jane@example.com",
        first_name="Jane",
        last_name="Doe",
        language_code="en",
    )


@pytest.fixture
def ticket(committed, customer_actor, channel, mailoutbox):
    ticket = committed(
        make_ticket, customer_actor, subject="Becher kaputt", channel_id=channel.pk
    )
    mailoutbox.clear()
    return ticket


def test_ticket_received_in_german_for_a_german_customer(
    committed, customer_actor, customer, channel, mailoutbox
):
    # when a German customer opens a ticket
    ticket = committed(
        make_ticket, customer_actor, subject="Becher kaputt", channel_id=channel.pk
    )

    # then they get one e-mail in German, with the number and how to reply
    [mail] = mailoutbox
    assert mail.to == [customer.email]
    assert mail.subject == (
        f"[#{ticket.number}] Wir haben Ihre Anfrage erhalten: Becher kaputt"
    )
    assert "Hallo Anna Schmidt," in mail.body
    assert f"#{ticket.number}" in mail.body
    assert "antworten" in mail.body
    assert f"<strong>#{ticket.number}</strong>" in html_part(mail)
    assert mail.extra_headers["Auto-Submitted"] == "auto-generated"
    row = EmailMessage.objects.get()
    assert (row.notification, row.language, row.status) == (
        "ticket_received",
        "de",
        "sent",
    )
    assert ticket.events.filter(type="email_sent").count() == 1


def test_ticket_received_in_english_for_an_english_customer(
    committed, english_customer, channel, mailoutbox
):
    ticket = committed(
        make_ticket,
        Actor.customer(english_customer),
        subject="Broken mug",
        channel_id=channel.pk,
    )

    [mail] = mailoutbox
    assert mail.to == ["jane@example.com"]
    assert (
        mail.subject == f"[#{ticket.number}] We have received your request: Broken mug"
    )
    assert "Hello Jane Doe," in mail.body
    assert "reply to this e-mail" in mail.body


def test_an_unknown_language_falls_back_to_the_shop_language(
    committed, channel, mailoutbox, settings
):
    settings.LANGUAGE_CODE = "de"
    french = UserFactory(email="pierre@example.fr", language_code="fr")

    committed(make_ticket, Actor.customer(french), channel_id=channel.pk)

    [mail] = mailoutbox
    assert "Wir haben Ihre Anfrage erhalten" in mail.subject


def test_a_public_staff_reply_reaches_customer_and_cc(
    committed, ticket, staff_actor, staff_user, customer, mailoutbox
):
    committed(change_cc, staff_actor, ticket.pk, ["partner@example.de"])
    staff_user.first_name, staff_user.last_name = "Bernd", "Berater"
    staff_user.save()

    committed(
        add_comment,
        staff_actor,
        ticket.pk,
        "<p>Wir schicken Ersatz.</p><p>Zweite Zeile &amp; mehr</p>",
    )

    [mail] = mailoutbox
    assert mail.to == [customer.email]
    assert mail.cc == ["partner@example.de"]
    assert (
        mail.subject
        == f"[#{ticket.number}] Neue Antwort zu Ihrer Anfrage: Becher kaputt"
    )
    assert "Bernd Berater hat Ihnen zu Ticket" in mail.body
    assert "Wir schicken Ersatz.\nZweite Zeile & mehr" in mail.body
    assert "Zweite Zeile &amp; mehr" in html_part(mail)


def test_internal_notes_are_never_mailed(committed, ticket, staff_actor, mailoutbox):
    committed(change_cc, staff_actor, ticket.pk, ["partner@example.de"])

    committed(add_comment, staff_actor, ticket.pk, "<p>Kunde nervt.</p>", internal=True)

    assert mailoutbox == []
    assert (
        not EmailMessage.objects.filter(ticket=ticket)
        .exclude(notification="ticket_received")
        .exists()
    )


def test_a_visible_status_change_is_mailed_with_its_public_label(
    committed, ticket, staff_actor, mailoutbox
):
    committed(change_status, staff_actor, ticket.pk, status("in_progress").pk)

    [mail] = mailoutbox
    assert mail.subject == f"[#{ticket.number}] Ihre Anfrage ist jetzt: In Bearbeitung"


def test_an_internal_status_shows_as_its_customer_status_and_silent_moves_send_nothing(
    committed, ticket, staff_actor, mailoutbox
):
    # an internal status is mailed with its customer-facing label
    committed(change_status, staff_actor, ticket.pk, status("waiting_1").pk)
    [mail] = mailoutbox
    assert "In Bearbeitung" in mail.subject
    assert "Warten 1" not in mail.body

    # waiting_1 → waiting_2 → in_progress: the customer sees "In Bearbeitung" throughout
    mailoutbox.clear()
    committed(change_status, staff_actor, ticket.pk, status("waiting_2").pk)
    committed(change_status, staff_actor, ticket.pk, status("in_progress").pk)
    assert mailoutbox == []


def test_the_customer_reply_reopening_a_ticket_mails_no_status_change_to_them(
    committed, ticket, staff_actor, customer_actor, mailoutbox
):
    committed(change_status, staff_actor, ticket.pk, status("waiting_customer").pk)
    mailoutbox.clear()

    # when the customer answers, the system moves the ticket back to open
    committed(add_comment, customer_actor, ticket.pk, "<p>Hier die Fotos.</p>")

    ticket.refresh_from_db()
    assert ticket.status.slug == "open"
    assert mailoutbox == []  # nobody is assigned, and the move is the system's


def test_due_date_changes_are_mailed(committed, ticket, staff_actor, mailoutbox):
    due = datetime(2026, 12, 24, 15, 30, tzinfo=ZoneInfo("UTC"))

    committed(change_due_date, staff_actor, ticket.pk, due)

    [mail] = mailoutbox
    assert mail.subject.startswith(
        f"[#{ticket.number}] Neuer Termin für Ihre Anfrage: 24.12.2026"
    )


def test_the_complaint_decision_is_mailed_in_the_customer_language(
    committed, customer_actor, order, staff_actor, mailoutbox
):
    line = order.lines.first()
    ticket = committed(make_complaint, customer_actor, order, [(line, 1)])
    mailoutbox.clear()

    committed(decide_complaint, staff_actor, ticket.pk, "replacement", "Neuer Becher")

    [mail] = mailoutbox
    assert (
        mail.subject == f"[#{ticket.number}] Entscheidung zu Ihrer Reklamation: Ersatz"
    )
    assert f"Bestellung {order.number}" in mail.body


def test_refund_requested_and_completed(committed, ticket, staff_actor, mailoutbox):
    def refund():
        with transaction.atomic():
            events.refund_requested_event(
                ticket=ticket,
                actor=staff_actor,
                amount=str(Decimal("12.50")),
                currency="EUR",
                reference="r-1",
            )

    def refunded(state):
        with transaction.atomic():
            events.refund_updated_event(
                ticket=ticket, actor=Actor.system(), reference="r-1", state=state
            )

    committed(refund)
    committed(refunded, "pending")
    committed(refunded, "succeeded")

    assert [mail.subject for mail in mailoutbox] == [
        f"[#{ticket.number}] Ihre Rückerstattung ist beantragt",
        f"[#{ticket.number}] Ihre Rückerstattung ist ausgezahlt",
    ]
    # the amount as German writes money (babel's no-break space before the symbol)
    assert "12,50\xa0€" in mailoutbox[0].body


def test_closing_tells_how_to_reopen(
    committed, ticket, staff_actor, mailoutbox, channel
):
    ChannelSettings.objects.create(
        channel=channel,
        reopen_window_days=14,
        sender_email="service@kaffee.example",
        sender_name="Kaffee & Co",
        signature="Ihr Kaffee-Team\nTel. 0123",
    )

    committed(close_ticket, staff_actor, ticket.pk)

    [mail] = mailoutbox  # one e-mail, not a status change besides
    assert (
        mail.subject
        == f"[#{ticket.number}] Ihre Anfrage ist abgeschlossen: Becher kaputt"
    )
    assert "innerhalb von 14 Tagen" in mail.body
    assert mail.from_email == "Kaffee & Co <service@kaffee.example>"
    assert mail.reply_to == ["service@kaffee.example"]
    assert mail.body.endswith("-- \nIhr Kaffee-Team\nTel. 0123")
    assert "Ihr Kaffee-Team<br>Tel. 0123" in html_part(mail)


def test_a_rolled_back_action_sends_nothing(committed, ticket, staff_actor, mailoutbox):
    def reply_then_fail():
        with transaction.atomic():
            add_comment(staff_actor, ticket.pk, "<p>Antwort</p>")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        committed(reply_then_fail)

    assert mailoutbox == []
    assert EmailMessage.objects.filter(notification="staff_reply").count() == 0


def test_a_ticket_merged_into_another_is_not_mailed_as_closed(
    committed, customer_actor, channel, staff_actor, mailoutbox
):
    first = make_ticket(customer_actor, channel_id=channel.pk, subject="Erstes")
    second = make_ticket(customer_actor, channel_id=channel.pk, subject="Zweites")

    committed(merge_tickets, staff_actor, second.pk, first.pk)

    assert [m.subject for m in mailoutbox if m.to == ["kunde@example.de"]] == []
