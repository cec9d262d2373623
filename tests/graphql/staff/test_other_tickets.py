"""Ticket.otherTickets: the same customer's other tickets (staff only)."""

import pytest

from saleor_helpdesk.actions import merge_tickets
from saleor_helpdesk.core.actor import Actor
from tests.factories import UserFactory, make_ticket
from tests.graphql.staff.conftest import NOT_STAFF, gid

TICKET_OTHER_TICKETS = """
query TicketOtherTickets($id: ID!, $first: Int) {
  ticket(id: $id) {
    otherTickets(first: $first) { totalCount edges { node { subject } } }
  }
}
"""


@pytest.fixture
def history(customer_actor, channel, other_channel, ticket, stranger):
    """The customer's ticket, two older ones (one in the other channel), a merged
    duplicate, and the stranger's ticket in the same channel."""
    make_ticket(customer_actor, channel_id=channel.pk, subject="Rechnung")
    make_ticket(customer_actor, channel_id=other_channel.pk, subject="USA-Shop")
    duplicate = make_ticket(customer_actor, channel_id=channel.pk, subject="Doppelt")
    merge_tickets(Actor.system(), duplicate.pk, ticket.pk)
    return {"id": gid("Ticket", ticket.pk), "first": 10}


def subjects(data) -> list[str]:
    return [edge["node"]["subject"] for edge in data["edges"]]


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_callers_who_are_not_staff_get_no_other_tickets(api_as, caller, history):
    # given the customer's ticket and a caller who may not work tickets
    # when they ask for the customer's other tickets
    data = api_as(caller)(TICKET_OTHER_TICKETS, history)

    # then the customer sees their ticket without them, everyone else no ticket
    expected = {"otherTickets": None} if caller == "customer" else None
    assert data == {"ticket": expected}


def test_staff_see_the_customers_other_tickets_newest_first(staff_api, history):
    # given the customer's history
    # when staff ask for the other tickets
    data = staff_api(TICKET_OTHER_TICKETS, history)["ticket"]["otherTickets"]

    # then they see the customer's others, not this one, not the merged duplicate,
    # not the stranger's
    assert data["totalCount"] == 2
    assert subjects(data) == ["USA-Shop", "Rechnung"]


def test_staff_see_only_their_channels(
    other_channel_staff_api, customer_actor, other_channel, history
):
    # given a ticket of the customer in the other channel
    usa = make_ticket(
        customer_actor, channel_id=other_channel.pk, subject="Noch ein USA-Ticket"
    )

    # when staff of that channel ask for its other tickets
    data = other_channel_staff_api(
        TICKET_OTHER_TICKETS, {"id": gid("Ticket", usa.pk), "first": 10}
    )["ticket"]["otherTickets"]

    # then the default channel's tickets are not among them
    assert subjects(data) == ["USA-Shop"]


def test_a_guests_other_tickets_are_their_guest_tickets(
    staff_api, guest_order, channel
):
    # given two guest tickets of one address, and a ticket of a registered customer
    # with the same address
    guest = Actor.guest(guest_order.pk, guest_order.user_email)
    first = make_ticket(guest, order_id=guest_order.pk, subject="Erste Frage")
    make_ticket(guest, order_id=guest_order.pk, subject="Zweite Frage")
    namesake = UserFactory(email="gast@example.de")
    make_ticket(Actor.customer(namesake), channel_id=channel.pk, subject="Konto")

    # when staff ask for the other tickets of the first guest ticket
    data = staff_api(
        TICKET_OTHER_TICKETS, {"id": gid("Ticket", first.pk), "first": 10}
    )["ticket"]["otherTickets"]

    # then only the guest's own other ticket is listed
    assert subjects(data) == ["Zweite Frage"]


def test_pages_follow_saleors_rules(staff_api, history):
    # given the customer's history
    # when staff ask for the other tickets without `first`
    response = staff_api.post(TICKET_OTHER_TICKETS, {"id": history["id"]})

    # then the request is refused before it runs
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "You must provide a `first` or `last` value to paginate."
    )

    # and a page of one is one
    data = staff_api(TICKET_OTHER_TICKETS, {**history, "first": 1})
    assert subjects(data["ticket"]["otherTickets"]) == ["USA-Shop"]
