"""Claim, assign, unassign; priority, category, due date and CC."""

from datetime import UTC, datetime

import pytest

from saleor_helpdesk.actions import (
    assign_ticket,
    change_category,
    change_cc,
    change_due_date,
    change_priority,
    claim_ticket,
    unassign_ticket,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Category, Priority, SupportAgent
from tests.assertions import raises_error
from tests.factories import StaffFactory, make_ticket


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


def test_staff_claim_a_ticket(ticket, staff_actor, staff_user):
    claim_ticket(staff_actor, ticket.pk)

    ticket.refresh_from_db()
    assert ticket.assignee == staff_user
    event = ticket.events.last()
    assert (event.type, event.parameters) == (
        "assigned",
        {"assignee_id": staff_user.pk, "previous_assignee_id": None},
    )
    assert event.user == staff_user


def test_an_app_cannot_claim(ticket, app_actor):
    with raises_error("id", "invalid", "Only a staff user can claim a ticket."):
        claim_ticket(app_actor, ticket.pk)


def test_staff_outside_the_support_team_cannot_claim(ticket):
    outsider = Actor.staff(StaffFactory(), {"MANAGE_ORDERS"})

    with raises_error(
        "id",
        "not_a_support_agent",
        "Tickets can be assigned only to active members of the support team.",
    ):
        claim_ticket(outsider, ticket.pk)


def test_assign_to_a_colleague_then_unassign(ticket, staff_actor, colleague):
    assign_ticket(staff_actor, ticket.pk, colleague.pk)
    unassign_ticket(staff_actor, ticket.pk)

    ticket.refresh_from_db()
    assert ticket.assignee is None
    assert [e.type for e in ticket.events.all()][-2:] == ["assigned", "unassigned"]


def test_assigning_the_same_person_again_records_nothing(
    ticket, staff_actor, colleague
):
    assign_ticket(staff_actor, ticket.pk, colleague.pk)
    count = ticket.events.count()

    assign_ticket(staff_actor, ticket.pk, colleague.pk)

    assert ticket.events.count() == count


def test_an_inactive_agent_cannot_be_assigned(ticket, staff_actor, colleague):
    SupportAgent.objects.filter(user=colleague).update(is_active=False)

    with raises_error("assignee", "not_a_support_agent"):
        assign_ticket(staff_actor, ticket.pk, colleague.pk)


def test_customers_cannot_assign(ticket, customer_actor, colleague):
    with raises_error(None, "permission_denied"):
        assign_ticket(customer_actor, ticket.pk, colleague.pk)


def test_change_priority(ticket, staff_actor):
    change_priority(staff_actor, ticket.pk, Priority.objects.get(slug="high").pk)

    ticket.refresh_from_db()
    assert ticket.priority.slug == "high"
    assert ticket.events.last().parameters == {"old": "normal", "new": "high"}


def test_an_unknown_priority_is_not_found(ticket, staff_actor):
    with raises_error("priority", "not_found", "Priority not found."):
        change_priority(staff_actor, ticket.pk, 999_999)


def test_change_category_within_the_kind(ticket, staff_actor):
    shipping = Category.objects.get(kind="question", slug="shipping")

    change_category(staff_actor, ticket.pk, shipping.pk)
    change_category(staff_actor, ticket.pk, None)

    ticket.refresh_from_db()
    assert ticket.category is None
    assert [e.parameters for e in ticket.events.filter(type="category_changed")] == [
        {"old": None, "new": "shipping"},
        {"old": "shipping", "new": None},
    ]


def test_a_category_of_another_kind_is_refused(ticket, staff_actor):
    defect = Category.objects.get(kind="complaint", slug="defect")

    with raises_error(
        "category", "invalid", "This category belongs to another kind of ticket."
    ):
        change_category(staff_actor, ticket.pk, defect.pk)


def test_change_due_date(ticket, staff_actor):
    due = datetime(2030, 1, 2, 12, 0, tzinfo=UTC)

    change_due_date(staff_actor, ticket.pk, due)

    ticket.refresh_from_db()
    assert ticket.due_date == due
    assert ticket.events.last().parameters["new"] == "2030-01-02T12:00:00+00:00"


def test_a_naive_due_date_is_refused(ticket, staff_actor):
    with raises_error("due_date", "invalid", "Give the due date with a time zone."):
        change_due_date(staff_actor, ticket.pk, datetime(2030, 1, 2, 12, 0))


def test_change_cc_keeps_addresses_out_of_the_timeline(ticket, staff_actor):
    change_cc(staff_actor, ticket.pk, ["Buchhaltung@Example.com", "chef@example.com"])

    ticket.refresh_from_db()
    assert ticket.cc_emails == ["buchhaltung@example.com", "chef@example.com"]
    event = ticket.events.last()
    assert event.parameters == {"added": 2, "removed": 0}
    assert "example.com" not in str(event.parameters)


def test_an_invalid_cc_is_refused(ticket, staff_actor):
    with raises_error("cc_emails", "invalid_email"):
        change_cc(staff_actor, ticket.pk, ["nope"])
