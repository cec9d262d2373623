"""ticketMerge: a duplicate moves into the ticket that carries on."""

import pytest

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Ticket
from tests.factories import (
    StaffFactory,
    UserFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_MERGE = """
mutation TicketMerge($id: ID!, $target: ID!) {
  ticketMerge(id: $id, target: $target) {
    errors { field code message }
    ticket { id comments(first: 10) { totalCount } }
    mergedTicket { id status { slug } mergedInto { id } }
  }
}
"""


@pytest.fixture
def duplicate(customer_actor, channel):
    """The same customer asks again in a second ticket."""
    return make_ticket(
        customer_actor, channel_id=channel.pk, subject="Nochmal: wo ist es?"
    )


def merge_of(source, target) -> dict:
    return {"id": gid("Ticket", source.pk), "target": gid("Ticket", target.pk)}


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_merge(api_as, caller, duplicate, ticket):
    # given two tickets of one customer and a caller who may not work tickets
    before = snapshot()

    # when they merge the duplicate
    data = api_as(caller)(TICKET_MERGE, merge_of(duplicate, ticket))["ticketMerge"]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None, "mergedTicket": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_tickets(
    other_channel_staff_api, duplicate, ticket
):
    # given staff who work only in another channel
    before = snapshot()

    # when they merge tickets of the default channel
    data = other_channel_staff_api(TICKET_MERGE, merge_of(duplicate, ticket))[
        "ticketMerge"
    ]

    # then the duplicate (the argument `id`) is not found for them
    assert data == {
        "errors": [TICKET_NOT_FOUND],
        "ticket": None,
        "mergedTicket": None,
    }
    assert snapshot() == before


def test_staff_merge_a_duplicate(staff_api, staff_actor, duplicate, ticket):
    # given a duplicate with a reply of its own
    add_comment(staff_actor, duplicate.pk, "Antwort im Duplikat")

    # when staff merge it into the first ticket
    data = staff_api(TICKET_MERGE, merge_of(duplicate, ticket))["ticketMerge"]

    # then the first ticket holds the whole conversation and the duplicate is closed
    assert data == {
        "errors": [],
        "ticket": {"id": gid("Ticket", ticket.pk), "comments": {"totalCount": 3}},
        "mergedTicket": {
            "id": gid("Ticket", duplicate.pk),
            "status": {"slug": "closed"},
            "mergedInto": {"id": gid("Ticket", ticket.pk)},
        },
    }
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == ticket.pk
    assert duplicate.status.slug == "closed"
    assert duplicate.comments.count() == 0
    assert ticket.comments.count() == 3
    assert ticket.events.filter(type="merged_from").exists()


def test_tickets_of_different_customers_are_not_merged(staff_api, ticket, stranger):
    # given a ticket of another customer
    other = Ticket.objects.get(customer=stranger)
    before = snapshot()

    # when staff merge it into the customer's ticket
    data = staff_api(TICKET_MERGE, merge_of(other, ticket))["ticketMerge"]

    # then it is refused: one customer would read the other's conversation
    assert data == {
        "errors": [
            {
                "field": "target",
                "code": "CUSTOMER_MISMATCH",
                "message": "Only tickets of the same customer can be merged.",
            }
        ],
        "ticket": None,
        "mergedTicket": None,
    }
    assert snapshot() == before


def test_a_ticket_is_not_merged_into_itself(staff_api, ticket):
    # given one ticket
    before = snapshot()

    # when staff merge it into itself
    data = staff_api(TICKET_MERGE, merge_of(ticket, ticket))["ticketMerge"]

    # then it is refused
    assert data["errors"] == [
        {
            "field": "target",
            "code": "SAME_TICKET",
            "message": "A ticket cannot be merged into itself.",
        }
    ]
    assert snapshot() == before


def test_an_invisible_target_is_not_found_on_target(
    staff_api, duplicate, other_channel
):
    # given a target in a channel the staff user cannot see
    restricted = StaffFactory()
    grant(restricted, "MANAGE_ORDERS", channels=[duplicate.channel])
    hidden = make_ticket(
        Actor.customer(UserFactory()), channel_id=other_channel.pk, subject="Anders"
    )
    before = snapshot()

    # when they merge into it
    data = Api(access_token_for(restricted))(TICKET_MERGE, merge_of(duplicate, hidden))[
        "ticketMerge"
    ]

    # then the target is not found
    assert data["errors"] == [
        {"field": "target", "code": "NOT_FOUND", "message": "Ticket not found."}
    ]
    assert snapshot() == before
