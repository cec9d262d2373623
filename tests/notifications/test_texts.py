"""The shipped texts: every notification renders in German and English, and a reply
by an app or on a guest's ticket reads well."""

import pytest

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import ChannelSettings, EmailTemplate
from saleor_helpdesk.notifications.defaults import DEFAULTS
from saleor_helpdesk.notifications.kinds import Notification
from saleor_helpdesk.notifications.messages import Draft, render_message
from tests.factories import make_ticket

GREETING = {"de": "Hallo", "en": "Hello"}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("notification", Notification.values)
def test_every_notification_renders_in_both_languages(
    customer_actor, channel, notification, language
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Becher")
    draft = Draft(
        ticket=ticket,
        notification=notification,
        to=[ticket.customer_email],
        language_code=language,
        values={"reply.text": "Text", "due_date": "1.1.2027", "refund.amount": "5 EUR"},
    )

    message = render_message(draft, ChannelSettings(), {})

    assert message.language == language
    assert message.subject.startswith(f"[#{ticket.number}] ")
    assert "{{" not in message.subject + message.body_text + message.body_html
    assert message.body_text and f'<html lang="{language}">' in message.body_html
    assert (
        DEFAULTS[notification][language][0]
        != DEFAULTS[notification]["en" if language == "de" else "de"][0]
    )
    if notification in ("ticket_received", "staff_reply", "ticket_closed"):
        assert message.body_text.startswith(f"{GREETING[language]} Anna Schmidt,")


def test_an_app_reply_names_the_shop(
    committed, customer_actor, channel, app_actor, mailoutbox
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)

    committed(add_comment, app_actor, ticket.pk, "<p>Paket ist unterwegs.</p>")

    [mail] = mailoutbox
    assert "Default hat Ihnen zu Ticket" in mail.body


def test_a_guest_gets_the_mails_at_the_orders_address(
    committed, guest_actor, guest_order, staff_actor, mailoutbox
):
    ticket = committed(make_ticket, guest_actor, order_id=guest_order.pk)
    committed(add_comment, staff_actor, ticket.pk, "<p>Antwort</p>")

    to_guest = [mail for mail in mailoutbox if mail.to == ["gast@example.de"]]
    assert len(to_guest) == 2


def test_a_merchant_text_that_no_longer_renders_falls_back_to_the_shipped_one(
    committed, customer_actor, channel, mailoutbox
):
    # given a stored text with a placeholder that is not (or no longer) known
    EmailTemplate.objects.create(
        notification="ticket_received",
        language="de",
        subject="{{ retired }}",
        body="<p>{{ retired }}</p>",
    )

    # when a ticket is opened, it is created and the shipped text goes out
    ticket = committed(make_ticket, customer_actor, channel_id=channel.pk)

    [mail] = [m for m in mailoutbox if m.to == ["kunde@example.de"]]
    assert mail.subject.startswith(
        f"[#{ticket.number}] Wir haben Ihre Anfrage erhalten"
    )
