"""The workflow: statuses (ticketStatuses, ticketStatusCreate/DefinitionUpdate/Delete)
and transitions (ticketTransitionCreate/Delete)."""

import pytest

from saleor_helpdesk.actions import close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import StatusTransition, Ticket, TicketStatus
from tests.factories import make_ticket
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, refused, status, succeeded

CUSTOMER_TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) { status { slug translations { languageCode } transitions { id }
                             customerStatus { slug } } }
}
"""


def test_staff_who_work_tickets_read_the_workflow(api_for):
    # given the default workflow and a staff user with MANAGE_ORDERS
    api = api_for("staff_with_manage_orders")

    # when they list the statuses
    statuses = api(op.TICKET_STATUSES)["ticketStatuses"]

    # then they come in their order, with labels, flags and the moves out of each
    assert [s["slug"] for s in statuses] == [
        "new",
        "open",
        "in_progress",
        "waiting_customer",
        "answered",
        "waiting_1",
        "waiting_2",
        "closed",
    ]
    by_slug = {s["slug"]: s for s in statuses}
    assert by_slug["new"]["isInitial"] is True
    assert by_slug["closed"]["isClosed"] is True
    assert by_slug["open"]["translations"] == [
        {"languageCode": "de", "name": "Offen"},
        {"languageCode": "en", "name": "Open"},
    ]
    assert by_slug["waiting_1"]["customerStatus"] == {"slug": "in_progress"}
    assert by_slug["closed"]["transitions"] == [
        {
            "target": {"slug": "open"},
            "staffAllowed": True,
            "customerAllowed": True,
            "systemAllowed": True,
        }
    ]


def test_customers_do_not_see_the_workflow_through_their_ticket(
    customer_api, customer, channel
):
    # given a customer's ticket
    ticket = make_ticket(Actor.customer(customer), channel_id=channel.pk)

    # when the customer reads its status with the configuration fields
    data = customer_api(CUSTOMER_TICKET, {"id": gid("Ticket", ticket.pk)})

    # then labels are there, the workflow's inner workings are not
    assert data["ticket"]["status"] == {
        "slug": "new",
        "translations": [{"languageCode": "de"}, {"languageCode": "en"}],
        "transitions": None,
        "customerStatus": None,
    }


def test_a_manager_adds_a_status(manager_api):
    # given the default workflow
    # when a manager adds a waiting status with German and English labels
    payload = succeeded(
        manager_api,
        op.TICKET_STATUS_CREATE,
        {
            "input": {
                "slug": "on_hold",
                "group": "WAITING",
                "translations": [
                    {"languageCode": "de", "name": " Zurückgestellt "},
                    {"languageCode": "EN", "name": "On hold"},
                ],
            }
        },
    )

    # then it is stored last, named after its English label
    created = TicketStatus.objects.get(slug="on_hold")
    assert (created.name, created.translations, created.group) == (
        "On hold",
        {"de": "Zurückgestellt", "en": "On hold"},
        "waiting",
    )
    assert created.position == 8
    assert (created.is_active, created.is_initial, created.is_internal) == (
        True,
        False,
        False,
    )
    assert payload["status"]["id"] == gid("TicketStatus", created.pk)
    assert payload["status"]["transitions"] == []


def test_a_new_initial_status_takes_the_flag_from_the_old_one(manager_api):
    # given "new" is the initial status
    # when a manager adds another initial status
    succeeded(
        manager_api,
        op.TICKET_STATUS_CREATE,
        {
            "input": {
                "slug": "triage",
                "name": "Triage",
                "group": "NEW",
                "isInitial": True,
            }
        },
    )

    # then exactly one status is initial: the new one
    assert list(
        TicketStatus.objects.filter(is_initial=True).values_list("slug", flat=True)
    ) == ["triage"]


def test_an_internal_status_shows_customers_another_one(manager_api):
    # given the public status "in_progress"
    # when a manager adds an internal status shown to customers as "in_progress"
    succeeded(
        manager_api,
        op.TICKET_STATUS_CREATE,
        {
            "input": {
                "slug": "waiting_3",
                "name": "Waiting 3",
                "group": "WAITING",
                "isInternal": True,
                "customerStatus": gid("TicketStatus", status("in_progress").pk),
            }
        },
    )

    # then it is stored with that mapping
    created = TicketStatus.objects.get(slug="waiting_3")
    assert created.customer_status == status("in_progress")


VALID = {"slug": "on_hold", "name": "On hold", "group": "WAITING"}


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        ({"slug": None}, "slug", "REQUIRED", "This field is required."),
        ({"group": None}, "group", "REQUIRED", "This field is required."),
        (
            {"slug": "on hold!"},
            "slug",
            "INVALID",
            "A slug may contain only letters, digits, hyphens and underscores.",
        ),
        (
            {"slug": "answered"},
            "slug",
            "UNIQUE",
            "A status with the slug 'answered' exists already.",
        ),
        (
            {"name": None},
            "name",
            "REQUIRED",
            "Enter a name or at least one translation.",
        ),
        ({"name": "  "}, "name", "REQUIRED", "Enter a name."),
        (
            {"translations": [{"languageCode": "de", "name": " "}]},
            "translations",
            "REQUIRED",
            "Enter a name.",
        ),
        (
            {"translations": [{"languageCode": "deutsch!", "name": "Warten"}]},
            "translations",
            "INVALID",
            "'deutsch!' is not a language code (use e.g. 'de', 'en' or 'pt-br').",
        ),
        (
            {
                "translations": [
                    {"languageCode": "de", "name": "Warten"},
                    {"languageCode": "DE", "name": "Pause"},
                ]
            },
            "translations",
            "DUPLICATED_INPUT_ITEM",
            "The language 'de' is given more than once.",
        ),
        (
            {"isInitial": True, "group": "CLOSED"},
            "isInitial",
            "INVALID",
            "A status of the closed group cannot be the initial status.",
        ),
        (
            {"isInitial": True, "isActive": False},
            "isActive",
            "INITIAL_STATUS_REQUIRED",
            "The initial status must stay active.",
        ),
        ({"position": -1}, "position", "INVALID", "The position must be zero or more."),
        (
            {"customerStatus": "customer-status"},
            "customerStatus",
            "INVALID",
            "Invalid ID: expected an ID of type TicketStatus.",
        ),
    ],
)
def test_an_invalid_status_is_refused(manager_api, change, field, code, message):
    # given a status input with one mistake
    status_input = {
        key: value for key, value in {**VALID, **change}.items() if value is not None
    }

    # when a manager sends it
    error = refused(manager_api, op.TICKET_STATUS_CREATE, {"input": status_input})

    # then it is a typed error on that field and nothing was written
    assert error == {"field": field, "code": code, "message": message}


@pytest.mark.parametrize(
    ("shown", "code", "message"),
    [
        (
            "waiting_2",
            "INVALID",
            "Customers must be shown a status that is not internal.",
        ),
        ("missing", "NOT_FOUND", "Status not found."),
    ],
)
def test_customers_must_be_shown_an_existing_public_status(
    manager_api, shown, code, message
):
    # given an internal status, or one that does not exist
    shown_id = status(shown).pk if shown != "missing" else 999_999

    # when a manager maps a new status to it
    error = refused(
        manager_api,
        op.TICKET_STATUS_CREATE,
        {"input": {**VALID, "customerStatus": gid("TicketStatus", shown_id)}},
    )

    # then it is refused
    assert error == {"field": "customerStatus", "code": code, "message": message}


def test_a_manager_relabels_a_status(manager_api):
    # given "answered" with German and English labels
    answered = status("answered")

    # when a manager replaces its labels and moves it
    payload = succeeded(
        manager_api,
        op.TICKET_STATUS_UPDATE,
        {
            "id": gid("TicketStatus", answered.pk),
            "input": {
                "name": "Replied",
                "translations": [
                    {"languageCode": "en", "name": "Replied"},
                    {"languageCode": "fr", "name": "Répondu"},
                ],
                "position": 20,
            },
        },
    )

    # then only what was sent changed
    answered.refresh_from_db()
    assert (answered.name, answered.translations, answered.position) == (
        "Replied",
        {"en": "Replied", "fr": "Répondu"},
        20,
    )
    assert (answered.slug, answered.group, answered.is_active) == (
        "answered",
        "waiting",
        True,
    )
    assert payload["status"]["name"] == "Replied"


def test_making_another_status_initial_moves_the_flag(manager_api):
    # when a manager makes "open" the initial status
    succeeded(
        manager_api,
        op.TICKET_STATUS_UPDATE,
        {"id": gid("TicketStatus", status("open").pk), "input": {"isInitial": True}},
    )

    # then "open" is the only initial status
    assert list(
        TicketStatus.objects.filter(is_initial=True).values_list("slug", flat=True)
    ) == ["open"]


@pytest.fixture
def closed_ticket(customer, channel):
    ticket = make_ticket(customer_email=customer.email, channel_id=channel.pk)
    return close_ticket(Actor.system(), ticket.pk)


@pytest.mark.parametrize(
    ("slug", "change", "field", "code", "message"),
    [
        (
            "new",
            {"isInitial": False},
            "isInitial",
            "INITIAL_STATUS_REQUIRED",
            "A workflow needs an initial status: make another status the initial one "
            "instead.",
        ),
        (
            "new",
            {"isActive": False},
            "isActive",
            "INITIAL_STATUS_REQUIRED",
            "The initial status must stay active.",
        ),
        (
            "closed",
            {"isActive": False},
            "isActive",
            "STATUS_GROUP_REQUIRED",
            "The workflow needs at least one active status in the 'closed' group.",
        ),
        (
            "closed",
            {"group": "WAITING"},
            "group",
            "IN_USE",
            "Tickets use this status: it cannot move into or out of the closed group.",
        ),
        (
            "in_progress",
            {"isInternal": True},
            "isInternal",
            "INVALID",
            "Customers see this status in place of 'waiting_1': it cannot be internal "
            "itself.",
        ),
        (
            "open",
            {"slug": "closed"},
            "slug",
            "UNIQUE",
            "A status with the slug 'closed' exists already.",
        ),
        (
            "waiting_1",
            {"customerStatus": "self"},
            "customerStatus",
            "SAME_STATUS",
            "A status cannot stand in for itself.",
        ),
    ],
)
def test_an_update_that_would_break_the_workflow_is_refused(
    manager_api, closed_ticket, slug, change, field, code, message
):
    # given the default workflow with a closed ticket
    target = status(slug)
    if change.get("customerStatus") == "self":
        change = {"customerStatus": gid("TicketStatus", target.pk)}

    # when a manager sends the change
    error = refused(
        manager_api,
        op.TICKET_STATUS_UPDATE,
        {"id": gid("TicketStatus", target.pk), "input": change},
    )

    # then it is refused with a typed error and nothing changed
    assert error == {"field": field, "code": code, "message": message}


def test_the_last_open_status_cannot_leave_its_group(manager_api):
    # given "in_progress" is deactivated, so "open" is the only active open status
    in_progress = status("in_progress")
    in_progress.is_active = False
    in_progress.save()

    # when a manager moves "open" to the waiting group
    error = refused(
        manager_api,
        op.TICKET_STATUS_UPDATE,
        {"id": gid("TicketStatus", status("open").pk), "input": {"group": "WAITING"}},
    )

    # then reopening would have nowhere to go: refused
    assert error == {
        "field": "group",
        "code": "STATUS_GROUP_REQUIRED",
        "message": "The workflow needs at least one active status in the 'open' group.",
    }


@pytest.mark.parametrize(
    ("status_id", "code", "message"),
    [
        (gid("TicketStatus", 999_999), "NOT_FOUND", "Status not found."),
        (
            gid("TicketPriority", 1),
            "INVALID",
            "Invalid ID: expected an ID of type TicketStatus.",
        ),
    ],
)
def test_updating_an_unknown_status_is_refused(manager_api, status_id, code, message):
    error = refused(
        manager_api, op.TICKET_STATUS_UPDATE, {"id": status_id, "input": {"name": "X"}}
    )

    assert error == {"field": "id", "code": code, "message": message}


def test_a_manager_deletes_an_unused_status(manager_api):
    # given "answered", which no ticket uses, and its transitions
    answered = status("answered")
    assert StatusTransition.objects.filter(source=answered).exists()

    # when a manager deletes it
    payload = succeeded(
        manager_api, op.TICKET_STATUS_DELETE, {"id": gid("TicketStatus", answered.pk)}
    )

    # then it is gone with its transitions, and the payload still names it
    assert not TicketStatus.objects.filter(slug="answered").exists()
    assert not StatusTransition.objects.filter(source_id=answered.pk).exists()
    assert not StatusTransition.objects.filter(target_id=answered.pk).exists()
    assert payload["status"] == {
        "id": gid("TicketStatus", answered.pk),
        "slug": "answered",
    }


def test_a_status_tickets_use_cannot_be_deleted(manager_api, closed_ticket):
    # given a ticket in "closed" (a merged one counts too)
    assert Ticket.objects.filter(status__slug="closed").count() == 1

    # when a manager deletes "closed"
    error = refused(
        manager_api,
        op.TICKET_STATUS_DELETE,
        {"id": gid("TicketStatus", status("closed").pk)},
    )

    # then it is refused as in use
    assert error == {
        "field": "id",
        "code": "IN_USE",
        "message": "Tickets use this status (1): move them to another status or "
        "deactivate it instead.",
    }


@pytest.mark.parametrize(
    ("slug", "code", "message"),
    [
        (
            "new",
            "INITIAL_STATUS_REQUIRED",
            "The initial status cannot be deleted: make another status the initial "
            "one first.",
        ),
        (
            "closed",
            "STATUS_GROUP_REQUIRED",
            "The workflow needs at least one active status in the 'closed' group.",
        ),
    ],
)
def test_a_status_the_workflow_needs_cannot_be_deleted(
    manager_api, slug, code, message
):
    error = refused(
        manager_api,
        op.TICKET_STATUS_DELETE,
        {"id": gid("TicketStatus", status(slug).pk)},
    )

    assert error == {"field": "id", "code": code, "message": message}


def test_a_manager_allows_a_new_move(manager_api):
    # given no move from "closed" to "answered"
    # when a manager allows it for staff only
    payload = succeeded(
        manager_api,
        op.TICKET_TRANSITION_CREATE,
        {
            "input": {
                "source": gid("TicketStatus", status("closed").pk),
                "target": gid("TicketStatus", status("answered").pk),
                "systemAllowed": False,
            }
        },
    )

    # then the move is stored with its roles
    transition = StatusTransition.objects.get(
        source__slug="closed", target__slug="answered"
    )
    assert (
        transition.staff_allowed,
        transition.customer_allowed,
        transition.system_allowed,
    ) == (True, False, False)
    assert payload["transition"] == {
        "id": gid("TicketStatusTransition", transition.pk),
        "source": {"slug": "closed"},
        "target": {"slug": "answered"},
        "staffAllowed": True,
        "customerAllowed": False,
        "systemAllowed": False,
    }


@pytest.mark.parametrize(
    ("source", "target", "field", "code", "message"),
    [
        (
            "open",
            "open",
            "target",
            "SAME_STATUS",
            "A transition must lead to another status.",
        ),
        (
            "closed",
            "open",
            "target",
            "UNIQUE",
            "The transition from 'closed' to 'open' exists already.",
        ),
        ("missing", "open", "source", "NOT_FOUND", "Status not found."),
        ("open", "missing", "target", "NOT_FOUND", "Status not found."),
    ],
)
def test_an_invalid_move_is_refused(manager_api, source, target, field, code, message):
    def status_id(slug):
        return gid("TicketStatus", status(slug).pk if slug != "missing" else 999_999)

    error = refused(
        manager_api,
        op.TICKET_TRANSITION_CREATE,
        {"input": {"source": status_id(source), "target": status_id(target)}},
    )

    assert error == {"field": field, "code": code, "message": message}


def test_a_manager_removes_a_move(manager_api):
    # given the reopen move
    reopen = StatusTransition.objects.get(source__slug="closed", target__slug="open")

    # when a manager deletes it
    payload = succeeded(
        manager_api,
        op.TICKET_TRANSITION_DELETE,
        {"id": gid("TicketStatusTransition", reopen.pk)},
    )

    # then it is gone
    assert not StatusTransition.objects.filter(pk=reopen.pk).exists()
    assert payload["transition"]["source"] == {"slug": "closed"}


def test_removing_an_unknown_move_is_refused(manager_api):
    error = refused(
        manager_api,
        op.TICKET_TRANSITION_DELETE,
        {"id": gid("TicketStatusTransition", 999_999)},
    )

    assert error == {
        "field": "id",
        "code": "NOT_FOUND",
        "message": "Transition not found.",
    }
