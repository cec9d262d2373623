"""ticketClaim: a staff user takes a ticket."""

import pytest

from tests.factories import StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_CLAIM = """
mutation TicketClaim($id: ID!) {
  ticketClaim(id: $id) {
    errors { field code message }
    ticket { id assignee { email } }
  }
}
"""


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_claim(api_as, caller, ticket):
    # given a caller who may not work tickets
    before = snapshot()

    # when they claim the ticket
    data = api_as(caller)(TICKET_CLAIM, {"id": gid("Ticket", ticket.pk)})["ticketClaim"]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, ticket
):
    # given staff who work only in another channel
    before = snapshot()

    # when they claim a ticket of the default channel
    data = other_channel_staff_api(TICKET_CLAIM, {"id": gid("Ticket", ticket.pk)})[
        "ticketClaim"
    ]

    # then the ticket is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_claim_a_ticket(staff_api, staff_user, ticket):
    # given an unassigned ticket
    # when a support agent claims it
    data = staff_api(TICKET_CLAIM, {"id": gid("Ticket", ticket.pk)})["ticketClaim"]

    # then it is theirs
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", ticket.pk),
            "assignee": {"email": "agent@shop.example"},
        },
    }
    ticket.refresh_from_db()
    assert ticket.assignee == staff_user
    assert ticket.events.order_by("pk").last().type == "assigned"


def test_staff_outside_the_support_team_cannot_claim(ticket):
    # given staff with MANAGE_ORDERS who are not in the support team
    outsider = StaffFactory()
    grant(outsider, "MANAGE_ORDERS")
    before = snapshot()

    # when they claim the ticket
    data = Api(access_token_for(outsider))(
        TICKET_CLAIM, {"id": gid("Ticket", ticket.pk)}
    )["ticketClaim"]

    # then it is refused
    assert data == {
        "errors": [
            {
                "field": "id",
                "code": "NOT_A_SUPPORT_AGENT",
                "message": "Tickets can be assigned only to active members of the "
                "support team.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before


def test_a_malformed_id_is_invalid(staff_api, ticket):
    # given an ID that is no ticket ID
    before = snapshot()

    # when staff claim it
    data = staff_api(TICKET_CLAIM, {"id": "bm9wZQ=="})["ticketClaim"]

    # then the ID is refused
    assert data == {
        "errors": [
            {
                "field": "id",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type Ticket.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before
