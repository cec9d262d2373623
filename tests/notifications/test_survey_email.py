"""The closing e-mail asks "How did we do?" with five signed links, in the customer's
language, where the channel asks and the ticket is not rated yet."""

import re

import pytest
from django.test import Client

from saleor_helpdesk.actions import close_ticket, reopen_ticket
from saleor_helpdesk.models import (
    EmailTemplate,
    SatisfactionRating,
    SatisfactionSettings,
)
from saleor_helpdesk.notifications.kinds import Notification
from saleor_helpdesk.satisfaction.links import read_token
from tests.factories import make_ticket
from tests.notifications.conftest import html_part

LINK = re.compile(r'href="https://shop\.example(/[^"]+)"')


@pytest.fixture(autouse=True)
def _public_url(settings):
    settings.PUBLIC_URL = "https://shop.example"


@pytest.fixture
def ticket(committed, customer_actor, channel, mailoutbox):
    ticket = committed(
        make_ticket, customer_actor, subject="Becher kaputt", channel_id=channel.pk
    )
    mailoutbox.clear()
    return ticket


def links_in(mail) -> list[str]:
    return [path.replace("&amp;", "&") for path in LINK.findall(html_part(mail))]


def test_the_closing_email_asks_in_german_with_five_links(
    committed,
    staff_actor,
    ticket,
    mailoutbox,
):
    # when staff close a German customer's ticket
    committed(close_ticket, staff_actor, ticket.pk)

    # then the closing e-mail asks in German, with one link per score
    [mail] = mailoutbox
    assert "Wie zufrieden waren Sie mit unserer Hilfe?" in html_part(mail)
    assert "Wie zufrieden waren Sie mit unserer Hilfe?" in mail.body
    links = links_in(mail)
    assert [link.rsplit("score=", 1)[1] for link in links] == list("12345")
    # the plain-text part carries the links too
    assert "5 - sehr zufrieden: https://shop.example/plugins/global/" in mail.body
    # each link names this ticket, signed
    token = links[0].split("/satisfaction/", 1)[1].split("/", 1)[0]
    assert read_token(token).ticket_id == ticket.pk
    # and the link works without signing in
    page = Client().get(links[3])
    assert page.status_code == 200
    assert 'value="4" checked' in page.content.decode()


def test_in_english_for_an_english_ticket(
    committed,
    staff_actor,
    ticket,
    mailoutbox,
):
    ticket.language_code = "en"
    ticket.save(update_fields=["language_code"])
    committed(close_ticket, staff_actor, ticket.pk)
    [mail] = mailoutbox
    assert "How did we do?" in html_part(mail)
    assert len(links_in(mail)) == 5


def test_a_merchants_own_closing_text_still_asks(
    committed,
    staff_actor,
    ticket,
    mailoutbox,
):
    EmailTemplate.objects.create(
        notification=Notification.TICKET_CLOSED,
        language="de",
        subject="Erledigt",
        body="<p>Erledigt.</p>",
    )
    committed(close_ticket, staff_actor, ticket.pk)
    [mail] = mailoutbox
    assert "<p>Erledigt.</p>" in html_part(mail)
    assert len(links_in(mail)) == 5


def test_no_survey_where_the_channel_does_not_ask(
    committed,
    staff_actor,
    ticket,
    channel,
    mailoutbox,
):
    SatisfactionSettings.objects.create(channel=channel, survey_enabled=False)
    committed(close_ticket, staff_actor, ticket.pk)
    [mail] = mailoutbox
    assert links_in(mail) == []
    assert "Wie zufrieden" not in mail.body


def test_a_rated_ticket_closed_again_is_not_asked_again(
    committed,
    staff_actor,
    customer_actor,
    ticket,
    mailoutbox,
):
    committed(close_ticket, staff_actor, ticket.pk)
    SatisfactionRating.objects.create(ticket=ticket, score=5, source="storefront")
    committed(reopen_ticket, staff_actor, ticket.pk)
    mailoutbox.clear()
    committed(close_ticket, staff_actor, ticket.pk)
    [mail] = mailoutbox
    assert links_in(mail) == []


def test_no_survey_without_the_shops_public_address(
    committed,
    settings,
    staff_actor,
    ticket,
    mailoutbox,
):
    settings.PUBLIC_URL = ""
    committed(close_ticket, staff_actor, ticket.pk)
    [mail] = mailoutbox
    assert "Wie zufrieden" not in mail.body
