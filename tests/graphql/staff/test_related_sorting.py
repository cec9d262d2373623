"""Pages sorted by a related table's column, read group by group, are exactly the pages
the join would give: same rows, same order, ties and NULLs included, across group
boundaries, under a filter, and through the fallback."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk.graphql.tickets.resolvers import (
    RELATED_SORTS,
    sort_tickets,
    ticket_pages,
)
from saleor_helpdesk.models import Priority, Ticket, TicketStatus
from saleor_helpdesk.tickets import related_order
from saleor_helpdesk.tickets.related_order import present_values
from tests.factories import make_ticket


@pytest.fixture
def tickets(channel, other_channel, staff_user, colleague):
    # given 24 tickets over every status, priority, both channels and no channel,
    # two assignees and none, with two priorities sharing a position (a tie)
    Priority.objects.filter(slug="high").update(
        position=Priority.objects.get(slug="normal").position
    )
    statuses = list(TicketStatus.objects.all())
    priorities = list(Priority.objects.all())
    channels = [channel.pk, other_channel.pk, None]
    assignees = [staff_user, colleague, None]
    for index in range(24):
        ticket = make_ticket(subject=f"T{index}", channel_id=channel.pk)
        Ticket.objects.filter(pk=ticket.pk).update(
            status=statuses[index % len(statuses)],
            priority=priorities[(index * 7) % len(priorities)],
            channel_id=channels[index % 3],
            assignee=assignees[(index // 2) % 3],
        )


def joined(sort, queryset=None):
    return list(sort_tickets(queryset or Ticket.objects.all(), sort))


@pytest.mark.parametrize(
    ("field", "direction"), itertools.product(RELATED_SORTS, ["asc", "desc"])
)
def test_every_page_is_the_joins_page(tickets, field, direction):
    # given
    sort = {"field": field, "direction": direction}
    expected = joined(sort)
    pages = ticket_pages(sort_tickets(Ticket.objects.all(), sort), sort)

    # when: pages of 5 that cut through groups, and one past the end
    read = [t for start in range(0, 30, 5) for t in pages[start : start + 5]]

    # then
    assert [t.number for t in read] == [t.number for t in expected]
    assert pages.count() == 24


@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_a_filter_applies_in_every_group(tickets, direction):
    sort = {"field": "priority", "direction": direction}
    open_only = Ticket.objects.filter(status__group="open")

    pages = ticket_pages(sort_tickets(open_only, sort), sort)

    assert [t.number for t in pages[0:100]] == [
        t.number for t in joined(sort, open_only)
    ]


def test_too_many_groups_fall_back_to_the_join(tickets, monkeypatch):
    monkeypatch.setattr(related_order, "MAX_GROUPS", 1)
    sort = {"field": "status", "direction": "desc"}
    pages = ticket_pages(sort_tickets(Ticket.objects.all(), sort), sort)

    assert [t.number for t in pages[3:11]] == [t.number for t in joined(sort)[3:11]]


def test_a_page_costs_four_queries_however_many_groups(tickets):
    sort = {"field": "assignee", "direction": "asc"}
    pages = ticket_pages(sort_tickets(Ticket.objects.all(), sort), sort)

    with CaptureQueriesContext(connection) as queries:
        pages[0:10]

    # the present values, the related rows in key order, the union; then the rows
    assert len(queries) == 4


def test_present_values_are_the_distinct_ones(tickets, staff_user, colleague):
    assert present_values("assignee_id") == sorted([staff_user.pk, colleague.pk])
    assert present_values("status_id") == sorted(
        set(Ticket.objects.values_list("status_id", flat=True))
    )
