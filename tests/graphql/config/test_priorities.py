"""Priorities: ticketPriorities, ticketPriorityCreate/Update/Delete."""

import pytest

from saleor_helpdesk.models import Priority, Ticket
from tests.factories import make_ticket
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, priority, refused, succeeded


def test_staff_read_the_priorities(api_for):
    # given the default priorities
    # when a staff user who works tickets lists them
    priorities = api_for("staff_with_manage_orders")(op.TICKET_PRIORITIES)[
        "ticketPriorities"
    ]

    # then they come in order, "normal" being the default
    assert [(p["slug"], p["resolutionHours"], p["isDefault"]) for p in priorities] == [
        ("low", 120, False),
        ("normal", 48, True),
        ("high", 24, False),
        ("urgent", 4, False),
    ]
    assert priorities[3]["translations"] == [
        {"languageCode": "de", "name": "Dringend"},
        {"languageCode": "en", "name": "Urgent"},
    ]


def test_a_manager_adds_a_priority(manager_api):
    # when a manager adds a priority without a target time
    payload = succeeded(
        manager_api,
        op.TICKET_PRIORITY_CREATE,
        {
            "input": {
                "slug": "someday",
                "translations": [
                    {"languageCode": "de", "name": "Irgendwann"},
                    {"languageCode": "en", "name": "Someday"},
                ],
                "resolutionHours": None,
            }
        },
    )

    # then it is stored last, and "normal" stays the default
    created = Priority.objects.get(slug="someday")
    assert (created.name, created.resolution_hours, created.position) == (
        "Someday",
        None,
        4,
    )
    assert created.translations == {"de": "Irgendwann", "en": "Someday"}
    assert Priority.objects.get(is_default=True).slug == "normal"
    assert payload["priority"]["slug"] == "someday"


def test_a_new_default_priority_takes_over(manager_api, customer, channel):
    # when a manager adds a default priority
    succeeded(
        manager_api,
        op.TICKET_PRIORITY_CREATE,
        {
            "input": {
                "slug": "standard",
                "name": "Standard",
                "resolutionHours": 72,
                "isDefault": True,
            }
        },
    )

    # then it is the only default, and new tickets get it
    assert list(
        Priority.objects.filter(is_default=True).values_list("slug", flat=True)
    ) == ["standard"]
    ticket = make_ticket(customer_email=customer.email, channel_id=channel.pk)
    assert ticket.priority.slug == "standard"


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        ({"slug": None}, "slug", "REQUIRED", "This field is required."),
        (
            {"slug": "high"},
            "slug",
            "UNIQUE",
            "A priority with the slug 'high' exists already.",
        ),
        (
            {"resolutionHours": 0},
            "resolutionHours",
            "INVALID",
            "The resolution time must be between 1 and 8760 hours (or empty for none).",
        ),
        (
            {"resolutionHours": 8761},
            "resolutionHours",
            "INVALID",
            "The resolution time must be between 1 and 8760 hours (or empty for none).",
        ),
        (
            {"name": None, "translations": []},
            "name",
            "REQUIRED",
            "Enter a name or at least one translation.",
        ),
        (
            {"translations": [{"languageCode": "", "name": "Bald"}]},
            "translations",
            "REQUIRED",
            "Enter a language code.",
        ),
    ],
)
def test_an_invalid_priority_is_refused(manager_api, change, field, code, message):
    # given a priority input with one mistake
    given = {"slug": "soon", "name": "Soon", **change}
    given = {key: value for key, value in given.items() if value is not None}

    # when a manager sends it
    error = refused(manager_api, op.TICKET_PRIORITY_CREATE, {"input": given})

    # then it is a typed error and nothing was written
    assert error == {"field": field, "code": code, "message": message}


def test_a_manager_makes_another_priority_the_default(manager_api):
    # when a manager makes "high" the default and drops its target time
    payload = succeeded(
        manager_api,
        op.TICKET_PRIORITY_UPDATE,
        {
            "id": gid("TicketPriority", priority("high").pk),
            "input": {"isDefault": True, "resolutionHours": None},
        },
    )

    # then "high" is the only default, without a target
    assert list(
        Priority.objects.filter(is_default=True).values_list("slug", flat=True)
    ) == ["high"]
    assert priority("high").resolution_hours is None
    assert payload["priority"]["isDefault"] is True


def test_the_default_priority_cannot_be_unset(manager_api):
    error = refused(
        manager_api,
        op.TICKET_PRIORITY_UPDATE,
        {
            "id": gid("TicketPriority", priority("normal").pk),
            "input": {"isDefault": False},
        },
    )

    assert error == {
        "field": "isDefault",
        "code": "DEFAULT_PRIORITY_REQUIRED",
        "message": "New tickets need a default priority: make another priority the "
        "default instead.",
    }


def test_updating_an_unknown_priority_is_refused(manager_api):
    error = refused(
        manager_api,
        op.TICKET_PRIORITY_UPDATE,
        {"id": gid("TicketPriority", 999_999), "input": {"name": "X"}},
    )

    assert error == {
        "field": "id",
        "code": "NOT_FOUND",
        "message": "Priority not found.",
    }


def test_a_manager_deletes_an_unused_priority(manager_api):
    # given "urgent", which no ticket uses
    urgent = priority("urgent")

    # when a manager deletes it
    payload = succeeded(
        manager_api, op.TICKET_PRIORITY_DELETE, {"id": gid("TicketPriority", urgent.pk)}
    )

    # then it is gone
    assert not Priority.objects.filter(slug="urgent").exists()
    assert payload["priority"] == {
        "id": gid("TicketPriority", urgent.pk),
        "slug": "urgent",
    }


def test_a_priority_in_use_or_the_default_cannot_be_deleted(
    manager_api, customer, channel
):
    # given a ticket with priority "high"
    ticket = make_ticket(customer_email=customer.email, channel_id=channel.pk)
    Ticket.objects.filter(pk=ticket.pk).update(priority=priority("high"))

    # when a manager deletes "high", then "normal" (the default)
    in_use = refused(
        manager_api,
        op.TICKET_PRIORITY_DELETE,
        {"id": gid("TicketPriority", priority("high").pk)},
    )
    default = refused(
        manager_api,
        op.TICKET_PRIORITY_DELETE,
        {"id": gid("TicketPriority", priority("normal").pk)},
    )

    # then both are refused with their reasons
    assert in_use == {
        "field": "id",
        "code": "IN_USE",
        "message": "Tickets use this priority (1): give them another priority first.",
    }
    assert default == {
        "field": "id",
        "code": "DEFAULT_PRIORITY_REQUIRED",
        "message": "The default priority cannot be deleted: make another priority the "
        "default first.",
    }
