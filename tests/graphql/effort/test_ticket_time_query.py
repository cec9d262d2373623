"""ticketTime and ticketPointsSet: what staff see of a ticket's effort; nobody else."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.effort.contracts import create_contract
from saleor_helpdesk.models import TicketPoints, TimeEntry
from tests.factories import StaffFactory
from tests.graphql.effort.conftest import REFUSED_QUERY, refusal
from tests.graphql.staff.conftest import NOT_STAFF, PERMISSION_DENIED, gid

TICKET_TIME = """
query TicketTime($ticket: ID!) {
  ticketTime(ticket: $ticket) {
    totalSeconds
    people { user { email } seconds }
    entries { source seconds note user { email } }
    points
    contract { name unit budget used remaining low }
  }
}
"""
POINTS_SET = """
mutation Points($ticket: ID!, $points: Decimal) {
  ticketPointsSet(ticket: $ticket, points: $points) {
    errors { field code message }
    points
  }
}
"""


def entry(ticket, user, seconds, source="manual", note="", hours_ago=1):
    return TimeEntry.objects.create(
        ticket=ticket,
        user=user,
        source=source,
        started_at=timezone.now() - timedelta(hours=hours_ago),
        seconds=seconds,
        note=note,
    )


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_see_a_tickets_time(api_as, caller, ticket):
    entry(ticket, None, 60)

    data, errors = refusal(
        api_as(caller), TICKET_TIME, {"ticket": gid("Ticket", ticket.pk)}
    )

    assert data == {"ticketTime": None}
    assert errors == [("PERMISSION_DENIED", None, REFUSED_QUERY)]


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_set_points(api_as, caller, ticket):
    data = api_as(caller)(
        POINTS_SET, {"ticket": gid("Ticket", ticket.pk), "points": "3"}
    )["ticketPointsSet"]

    assert data == {"errors": [PERMISSION_DENIED], "points": None}
    assert not TicketPoints.objects.exists()


def test_staff_see_total_people_entries_and_the_contract(
    staff_api, staff_user, colleague, customer, ticket
):
    # given time of two people and a points contract of the customer
    entry(ticket, staff_user, 600, note="Anruf", hours_ago=1)
    entry(ticket, colleague, 1200, source="automatic", hours_ago=3)
    create_contract(
        Actor.system(),
        {
            "name": "Punkte 2026",
            "customer_id": customer.pk,
            "unit": "points",
            "budget": Decimal(10),
            "valid_from": timezone.localdate() - timedelta(days=1),
            "points_per_ticket": Decimal(2),
        },
    )

    # when staff set 4 points on the ticket and read its time
    points = staff_api(POINTS_SET, {"ticket": gid("Ticket", ticket.pk), "points": "4"})
    data = staff_api(TICKET_TIME, {"ticket": gid("Ticket", ticket.pk)})["ticketTime"]

    # then
    assert points["ticketPointsSet"] == {"errors": [], "points": "4.00"}
    assert data == {
        "totalSeconds": 1800,
        "people": [
            {"user": {"email": "colleague@shop.example"}, "seconds": 1200},
            {"user": {"email": "agent@shop.example"}, "seconds": 600},
        ],
        "entries": [
            {
                "source": "MANUAL",
                "seconds": 600,
                "note": "Anruf",
                "user": {"email": "agent@shop.example"},
            },
            {
                "source": "AUTOMATIC",
                "seconds": 1200,
                "note": "",
                "user": {"email": "colleague@shop.example"},
            },
        ],
        "points": "4.00",
        "contract": {
            "name": "Punkte 2026",
            "unit": "POINTS",
            "budget": "10.00",
            "used": "4.00",
            "remaining": "6.00",
            "low": False,
        },
    }


def test_points_out_of_range_are_refused(staff_api, ticket):
    data = staff_api(POINTS_SET, {"ticket": gid("Ticket", ticket.pk), "points": "-1"})[
        "ticketPointsSet"
    ]

    assert data == {
        "errors": [
            {
                "field": "points",
                "code": "INVALID",
                "message": "Points are between 0 and 999999.99.",
            }
        ],
        "points": None,
    }


@pytest.mark.parametrize("people", [2, 8])
def test_a_tickets_time_costs_the_same_for_2_and_8_people(staff_api, ticket, people):
    # given entries of several people
    for index in range(people):
        user = StaffFactory(email=f"p{index}@shop.example")
        entry(ticket, user, 60)
        entry(ticket, user, 120, source="automatic")

    with CaptureQueriesContext(connection) as captured:
        staff_api(TICKET_TIME, {"ticket": gid("Ticket", ticket.pk)})

    # then: authentication 4 (the stand-in host, see the query budget tests), the
    # ticket 1, per person 1, entries 1, points 1, contract 1 (none: no budget to
    # read), users 1 (one batch for people and entries)
    assert len(captured.captured_queries) == 10


def test_staff_of_another_channel_do_not_find_the_tickets_time(
    other_channel_staff_api, ticket
):
    data, errors = refusal(
        other_channel_staff_api, TICKET_TIME, {"ticket": gid("Ticket", ticket.pk)}
    )

    assert data == {"ticketTime": None}
    assert errors == [("NOT_FOUND", "ticket", "Ticket not found.")]
