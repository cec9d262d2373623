"""Time entered by hand (a phone call, work away from the Dashboard): added, changed
and removed by the staff user it belongs to, each change a timeline event (staff only,
like the whole timeline). Measured (automatic) time is changed only by heartbeats.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..models import TimeEntry, TimeSource
from ..tickets.access import not_found, visible_tickets
from ..timeline import events
from . import contracts
from .tracking import require_staff_user

MAX_MINUTES = 24 * 60
MAX_NOTE = 2000
# A manual entry may be dated back this far (a forgotten call last month), not ahead.
MAX_AGE_DAYS = 366


def _minutes(value: int) -> int:
    if not 1 <= value <= MAX_MINUTES:
        raise field_error(
            "minutes",
            f"Enter between 1 and {MAX_MINUTES} minutes.",
            HelpdeskErrorCode.INVALID,
        )
    return value


def _note(value: str) -> str:
    note = (value or "").strip()
    if len(note) > MAX_NOTE:
        raise field_error(
            "note",
            f"The note is longer than {MAX_NOTE} characters.",
            HelpdeskErrorCode.BODY_TOO_LONG,
        )
    return note


def _started_at(value: datetime | None, minutes: int, now: datetime) -> datetime:
    if value is None:
        return now - timedelta(minutes=minutes)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value > now:
        raise field_error(
            "started_at",
            "Time cannot be logged for the future.",
            HelpdeskErrorCode.INVALID,
        )
    if now - value > timedelta(days=MAX_AGE_DAYS):
        raise field_error(
            "started_at",
            f"Time can be logged up to {MAX_AGE_DAYS} days back.",
            HelpdeskErrorCode.INVALID,
        )
    return value


def add_time_entry(
    actor: Actor,
    ticket_id: int,
    *,
    minutes: int,
    note: str = "",
    started_at: datetime | None = None,
) -> TimeEntry:
    require_staff_user(actor)
    minutes = _minutes(minutes)
    note = _note(note)
    start = _started_at(started_at, minutes, timezone.now())
    ticket = (
        visible_tickets(actor)
        .select_related("assignee", "customer", "channel")
        .filter(pk=ticket_id)
        .first()
    )
    if ticket is None:
        raise not_found("ticket")
    with transaction.atomic():
        entry = TimeEntry.objects.create(
            ticket=ticket,
            user_id=actor.user_id,
            source=TimeSource.MANUAL,
            started_at=start,
            seconds=minutes * 60,
            note=note,
        )
        events.time_logged_event(
            ticket=ticket, actor=actor, entry_id=entry.pk, minutes=minutes
        )
        contracts.check_budget(ticket)
    return entry


def _own_manual_entry(actor: Actor, entry_id: int) -> TimeEntry:
    """The entry, row-locked, if it is the actor's own manual entry on a ticket they
    see. Another's entry or one on a ticket out of reach is not found."""
    entry = (
        TimeEntry.objects.select_for_update(of=("self",))
        .select_related("ticket")
        .filter(pk=entry_id, ticket__in=visible_tickets(actor).values("pk"))
        .first()
    )
    if entry is None:
        raise field_error("id", "Time entry not found.", HelpdeskErrorCode.NOT_FOUND)
    if entry.user_id != actor.user_id:
        raise HelpdeskPermissionDenied(
            "Only your own time entries can be changed.", "id"
        )
    if entry.source != TimeSource.MANUAL:
        raise field_error(
            "id",
            "Measured time cannot be changed by hand; add a manual entry instead.",
            HelpdeskErrorCode.AUTOMATIC_TIME_ENTRY,
        )
    return entry


def update_time_entry(
    actor: Actor,
    entry_id: int,
    *,
    minutes: int | None = None,
    note: str | None = None,
    started_at: datetime | None = None,
) -> TimeEntry:
    require_staff_user(actor)
    new_minutes = None if minutes is None else _minutes(minutes)
    new_note = None if note is None else _note(note)
    with transaction.atomic():
        entry = _own_manual_entry(actor, entry_id)
        old_minutes = entry.seconds // 60
        if new_minutes is not None:
            entry.seconds = new_minutes * 60
        if new_note is not None:
            entry.note = new_note
        if started_at is not None:
            entry.started_at = _started_at(
                started_at, entry.seconds // 60, timezone.now()
            )
        entry.save()
        events.time_entry_changed_event(
            ticket=entry.ticket,
            actor=actor,
            entry_id=entry.pk,
            old_minutes=old_minutes,
            minutes=entry.seconds // 60,
        )
        contracts.check_budget(entry.ticket)
    return entry


def delete_time_entry(actor: Actor, entry_id: int) -> TimeEntry:
    require_staff_user(actor)
    with transaction.atomic():
        entry = _own_manual_entry(actor, entry_id)
        entry.delete()
        entry.pk = entry_id
        events.time_entry_removed_event(
            ticket=entry.ticket,
            actor=actor,
            entry_id=entry_id,
            minutes=entry.seconds // 60,
        )
        contracts.check_budget(entry.ticket)
    return entry
