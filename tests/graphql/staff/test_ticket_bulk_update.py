"""ticketBulkUpdate: assign or close many tickets, all or nothing."""

import pytest

from saleor_helpdesk.actions import close_ticket, merge_tickets
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Ticket
from tests.factories import make_ticket
from tests.graphql.staff.conftest import NOT_STAFF, PERMISSION_DENIED, gid, snapshot

TICKET_BULK_UPDATE = """
mutation TicketBulkUpdate($ids: [ID!]!, $input: TicketBulkUpdateInput!) {
  ticketBulkUpdate(ids: $ids, input: $input) {
    errors { field code message }
    count
    tickets { number status { slug } assignee { email } }
  }
}
"""


@pytest.fixture
def tickets(customer_actor, channel, ticket):
    return [ticket] + [
        make_ticket(customer_actor, channel_id=channel.pk, subject=f"Frage {n}")
        for n in (2, 3)
    ]


def ids_of(tickets) -> list[str]:
    return [gid("Ticket", t.pk) for t in tickets]


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_bulk_update(api_as, caller, tickets):
    # given the customer's tickets and a caller who may not work tickets
    before = snapshot()

    # when they close them all (a customer may close their own one by one)
    data = api_as(caller)(
        TICKET_BULK_UPDATE, {"ids": ids_of(tickets), "input": {"close": True}}
    )["ticketBulkUpdate"]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "count": 0, "tickets": []}
    assert snapshot() == before


def test_staff_assign_and_close_many_tickets(staff_api, tickets, colleague):
    # given three open tickets, one of them already closed
    close_ticket(Actor.system(), tickets[2].pk)

    # when staff assign all to a colleague and close them
    data = staff_api(
        TICKET_BULK_UPDATE,
        {
            "ids": ids_of(tickets),
            "input": {"close": True, "assignee": gid("User", colleague.pk)},
        },
    )["ticketBulkUpdate"]

    # then every ticket is the colleague's and closed, in the order sent
    assert data == {
        "errors": [],
        "count": 3,
        "tickets": [
            {
                "number": t.number,
                "status": {"slug": "closed"},
                "assignee": {"email": "colleague@shop.example"},
            }
            for t in tickets
        ],
    }
    for ticket in Ticket.objects.filter(pk__in=[t.pk for t in tickets]):
        assert ticket.assignee == colleague
        assert ticket.status.slug == "closed"
    # a ticket already closed is not closed twice
    assert tickets[2].events.filter(type="closed").count() == 1


def test_one_refused_ticket_changes_none_and_is_named(
    staff_api, tickets, colleague, customer_actor, channel
):
    # given three tickets, the last one merged into another
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), tickets[2].pk, survivor.pk)
    before = snapshot()

    # when staff assign all three
    data = staff_api(
        TICKET_BULK_UPDATE,
        {"ids": ids_of(tickets), "input": {"assignee": gid("User", colleague.pk)}},
    )["ticketBulkUpdate"]

    # then none is assigned, and the error names the merged ticket
    assert data == {
        "errors": [
            {
                "field": "ids",
                "code": "MERGED",
                "message": f"Ticket #{tickets[2].number}: This ticket was merged into "
                "another one; work on that ticket instead.",
            }
        ],
        "count": 0,
        "tickets": [],
    }
    assert snapshot() == before


def test_a_ticket_the_caller_cannot_see_is_named_by_its_id(
    other_channel_staff_api, other_channel, tickets
):
    # given a ticket in the staff user's channel and tickets outside it
    own = make_ticket(channel_id=other_channel.pk)
    hidden_id = gid("Ticket", tickets[0].pk)
    before = snapshot()

    # when they close all of them
    data = other_channel_staff_api(
        TICKET_BULK_UPDATE,
        {"ids": [gid("Ticket", own.pk), hidden_id], "input": {"close": True}},
    )["ticketBulkUpdate"]

    # then nothing is closed, and the hidden ticket is named only by the ID sent
    assert data["errors"] == [
        {
            "field": "ids",
            "code": "NOT_FOUND",
            "message": f"Ticket {hidden_id}: Ticket not found.",
        }
    ]
    assert snapshot() == before


def test_an_assignee_outside_the_team_is_refused_once(staff_api, tickets, customer):
    # given a customer as the assignee
    before = snapshot()

    # when staff assign the tickets to them
    data = staff_api(
        TICKET_BULK_UPDATE,
        {"ids": ids_of(tickets), "input": {"assignee": gid("User", customer.pk)}},
    )["ticketBulkUpdate"]

    # then the assignee is refused
    assert data["errors"] == [
        {
            "field": "assignee",
            "code": "NOT_A_SUPPORT_AGENT",
            "message": "Tickets can be assigned only to active members of the "
            "support team.",
        }
    ]
    assert snapshot() == before


@pytest.mark.parametrize(
    "count, given, error",
    [
        (
            101,
            {"close": True},
            {
                "field": "ids",
                "code": "INVALID",
                "message": "Update at most 100 tickets at once (you sent 101).",
            },
        ),
        (
            0,
            {"close": True},
            {
                "field": "ids",
                "code": "REQUIRED",
                "message": "Choose at least one ticket.",
            },
        ),
        (
            1,
            {"close": False},
            {
                "field": "input",
                "code": "REQUIRED",
                "message": "Choose what to change: close or assignee.",
            },
        ),
    ],
)
def test_bad_input_is_a_typed_error_and_changes_nothing(
    staff_api, ticket, count, given, error
):
    # given too many, no tickets, or nothing to change
    ids = [gid("Ticket", ticket.pk + n) for n in range(count)]
    before = snapshot()

    # when staff send it
    data = staff_api(TICKET_BULK_UPDATE, {"ids": ids, "input": given})[
        "ticketBulkUpdate"
    ]

    # then it is refused before any ticket is touched
    assert data == {"errors": [error], "count": 0, "tickets": []}
    assert snapshot() == before
