"""Which calendar and which policy apply to a ticket (readers, no writes)."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..models import BusinessCalendar, BusinessCalendarChannel, SlaPolicy
from .businesstime import ALWAYS_OPEN, Schedule, check_time_zone, parse_hours


def schedule_of(calendar: BusinessCalendar | None) -> Schedule:
    """The calendar as arithmetic; no calendar at all counts every hour (24/7)."""
    if calendar is None:
        return ALWAYS_OPEN
    return Schedule(
        time_zone=check_time_zone(calendar.time_zone),
        hours=parse_hours(calendar.hours),
        holiday_country=calendar.holiday_country,
        holiday_subdivision=calendar.holiday_subdivision,
        closed_dates=frozenset(_dates(calendar.closed_dates)),
    )


def _dates(values: Iterable[Any]) -> Iterable[date]:
    for value in values or ():
        yield value if isinstance(value, date) else date.fromisoformat(str(value))


def schedules_for_channels(
    channel_ids: Iterable[int | None],
) -> dict[int | None, Schedule]:
    """Each channel's schedule: its own calendar, else the shop's default calendar,
    else always open. Two queries, whatever the number of channels."""
    wanted = {pk for pk in channel_ids if pk is not None}
    links = {
        link.channel_id: link.calendar
        for link in BusinessCalendarChannel.objects.filter(
            channel_id__in=wanted
        ).select_related("calendar")
    }
    default = BusinessCalendar.objects.filter(is_default=True).first()
    shop = schedule_of(default)
    out: dict[int | None, Schedule] = {None: shop}
    for pk in wanted:
        out[pk] = schedule_of(links[pk]) if pk in links else shop
    return out


def active_policies() -> list[SlaPolicy]:
    return list(SlaPolicy.objects.filter(is_active=True).order_by("position", "pk"))


def match_policy(ticket: Any, policies: Iterable[SlaPolicy]) -> SlaPolicy | None:
    """The first policy (in the given order) whose set criteria all equal the ticket's."""
    for policy in policies:
        if policy.priority_id is not None and policy.priority_id != ticket.priority_id:
            continue
        if policy.channel_id is not None and policy.channel_id != ticket.channel_id:
            continue
        if policy.kind and policy.kind != ticket.kind:
            continue
        if policy.category_id is not None and policy.category_id != ticket.category_id:
            continue
        return policy
    return None
