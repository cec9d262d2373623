"""Time statistics of a period: the time entries that started in it, in total and per
agent, channel and category, over the tickets the caller sees (staff with
MANAGE_ORDERS: their channels). Three grouped queries, whatever the number of entries.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet, Sum

from ..core.actor import Actor
from ..core.errors import HelpdeskPermissionDenied
from ..models import TimeEntry
from ..tickets.access import require_agent, visible_tickets
from ..tickets.statistics import _aware, _check_period


@dataclass(frozen=True)
class TimeGroup:
    key: int | None
    seconds: int
    entries: int


@dataclass(frozen=True)
class TimeStatistics:
    since: datetime
    until: datetime
    channel_id: int | None
    total_seconds: int
    entries: int
    by_agent: list[TimeGroup]
    by_channel: list[TimeGroup]
    by_category: list[TimeGroup]


def entries_in_period(
    actor: Actor, since: datetime, until: datetime, channel_id: int | None = None
) -> QuerySet[TimeEntry]:
    """The time entries of the period the actor may see (checked: period, channel)."""
    require_agent(actor)
    since, until = _aware(since), _aware(until)
    _check_period(since, until)
    if channel_id is not None and not actor.can_access_channel(channel_id):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    tickets = visible_tickets(actor)
    if channel_id is not None:
        tickets = tickets.filter(channel_id=channel_id)
    return TimeEntry.objects.filter(
        started_at__gte=since,
        started_at__lte=until,
        ticket__in=tickets.values("pk"),
    )


def _grouped(entries: QuerySet[TimeEntry], field: str) -> list[TimeGroup]:
    rows = (
        entries.values(field)
        .annotate(seconds=Sum("seconds"), count=Count("pk"))
        .order_by("-seconds", field)
    )
    return [TimeGroup(row[field], row["seconds"], row["count"]) for row in rows]


def time_statistics(
    actor: Actor, *, since: datetime, until: datetime, channel_id: int | None = None
) -> TimeStatistics:
    entries = entries_in_period(actor, since, until, channel_id)
    by_agent = _grouped(entries, "user_id")
    return TimeStatistics(
        since=_aware(since),
        until=_aware(until),
        channel_id=channel_id,
        total_seconds=sum(group.seconds for group in by_agent),
        entries=sum(group.entries for group in by_agent),
        by_agent=by_agent,
        by_channel=_grouped(entries, "ticket__channel_id"),
        by_category=_grouped(entries, "ticket__category_id"),
    )
