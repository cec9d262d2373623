"""An e-mail staff accept joins the customer's searchable thread at once."""

import pytest

from saleor_helpdesk.actions.inbound_review import accept_inbound_email
from saleor_helpdesk.models import InboundStatus, Ticket
from saleor_helpdesk.tickets.search import search_tickets
from tests.factories.helpdesk import make_ticket

from .test_receive import retarget


@pytest.fixture
def johns_ticket(channel):
    return make_ticket(
        customer_email="john.miller@gmail.com",
        customer_name="John Miller",
        channel_id=channel.pk,
    )


def found(text: str, *, internal: bool) -> list[int]:
    tickets = search_tickets(Ticket.objects.all(), text, internal=internal)
    return [ticket.pk for ticket in tickets]


def test_an_accepted_unverified_reply_becomes_searchable_for_the_customer(
    take_in, johns_ticket, staff_actor
):
    # given a reply from an unknown address, kept as an internal note
    row = take_in(retarget("forged_reply", johns_ticket, 10002)).inbound
    assert row.status == InboundStatus.UNVERIFIED
    assert found("bank account", internal=True) == [johns_ticket.pk]
    assert found("bank account", internal=False) == []

    # when staff accept it
    accept_inbound_email(staff_actor, row.pk)

    # then the customer's search finds it as well
    assert found("bank account", internal=False) == [johns_ticket.pk]
