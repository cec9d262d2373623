"""Time entered by hand: own entries with a note, on the timeline."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from saleor_helpdesk.effort.manual import (
    add_time_entry,
    delete_time_entry,
    update_time_entry,
)
from saleor_helpdesk.effort.tracking import heartbeat
from saleor_helpdesk.models import TicketEvent, TimeEntry
from tests.effort.conftest import at


def codes(refused) -> dict:
    return {
        field: [error.code for error in errors]
        for field, errors in refused.value.error_dict.items()
    }


def test_a_phone_call_is_logged_with_its_note(agent_actor, ticket):
    # when an agent logs a 15-minute call
    yesterday = timezone.now() - timedelta(days=1)
    entry = add_time_entry(
        agent_actor, ticket.pk, minutes=15, note="Rückruf Kundin", started_at=yesterday
    )

    # then it is their manual entry, and the timeline says so without the note
    assert (entry.source, entry.seconds, entry.note, entry.user) == (
        "manual",
        900,
        "Rückruf Kundin",
        agent_actor.user,
    )
    assert entry.started_at == yesterday
    event = TicketEvent.objects.filter(ticket=ticket).order_by("pk").last()
    assert (event.type, event.parameters, event.user) == (
        "time_logged",
        {"entry_id": entry.pk, "minutes": 15},
        agent_actor.user,
    )


def test_without_a_start_the_entry_ends_now(agent_actor, ticket):
    before = timezone.now()
    entry = add_time_entry(agent_actor, ticket.pk, minutes=10)

    assert before - timedelta(minutes=10) <= entry.started_at <= timezone.now()


def test_own_manual_entries_can_be_changed_and_removed(agent_actor, ticket):
    entry = add_time_entry(agent_actor, ticket.pk, minutes=15, note="Anruf")

    update_time_entry(agent_actor, entry.pk, minutes=20, note="Anruf, länger")
    entry.refresh_from_db()
    assert (entry.seconds, entry.note) == (1200, "Anruf, länger")

    delete_time_entry(agent_actor, entry.pk)
    assert not TimeEntry.objects.exists()
    types = list(
        TicketEvent.objects.filter(ticket=ticket)
        .order_by("pk")
        .values_list("type", "parameters")
    )[-3:]
    assert types == [
        ("time_logged", {"entry_id": entry.pk, "minutes": 15}),
        (
            "time_entry_changed",
            {"entry_id": entry.pk, "old_minutes": 15, "minutes": 20},
        ),
        ("time_entry_removed", {"entry_id": entry.pk, "minutes": 20}),
    ]


def test_a_colleagues_entry_cannot_be_changed(agent_actor, colleague_actor, ticket):
    entry = add_time_entry(colleague_actor, ticket.pk, minutes=15)

    with pytest.raises(ValidationError) as refused:
        update_time_entry(agent_actor, entry.pk, minutes=1)
    assert codes(refused) == {"id": ["permission_denied"]}
    with pytest.raises(ValidationError):
        delete_time_entry(agent_actor, entry.pk)
    entry.refresh_from_db()
    assert entry.seconds == 900


def test_measured_time_cannot_be_changed_by_hand(agent_actor, ticket):
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(0))
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(30))
    entry = TimeEntry.objects.get()

    with pytest.raises(ValidationError) as refused:
        update_time_entry(agent_actor, entry.pk, minutes=60)
    assert codes(refused) == {"id": ["automatic_time_entry"]}


@pytest.mark.parametrize(
    ("given", "field", "code"),
    [
        ({"minutes": 0}, "minutes", "invalid"),
        ({"minutes": 24 * 60 + 1}, "minutes", "invalid"),
        ({"minutes": 5, "note": "x" * 2001}, "note", "body_too_long"),
        (
            {"minutes": 5, "started_at": timezone.now() + timedelta(hours=1)},
            "started_at",
            "invalid",
        ),
        (
            {"minutes": 5, "started_at": timezone.now() - timedelta(days=400)},
            "started_at",
            "invalid",
        ),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    agent_actor, ticket, given, field, code
):
    events = TicketEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        add_time_entry(agent_actor, ticket.pk, **given)

    assert codes(refused) == {field: [code]}
    assert not TimeEntry.objects.exists()
    assert TicketEvent.objects.count() == events
