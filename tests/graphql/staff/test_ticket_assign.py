"""ticketAssign: hand a ticket to a member of the support team."""

import pytest

from saleor_helpdesk.models import SupportAgent
from tests.factories import StaffFactory
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_ASSIGN = """
mutation TicketAssign($id: ID!, $assignee: ID!) {
  ticketAssign(id: $id, assignee: $assignee) {
    errors { field code message }
    ticket { id assignee { id email } }
  }
}
"""


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_assign(api_as, caller, ticket, colleague):
    # given a caller who may not work tickets
    before = snapshot()

    # when they assign the ticket to a colleague
    data = api_as(caller)(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", colleague.pk)},
    )["ticketAssign"]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, ticket, colleague
):
    # given staff who work only in another channel
    before = snapshot()

    # when they assign a ticket of the default channel
    data = other_channel_staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", colleague.pk)},
    )["ticketAssign"]

    # then the ticket is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_assign_a_colleague(staff_api, staff_user, ticket, colleague):
    # given an unassigned ticket
    # when staff assign it to a colleague
    data = staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", colleague.pk)},
    )["ticketAssign"]

    # then the colleague is the assignee, in the answer and in the database
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", ticket.pk),
            "assignee": {
                "id": gid("User", colleague.pk),
                "email": "colleague@shop.example",
            },
        },
    }
    ticket.refresh_from_db()
    assert ticket.assignee == colleague
    event = ticket.events.order_by("pk").last()
    assert (event.type, event.user, event.parameters) == (
        "assigned",
        staff_user,
        {"assignee_id": colleague.pk, "previous_assignee_id": None},
    )


@pytest.mark.parametrize("who", ["outside_the_team", "inactive_agent", "customer"])
def test_only_active_members_of_the_support_team_can_be_assigned(
    staff_api, ticket, colleague, customer, who
):
    # given a user who is not an active member of the support team
    if who == "inactive_agent":
        SupportAgent.objects.filter(user=colleague).update(is_active=False)
    user = {
        "outside_the_team": StaffFactory(),
        "inactive_agent": colleague,
        "customer": customer,
    }[who]
    before = snapshot()

    # when staff assign the ticket to them
    data = staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", user.pk)},
    )["ticketAssign"]

    # then it is refused and the ticket stays unassigned
    assert data == {
        "errors": [
            {
                "field": "assignee",
                "code": "NOT_A_SUPPORT_AGENT",
                "message": "Tickets can be assigned only to active members of the "
                "support team.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before


def test_an_id_of_another_type_is_invalid(staff_api, ticket):
    # given a ticket ID where a user ID belongs
    before = snapshot()

    # when staff send it as the assignee
    data = staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("Ticket", ticket.pk)},
    )["ticketAssign"]

    # then the argument is named
    assert data == {
        "errors": [
            {
                "field": "assignee",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type User.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before
