"""ticketUpdate: priority, category, due date and CC list in one transaction."""

from datetime import UTC, datetime

import pytest

from saleor_helpdesk.actions import merge_tickets
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Category, Priority
from tests.factories import make_ticket
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_UPDATE = """
mutation TicketUpdate($id: ID!, $input: TicketUpdateInput!) {
  ticketUpdate(id: $id, input: $input) {
    errors { field code message }
    ticket { id priority { slug } category { slug } dueDate ccEmails }
  }
}
"""


@pytest.fixture
def everything(ticket):
    return {
        "id": gid("Ticket", ticket.pk),
        "input": {
            "priority": gid("TicketPriority", Priority.objects.get(slug="urgent").pk),
            "category": gid(
                "TicketCategory",
                Category.objects.get(kind="question", slug="shipping").pk,
            ),
            "dueDate": "2030-05-01T12:00:00+00:00",
            "ccEmails": ["Partner@Example.de"],
        },
    }


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_update(api_as, caller, everything):
    # given a ticket and a caller who may not work tickets
    before = snapshot()

    # when they try to change every field
    data = api_as(caller)(TICKET_UPDATE, everything)["ticketUpdate"]

    # then they are refused and nothing changed
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, everything
):
    # given staff who work only in another channel
    before = snapshot()

    # when they update the ticket of the default channel
    data = other_channel_staff_api(TICKET_UPDATE, everything)["ticketUpdate"]

    # then the ticket is not found for them, and nothing changed
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_change_every_field_at_once(staff_api, ticket, everything):
    # given a ticket with normal priority, no category, no CC
    # when staff change all four fields
    data = staff_api(TICKET_UPDATE, everything)["ticketUpdate"]

    # then the answer shows them
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", ticket.pk),
            "priority": {"slug": "urgent"},
            "category": {"slug": "shipping"},
            "dueDate": "2030-05-01T12:00:00+00:00",
            "ccEmails": ["partner@example.de"],
        },
    }
    # and the database holds them, each change on the timeline
    ticket.refresh_from_db()
    assert ticket.priority.slug == "urgent"
    assert ticket.category.slug == "shipping"
    assert ticket.due_date == datetime(2030, 5, 1, 12, tzinfo=UTC)
    assert ticket.cc_emails == ["partner@example.de"]
    assert [e.type for e in ticket.events.order_by("pk")][-4:] == [
        "priority_changed",
        "category_changed",
        "due_date_changed",
        "cc_changed",
    ]


def test_only_the_given_fields_change_and_null_clears(staff_api, ticket, everything):
    # given a ticket with a category, a due date and a CC list
    staff_api(TICKET_UPDATE, everything)

    # when staff send only a null category and a null due date
    data = staff_api(
        TICKET_UPDATE,
        {"id": gid("Ticket", ticket.pk), "input": {"category": None, "dueDate": None}},
    )["ticketUpdate"]

    # then those two are cleared and the others stay
    assert data["errors"] == []
    assert data["ticket"]["category"] is None
    assert data["ticket"]["dueDate"] is None
    ticket.refresh_from_db()
    assert (ticket.category, ticket.due_date) == (None, None)
    assert ticket.priority.slug == "urgent"
    assert ticket.cc_emails == ["partner@example.de"]


def test_a_refused_later_field_rolls_back_the_earlier_ones(
    staff_api, ticket, everything
):
    # given an update whose category belongs to complaints, not questions
    everything["input"]["category"] = gid(
        "TicketCategory", Category.objects.get(kind="complaint", slug="defect").pk
    )
    before = snapshot()

    # when staff send it (the priority would be changed first)
    data = staff_api(TICKET_UPDATE, everything)["ticketUpdate"]

    # then the category is refused and the priority did not change either
    assert data == {
        "errors": [
            {
                "field": "category",
                "code": "INVALID",
                "message": "This category belongs to another kind of ticket.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before


@pytest.mark.parametrize(
    "given, error",
    [
        (
            {"priority": None},
            {
                "field": "priority",
                "code": "REQUIRED",
                "message": "A ticket always has a priority.",
            },
        ),
        (
            {"priority": "not-an-id"},
            {
                "field": "priority",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type TicketPriority.",
            },
        ),
        (
            {"priority": gid("TicketPriority", 999_999)},
            {
                "field": "priority",
                "code": "NOT_FOUND",
                "message": "Priority not found.",
            },
        ),
        (
            {"dueDate": "2030-05-01T12:00:00"},
            {
                "field": "dueDate",
                "code": "INVALID",
                "message": "Give the due date with a time zone.",
            },
        ),
        (
            {"ccEmails": ["kein-name"]},
            {
                "field": "ccEmails",
                "code": "INVALID_EMAIL",
                "message": "'kein-name' is not a valid e-mail address.",
            },
        ),
    ],
)
def test_bad_input_is_a_typed_error_and_changes_nothing(
    staff_api, ticket, given, error
):
    # given a bad value for one field
    before = snapshot()

    # when staff send it
    data = staff_api(TICKET_UPDATE, {"id": gid("Ticket", ticket.pk), "input": given})[
        "ticketUpdate"
    ]

    # then it is refused with the field named, and nothing changed
    assert data == {"errors": [error], "ticket": None}
    assert snapshot() == before


def test_a_merged_ticket_is_refused(staff_api, ticket, customer_actor, channel):
    # given a ticket merged into another one of the same customer
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), ticket.pk, survivor.pk)
    before = snapshot()

    # when staff change its priority
    data = staff_api(
        TICKET_UPDATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {
                "priority": gid("TicketPriority", Priority.objects.get(slug="high").pk)
            },
        },
    )["ticketUpdate"]

    # then they are sent to the surviving ticket
    assert data["errors"] == [
        {
            "field": "id",
            "code": "MERGED",
            "message": "This ticket was merged into another one; work on that ticket "
            "instead.",
        }
    ]
    assert snapshot() == before


def test_an_empty_input_changes_nothing_and_returns_the_ticket(staff_api, ticket):
    # given a ticket
    before = snapshot()

    # when staff send no field at all
    data = staff_api(TICKET_UPDATE, {"id": gid("Ticket", ticket.pk), "input": {}})[
        "ticketUpdate"
    ]

    # then the ticket comes back as it was
    assert data["errors"] == []
    assert data["ticket"]["id"] == gid("Ticket", ticket.pk)
    assert data["ticket"]["priority"] == {"slug": "normal"}
    assert snapshot() == before
