"""ticketTimeHeartbeat and the manual entries: who may, what they record."""

import pytest

from saleor_helpdesk.models import TicketEvent, TimeEntry, TimeTracker
from tests.factories import AppFactory, app_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import NOT_STAFF, PERMISSION_DENIED, gid

HEARTBEAT = """
mutation Beat($ticket: ID!, $tab: String!, $active: Boolean!, $idle: Int) {
  ticketTimeHeartbeat(ticket: $ticket, tab: $tab, active: $active, idleSeconds: $idle) {
    errors { field code message }
    tracking { tracking seconds }
  }
}
"""
ADD = """
mutation Add($ticket: ID!, $input: TicketTimeEntryInput!) {
  ticketTimeEntryAdd(ticket: $ticket, input: $input) {
    errors { field code message }
    entry { source seconds note user { email } }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: TicketTimeEntryInput!) {
  ticketTimeEntryUpdate(id: $id, input: $input) {
    errors { field code message }
    entry { seconds note }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  ticketTimeEntryDelete(id: $id) { errors { field code message } entry { id } }
}
"""


def rows() -> tuple:
    return (
        list(TimeEntry.objects.values()),
        list(TimeTracker.objects.values()),
        TicketEvent.objects.count(),
    )


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_track_and_log_time(api_as, caller, ticket):
    # given a caller who may not work tickets
    before = rows()
    api = api_as(caller)

    # when they beat, log time, change and remove an entry
    beat = api(
        HEARTBEAT, {"ticket": gid("Ticket", ticket.pk), "tab": "a", "active": True}
    )["ticketTimeHeartbeat"]
    added = api(ADD, {"ticket": gid("Ticket", ticket.pk), "input": {"minutes": 5}})[
        "ticketTimeEntryAdd"
    ]
    changed = api(UPDATE, {"id": gid("TicketTimeEntry", 1), "input": {"minutes": 1}})[
        "ticketTimeEntryUpdate"
    ]
    removed = api(DELETE, {"id": gid("TicketTimeEntry", 1)})["ticketTimeEntryDelete"]

    # then each is refused and nothing changed
    assert beat == {"errors": [PERMISSION_DENIED], "tracking": None}
    assert added == {"errors": [PERMISSION_DENIED], "entry": None}
    assert changed == {"errors": [PERMISSION_DENIED], "entry": None}
    assert removed == {"errors": [PERMISSION_DENIED], "entry": None}
    assert rows() == before


def test_an_app_has_no_time_to_track(ticket):
    app = AppFactory(name="ERP")
    grant(app, "MANAGE_ORDERS")

    data = Api(app_token_for(app))(
        HEARTBEAT, {"ticket": gid("Ticket", ticket.pk), "tab": "a", "active": True}
    )["ticketTimeHeartbeat"]

    assert data["errors"] == [
        {
            "field": "ticket",
            "code": "NOT_A_STAFF_USER",
            "message": "Only a staff user's time can be tracked.",
        }
    ]


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, ticket
):
    data = other_channel_staff_api(
        HEARTBEAT, {"ticket": gid("Ticket", ticket.pk), "tab": "a", "active": True}
    )["ticketTimeHeartbeat"]

    assert data["errors"] == [
        {"field": "ticket", "code": "NOT_FOUND", "message": "Ticket not found."}
    ]
    assert TimeTracker.objects.count() == 0


def test_staff_beat_and_log_a_phone_call(staff_api, ticket):
    # when a support agent's tab beats
    data = staff_api(
        HEARTBEAT, {"ticket": gid("Ticket", ticket.pk), "tab": "tab-1", "active": True}
    )["ticketTimeHeartbeat"]
    assert data == {"errors": [], "tracking": {"tracking": True, "seconds": 0}}

    # and they log a call
    data = staff_api(
        ADD,
        {
            "ticket": gid("Ticket", ticket.pk),
            "input": {"minutes": 12, "note": "Telefonat mit Kundin"},
        },
    )["ticketTimeEntryAdd"]
    assert data == {
        "errors": [],
        "entry": {
            "source": "MANUAL",
            "seconds": 720,
            "note": "Telefonat mit Kundin",
            "user": {"email": "agent@shop.example"},
        },
    }
    entry = TimeEntry.objects.get()

    # then they change and remove it
    data = staff_api(
        UPDATE, {"id": gid("TicketTimeEntry", entry.pk), "input": {"minutes": 15}}
    )["ticketTimeEntryUpdate"]
    assert data == {
        "errors": [],
        "entry": {"seconds": 900, "note": "Telefonat mit Kundin"},
    }
    data = staff_api(DELETE, {"id": gid("TicketTimeEntry", entry.pk)})[
        "ticketTimeEntryDelete"
    ]
    assert data == {"errors": [], "entry": {"id": gid("TicketTimeEntry", entry.pk)}}
    assert not TimeEntry.objects.exists()


def test_minutes_are_required_and_checked(staff_api, ticket):
    before = rows()
    for given, error in (
        ({}, ("minutes", "REQUIRED", "Enter the minutes.")),
        ({"minutes": 0}, ("minutes", "INVALID", "Enter between 1 and 1440 minutes.")),
    ):
        data = staff_api(ADD, {"ticket": gid("Ticket", ticket.pk), "input": given})[
            "ticketTimeEntryAdd"
        ]
        assert data == {
            "errors": [dict(zip(("field", "code", "message"), error, strict=True))],
            "entry": None,
        }
    assert rows() == before


def test_a_colleagues_entry_is_not_yours_to_change(staff_api, colleague, ticket):
    entry = TimeEntry.objects.create(
        ticket=ticket,
        user=colleague,
        source="manual",
        started_at=ticket.created_at,
        seconds=60,
    )

    data = staff_api(DELETE, {"id": gid("TicketTimeEntry", entry.pk)})[
        "ticketTimeEntryDelete"
    ]

    assert data["errors"] == [
        {
            "field": "id",
            "code": "PERMISSION_DENIED",
            "message": "Only your own time entries can be changed.",
        }
    ]
    assert TimeEntry.objects.filter(pk=entry.pk).exists()
