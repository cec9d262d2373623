"""ticketUnassign: a ticket goes back to nobody."""

import pytest

from saleor_helpdesk.actions import assign_ticket, merge_tickets
from saleor_helpdesk.core.actor import Actor
from tests.factories import make_ticket
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_UNASSIGN = """
mutation TicketUnassign($id: ID!) {
  ticketUnassign(id: $id) {
    errors { field code message }
    ticket { id assignee { email } }
  }
}
"""


@pytest.fixture
def assigned(ticket, colleague):
    return assign_ticket(Actor.system(), ticket.pk, colleague.pk)


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_unassign(api_as, caller, assigned):
    # given an assigned ticket and a caller who may not work tickets
    before = snapshot()

    # when they unassign it
    data = api_as(caller)(TICKET_UNASSIGN, {"id": gid("Ticket", assigned.pk)})[
        "ticketUnassign"
    ]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, assigned
):
    # given staff who work only in another channel
    before = snapshot()

    # when they unassign a ticket of the default channel
    data = other_channel_staff_api(TICKET_UNASSIGN, {"id": gid("Ticket", assigned.pk)})[
        "ticketUnassign"
    ]

    # then the ticket is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_unassign_a_ticket(staff_api, assigned, colleague):
    # given a ticket assigned to a colleague
    # when staff unassign it
    data = staff_api(TICKET_UNASSIGN, {"id": gid("Ticket", assigned.pk)})[
        "ticketUnassign"
    ]

    # then nobody has it
    assert data == {
        "errors": [],
        "ticket": {"id": gid("Ticket", assigned.pk), "assignee": None},
    }
    assigned.refresh_from_db()
    assert assigned.assignee is None
    event = assigned.events.order_by("pk").last()
    assert (event.type, event.parameters) == (
        "unassigned",
        {"previous_assignee_id": colleague.pk},
    )


def test_a_merged_ticket_is_refused(staff_api, assigned, customer_actor, channel):
    # given an assigned ticket merged into another one
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), assigned.pk, survivor.pk)
    before = snapshot()

    # when staff unassign it
    data = staff_api(TICKET_UNASSIGN, {"id": gid("Ticket", assigned.pk)})[
        "ticketUnassign"
    ]

    # then it is refused
    assert data == {
        "errors": [
            {
                "field": "id",
                "code": "MERGED",
                "message": "This ticket was merged into another one; work on that "
                "ticket instead.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before
