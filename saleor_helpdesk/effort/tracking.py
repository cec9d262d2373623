"""Measuring time automatically while a ticket is open in the Dashboard.

The Dashboard's ticket page sends a heartbeat every `HEARTBEAT_SECONDS` while the page
is visible: `active` when the user gave input in that tab within the client's idle
limit, else idle (with `idle_seconds`, how long ago the last input was). The server
keeps one open interval per staff user (`TimeTracker`), row-locked by every heartbeat
of that user, and stores the counted time as automatic `TimeEntry` rows:

- an active beat on the interval's ticket extends it to now: two tabs on the same
  ticket extend the same interval, so a second is counted once however many tabs
  beat;
- an active beat on another ticket moves the interval there: the old ticket's time
  ends at its last beat and the new ticket's starts at that moment (the tab in use
  most recently gets the time; no second counted twice, none lost in between);
- a gap longer than `MAX_GAP_SECONDS` since the last beat (the tab was closed, the
  laptop slept, the network was down) is not counted: a new interval starts now;
- an idle beat from the tab that owns the interval ends it, trimmed back to the last
  input (`idle_seconds`), so idle time is excluded; an idle beat from another tab
  (visible but unused) changes nothing, since the owner tab is still in use.

The time after the last beat of an interval (at most one heartbeat period) is not
counted: the measure errs on the side of less.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Ticket, TimeEntry, TimeSource, TimeTracker
from ..tickets.access import not_found, require_agent, visible_tickets
from . import contracts

HEARTBEAT_SECONDS = 30
# Longer than two missed heartbeats: a slow network does not cut an interval, a
# closed tab or a sleeping laptop does.
MAX_GAP_SECONDS = 90
# A client cannot claim more idle time than an interval could hold.
MAX_IDLE_SECONDS = 24 * 3600
MAX_TAB_LENGTH = 64


@dataclass(frozen=True)
class TrackingState:
    """What the heartbeat's caller learns: whether their time on `ticket_id` is being
    counted now, and their total on that ticket so far."""

    ticket_id: int
    tracking: bool
    seconds: int
    beat_at: datetime


def require_staff_user(actor: Actor) -> None:
    """Time belongs to a person: an app (or the system) has no time to track."""
    require_agent(actor)
    if actor.user_id is None:
        raise field_error(
            "ticket",
            "Only a staff user's time can be tracked.",
            HelpdeskErrorCode.NOT_A_STAFF_USER,
        )


def _seconds(start: datetime, end: datetime) -> int:
    return max(int((end - start).total_seconds()), 0)


def heartbeat(
    actor: Actor,
    ticket_id: int,
    *,
    tab: str,
    active: bool,
    idle_seconds: int | None = None,
    now: datetime | None = None,
) -> TrackingState:
    """Record one heartbeat of the actor's tab showing `ticket_id` (see the module's
    docstring). `now`: the server's clock, taken after the user's tracker is locked
    (tests pass it)."""
    require_staff_user(actor)
    tab = tab.strip()
    if not tab or len(tab) > MAX_TAB_LENGTH:
        raise field_error(
            "tab",
            f"Name the tab with 1 to {MAX_TAB_LENGTH} characters.",
            HelpdeskErrorCode.INVALID,
        )
    if idle_seconds is not None and not 0 <= idle_seconds <= MAX_IDLE_SECONDS:
        raise field_error(
            "idle_seconds",
            f"Idle time is between 0 and {MAX_IDLE_SECONDS} seconds.",
            HelpdeskErrorCode.INVALID,
        )
    ticket = visible_tickets(actor).filter(pk=ticket_id).first()
    if ticket is None:
        raise not_found("ticket")
    user_id = actor.user_id
    assert user_id is not None  # require_staff_user
    with transaction.atomic():
        tracker = _lock_tracker(user_id)
        # Taken under the lock: beats of one user are applied in the order of their
        # clocks, and a beat that waited for the lock is not older than the last.
        now = now or timezone.now()
        if tracker.last_beat_at is not None and now < tracker.last_beat_at:
            now = tracker.last_beat_at
        changed = (
            _active(tracker, ticket, tab, now)
            if active
            else _idle(tracker, tab, idle_seconds or 0, now)
        )
        tracker.save()
        for changed_ticket in changed:
            contracts.check_budget(changed_ticket)
        tracking = tracker.ticket_id == ticket.pk and tracker.last_beat_at == now
        total = (
            TimeEntry.objects.filter(ticket=ticket, user_id=user_id).aggregate(
                total=Sum("seconds")
            )["total"]
            or 0
        )
    return TrackingState(ticket.pk, tracking, total, now)


def _lock_tracker(user_id: int) -> TimeTracker:
    tracker = TimeTracker.objects.select_for_update().filter(user_id=user_id).first()
    if tracker is None:
        # The first beat ever: two tabs may race to create the row; one insert wins,
        # the other is ignored, and both then wait for the same lock.
        TimeTracker.objects.bulk_create(
            [TimeTracker(user_id=user_id)], ignore_conflicts=True
        )
        tracker = TimeTracker.objects.select_for_update().get(user_id=user_id)
    return tracker


def _is_open(tracker: TimeTracker, now: datetime) -> bool:
    return (
        tracker.ticket_id is not None
        and tracker.started_at is not None
        and tracker.last_beat_at is not None
        and now - tracker.last_beat_at <= timedelta(seconds=MAX_GAP_SECONDS)
    )


def _active(
    tracker: TimeTracker, ticket: Ticket, tab: str, now: datetime
) -> list[Ticket]:
    """Apply an active beat; returns the tickets whose time changed."""
    if not _is_open(tracker, now):
        _start(tracker, ticket, tab, now)
        return []
    assert tracker.last_beat_at is not None  # _is_open
    if tracker.ticket_id != ticket.pk:
        # Another ticket's tab is the one in use now: it gets the time since the last
        # beat; the old ticket's entry already ends there.
        _start(tracker, ticket, tab, tracker.last_beat_at)
    tracker.last_beat_at = now
    tracker.tab = tab
    _write_entry(tracker, now)
    return [ticket]


def _idle(
    tracker: TimeTracker, tab: str, idle_seconds: int, now: datetime
) -> list[Ticket]:
    """Apply an idle beat; returns the tickets whose time changed."""
    if not _is_open(tracker, now) or tracker.tab != tab:
        return []
    assert tracker.last_beat_at is not None and tracker.started_at is not None
    # The user's last input was `idle_seconds` ago: what was counted after it goes.
    last_input = max(now - timedelta(seconds=idle_seconds), tracker.started_at)
    changed: list[Ticket] = []
    if last_input < tracker.last_beat_at and tracker.entry_id is not None:
        _write_entry(tracker, last_input)
        ticket = tracker.ticket
        assert ticket is not None  # _is_open
        changed.append(ticket)
    _close(tracker)
    return changed


def _start(tracker: TimeTracker, ticket: Ticket, tab: str, at: datetime) -> None:
    tracker.ticket = ticket
    tracker.entry = None
    tracker.started_at = at
    tracker.last_beat_at = at
    tracker.tab = tab


def _close(tracker: TimeTracker) -> None:
    tracker.ticket = None
    tracker.entry = None
    tracker.started_at = None
    tracker.last_beat_at = None
    tracker.tab = ""


def _write_entry(tracker: TimeTracker, end: datetime) -> None:
    """The interval's automatic entry, from its start to `end`. Written only once the
    interval holds a second: a single beat (a page opened and left) leaves no row."""
    assert tracker.started_at is not None and tracker.ticket_id is not None
    seconds = _seconds(tracker.started_at, end)
    if tracker.entry_id is not None:
        if seconds:
            TimeEntry.objects.filter(pk=tracker.entry_id).update(
                seconds=seconds, updated_at=timezone.now()
            )
        else:
            TimeEntry.objects.filter(pk=tracker.entry_id).delete()
            tracker.entry = None
        return
    if seconds:
        tracker.entry = TimeEntry.objects.create(
            ticket_id=tracker.ticket_id,
            user_id=tracker.user_id,
            source=TimeSource.AUTOMATIC,
            started_at=tracker.started_at,
            seconds=seconds,
        )
