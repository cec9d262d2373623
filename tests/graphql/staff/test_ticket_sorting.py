"""Sorting the staff inbox by each column, both ways, ties broken by number."""

import pytest

from saleor_helpdesk.models import Priority, Ticket, TicketStatus
from tests.factories import make_ticket

SORTED = """
query Sorted($sortBy: TicketSortingInput) {
  tickets(first: 20, sortBy: $sortBy) { edges { node { number } } }
}
"""


@pytest.fixture
def tickets(channel, other_channel, staff_user, colleague):
    # given tickets that differ in every sortable column
    rows = [
        ("Zahlung", "Berta", None, "new", "low", channel),
        ("Adresse", "Anna", staff_user, "open", "urgent", other_channel),
        ("Lieferung", "Carl", colleague, "waiting_customer", "normal", channel),
        ("Bestellung", "Anna", None, "open", "normal", other_channel),
    ]
    made = []
    for subject, name, assignee, status, priority, chan in rows:
        ticket = make_ticket(
            subject=subject,
            customer_name=name,
            customer_email=f"{name.lower()}@example.com",
            channel_id=chan.pk,
        )
        Ticket.objects.filter(pk=ticket.pk).update(
            assignee=assignee,
            status=TicketStatus.objects.get(slug=status),
            priority=Priority.objects.get(slug=priority),
        )
        made.append(
            Ticket.objects.select_related(
                "status", "priority", "channel", "assignee"
            ).get(pk=ticket.pk)
        )
    return made


def _key(field):
    return {
        "NUMBER": lambda t: (t.number,),
        "SUBJECT": lambda t: (t.subject, t.number),
        "CUSTOMER": lambda t: (t.customer_name, t.customer_email, t.number),
        "STATUS": lambda t: (t.status.position, t.number),
        "PRIORITY": lambda t: (t.priority.position, t.number),
        "CHANNEL": lambda t: (t.channel.name, t.number),
        "CREATED_AT": lambda t: (t.created_at, t.number),
        "LAST_ACTIVITY_AT": lambda t: (t.last_activity_at, t.number),
    }[field]


@pytest.mark.parametrize(
    "field",
    [
        "NUMBER",
        "SUBJECT",
        "CUSTOMER",
        "STATUS",
        "PRIORITY",
        "CHANNEL",
        "CREATED_AT",
        "LAST_ACTIVITY_AT",
    ],
)
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_every_column_sorts_both_ways(staff_api, tickets, field, direction):
    data = staff_api(SORTED, {"sortBy": {"field": field, "direction": direction}})

    got = [edge["node"]["number"] for edge in data["tickets"]["edges"]]
    expected = [
        str(t.number) if isinstance(got[0], str) else t.number
        for t in sorted(tickets, key=_key(field), reverse=direction == "DESC")
    ]
    assert got == expected


def test_unassigned_tickets_sort_after_assigned_ones_by_assignee(
    staff_api, tickets, staff_user, colleague
):
    data = staff_api(SORTED, {"sortBy": {"field": "ASSIGNEE", "direction": "ASC"}})

    got = [edge["node"]["number"] for edge in data["tickets"]["edges"]]
    by_email = sorted(
        (t for t in tickets if t.assignee_id),
        key=lambda t: (t.assignee.email, t.number),
    )
    unassigned = sorted(t.number for t in tickets if not t.assignee_id)
    assert got == [t.number for t in by_email] + unassigned
