"""Time measured by heartbeats: each wall-clock second once per staff user, whatever the
number of tabs; idle time and gaps left out."""

import threading
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from saleor_helpdesk.effort.tracking import heartbeat
from saleor_helpdesk.models import TimeEntry, TimeTracker
from tests.effort.conftest import at


def seconds_on(ticket, user=None) -> int:
    entries = TimeEntry.objects.filter(ticket=ticket)
    if user is not None:
        entries = entries.filter(user=user)
    return sum(entries.values_list("seconds", flat=True))


def test_heartbeats_of_one_tab_measure_the_time_between_them(agent_actor, ticket):
    # given a tab that beats every 30 s for two minutes
    for second in range(0, 121, 30):
        state = heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))

    # then two minutes are counted, in one automatic entry
    assert seconds_on(ticket) == 120
    entry = TimeEntry.objects.get()
    assert (entry.source, entry.started_at, entry.user) == (
        "automatic",
        at(0),
        agent_actor.user,
    )
    assert (state.tracking, state.seconds) == (True, 120)


def test_a_single_beat_leaves_no_entry(agent_actor, ticket):
    # given a page opened and left before its second beat
    state = heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(0))

    # then nothing is counted yet
    assert TimeEntry.objects.count() == 0
    assert (state.tracking, state.seconds) == (True, 0)


def test_two_tabs_on_the_same_ticket_count_each_second_once(agent_actor, ticket):
    # given two tabs on the same ticket, beating 15 s apart for two minutes
    for second in range(0, 121, 30):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))
        heartbeat(agent_actor, ticket.pk, tab="b", active=True, now=at(second + 15))

    # then the time is the wall-clock time from the first to the last beat, once
    assert seconds_on(ticket) == 135
    assert TimeEntry.objects.count() == 1


def test_two_tabs_on_different_tickets_give_the_time_to_the_tab_in_use(
    agent_actor, ticket, second_ticket
):
    # given a tab on the first ticket in use for a minute
    for second in (0, 30, 60):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))

    # when the user works in a second tab on another ticket, the first one now idle
    heartbeat(agent_actor, second_ticket.pk, tab="b", active=True, now=at(80))
    heartbeat(
        agent_actor, ticket.pk, tab="a", active=False, idle_seconds=25, now=at(90)
    )
    heartbeat(agent_actor, second_ticket.pk, tab="b", active=True, now=at(110))

    # then the first ticket has its minute, the second the time since, and no second
    # is counted on both
    assert seconds_on(ticket) == 60
    assert seconds_on(second_ticket) == 50
    entries = TimeEntry.objects.order_by("started_at")
    assert [(e.ticket_id, e.started_at, e.seconds) for e in entries] == [
        (ticket.pk, at(0), 60),
        (second_ticket.pk, at(60), 50),
    ]


def test_two_tabs_on_different_tickets_both_active_never_overlap(
    agent_actor, ticket, second_ticket
):
    # given two tabs on different tickets that both report activity, interleaved
    for second in range(0, 121, 30):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))
        heartbeat(
            agent_actor, second_ticket.pk, tab="b", active=True, now=at(second + 10)
        )

    # then the tickets share the wall-clock time between the first and last beat
    assert seconds_on(ticket) + seconds_on(second_ticket) == 130
    intervals = sorted(
        (e.started_at, e.started_at.timestamp() + e.seconds)
        for e in TimeEntry.objects.all()
    )
    for (_, end), (start, _) in pairwise(intervals):
        assert end <= start.timestamp()


def test_idle_time_is_excluded(agent_actor, ticket):
    # given a tab in use for a minute, then left alone: the client still reported
    # activity at 90 s (input 30 s ago), then idle at 150 s (no input for 2 minutes)
    for second in (0, 30, 60, 90):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))
    state = heartbeat(
        agent_actor, ticket.pk, tab="a", active=False, idle_seconds=120, now=at(150)
    )

    # then only the time up to the last input counts
    assert seconds_on(ticket) == 30
    assert state.tracking is False

    # and when the user comes back, a new interval starts then, not before
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(600))
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(630))
    assert seconds_on(ticket) == 60


def test_an_idle_tab_does_not_stop_the_tab_in_use(agent_actor, ticket):
    # given two tabs on the ticket, one in use and one visible but idle
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(0))
    heartbeat(
        agent_actor, ticket.pk, tab="b", active=False, idle_seconds=300, now=at(10)
    )
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(30))
    heartbeat(
        agent_actor, ticket.pk, tab="b", active=False, idle_seconds=330, now=at(40)
    )
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(60))

    # then the tab in use counts on
    assert seconds_on(ticket) == 60


def test_a_gap_longer_than_the_limit_is_not_counted(agent_actor, ticket):
    # given beats, then none for ten minutes (the laptop slept), then beats again
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(0))
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(30))
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(630))
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(660))

    # then the ten minutes are not counted
    assert seconds_on(ticket) == 60
    assert TimeEntry.objects.count() == 2


def test_colleagues_on_the_same_ticket_each_have_their_time(
    agent_actor, colleague_actor, ticket
):
    for second in (0, 30, 60):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))
        heartbeat(colleague_actor, ticket.pk, tab="a", active=True, now=at(second))

    assert seconds_on(ticket, agent_actor.user) == 60
    assert seconds_on(ticket, colleague_actor.user) == 60


@pytest.mark.parametrize(
    ("tab", "idle", "field"),
    [("", None, "tab"), ("x" * 65, None, "tab"), ("a", -1, "idle_seconds")],
)
def test_bad_input_is_refused_and_changes_nothing(
    agent_actor, ticket, tab, idle, field
):
    with pytest.raises(ValidationError) as refused:
        heartbeat(agent_actor, ticket.pk, tab=tab, active=False, idle_seconds=idle)

    assert list(refused.value.error_dict) == [field]
    assert TimeTracker.objects.count() == 0


def test_only_staff_users_who_work_tickets_track_time(
    staff_without_permission_actor, app_actor, customer_actor, ticket
):
    for actor in (staff_without_permission_actor, app_actor, customer_actor):
        with pytest.raises(ValidationError):
            heartbeat(actor, ticket.pk, tab="a", active=True)
    assert TimeTracker.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_beats_of_two_tabs_count_each_second_once(
    agent_actor, ticket, second_ticket
):
    # given a first interval on the ticket
    heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(0))

    # when two tabs (on two tickets) beat at the very same moment, many times
    errors = []

    def beat(ticket_id, tab):
        try:
            for second in range(10, 81, 10):
                heartbeat(agent_actor, ticket_id, tab=tab, active=True, now=at(second))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=beat, args=(ticket.pk, "a")),
        threading.Thread(target=beat, args=(second_ticket.pk, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then the two tickets together hold the wall-clock time once
    assert errors == []
    assert seconds_on(ticket) + seconds_on(second_ticket) == 80
    assert TimeTracker.objects.count() == 1
