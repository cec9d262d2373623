"""Ticket statistics for a period and channel: counts, response and resolution times,
daily volume. Every number is computed by PostgreSQL (`COUNT … FILTER`, `GROUP BY`,
`percentile_cont … WITHIN GROUP`); Python only puts the few result rows in order and
fills days without tickets with zeros, so the work does not grow with the tickets.

What is counted:

- the tickets *created* in the period (`since <= created_at <= until`) that the caller
  may see, in one channel if asked; a duplicate merged into another ticket is not
  counted (it lives on as the ticket it was merged into, as in the ticket list);
- response and resolution times of those tickets: `created_at → first_response_at`
  and `created_at → resolved_at`, over the tickets that have the second moment;
- per day, the tickets created and the tickets closed that day (closed in the period,
  whenever they were created). A reopened ticket is closed again only when it closes.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db.models import Count, F, FloatField, Func, Q, QuerySet
from django.db.models.aggregates import Aggregate
from django.db.models.functions import TruncDate
from django.utils import timezone

from ..core.actor import Actor
from ..core.constants import ComplaintReason, StatusGroup, TicketKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..host.shop_models import user_model
from ..models import Category, Ticket, TicketLine, TicketStatus
from .access import require_agent, visible_tickets

MAX_PERIOD_DAYS = 366


class Seconds(Func):
    """Seconds from the first moment to the second, as a float (NULL if either is)."""

    template = "EXTRACT(EPOCH FROM (%(expressions)s))::double precision"
    arg_joiner = " - "
    output_field = FloatField()

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(end, start)


class Percentiles(Aggregate):
    """PostgreSQL's `percentile_cont(ARRAY[fractions]) WITHIN GROUP (ORDER BY
    expression)`: the interpolated percentiles of the non-NULL values in one sort (one
    aggregate per fraction sorts the values once each), NULL when there are none."""

    function = "PERCENTILE_CONT"
    name = "Percentiles"
    template = (
        "%(function)s(ARRAY[%(fractions)s]) WITHIN GROUP (ORDER BY %(expressions)s)"
    )
    output_field = ArrayField(FloatField())

    def __init__(self, expression: Any, fractions: list[float], **extra: Any) -> None:
        values = [float(fraction) for fraction in fractions]
        if not values or not all(0.0 <= value <= 1.0 for value in values):
            raise ValueError("A percentile fraction lies between 0 and 1.")
        # Floats formatted by Python, never caller text: safe inside the SQL.
        super().__init__(
            expression,
            fractions=", ".join(f"{value!r}::double precision" for value in values),
            **extra,
        )


@dataclass(frozen=True)
class Durations:
    """Seconds between two moments of a ticket, over `count` tickets."""

    median: float | None
    p90: float | None
    count: int


@dataclass(frozen=True)
class StatusCount:
    status: TicketStatus
    count: int


@dataclass(frozen=True)
class GroupCount:
    group: str
    count: int


@dataclass(frozen=True)
class KindCount:
    kind: str
    count: int


@dataclass(frozen=True)
class CategoryCount:
    category: Category | None  # None: tickets without a category
    count: int


@dataclass(frozen=True)
class ReasonCount:
    reason: str
    lines: int  # complained lines with this reason
    tickets: int  # complaints with at least one such line


@dataclass(frozen=True)
class AssigneeCount:
    assignee: Any  # the host's user; None: unassigned
    count: int


@dataclass(frozen=True)
class DayVolume:
    date: date
    created: int
    closed: int


@dataclass(frozen=True)
class TicketStatistics:
    since: datetime
    until: datetime
    channel_id: int | None
    total: int
    by_status: list[StatusCount]
    by_status_group: list[GroupCount]
    by_kind: list[KindCount]
    by_category: list[CategoryCount]
    by_reason: list[ReasonCount]
    by_assignee: list[AssigneeCount]
    first_response_time: Durations
    resolution_time: Durations
    volume: list[DayVolume]


def ticket_statistics(
    actor: Actor,
    *,
    since: datetime,
    until: datetime,
    channel_id: int | None = None,
) -> TicketStatistics:
    """Statistics of the tickets the actor may see (staff with MANAGE_ORDERS: their
    channels), created between `since` and `until` (both inclusive)."""
    require_agent(actor)
    since, until = _aware(since), _aware(until)
    _check_period(since, until)
    if channel_id is not None and not actor.can_access_channel(channel_id):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )

    scope = visible_tickets(actor).filter(merged_into__isnull=True)
    if channel_id is not None:
        scope = scope.filter(channel_id=channel_id)
    created = scope.filter(created_at__gte=since, created_at__lte=until)

    totals = _totals(created)
    by_status = _by_status(created)
    return TicketStatistics(
        since=since,
        until=until,
        channel_id=channel_id,
        total=totals["total"],
        by_status=by_status,
        by_status_group=_by_group(by_status),
        by_kind=[KindCount(kind, totals[f"kind_{kind}"]) for kind in TicketKind.values],
        by_category=_by_category(created),
        by_reason=_by_reason(created),
        by_assignee=_by_assignee(created),
        first_response_time=_durations(
            totals["first_response"], totals["first_response_count"]
        ),
        resolution_time=_durations(totals["resolution"], totals["resolution_count"]),
        volume=_volume(scope, created, since, until),
    )


def _durations(percentiles: list[float] | None, count: int) -> Durations:
    """The median and p90 of `Percentiles(..., [0.5, 0.9])`: NULL without values."""
    median, p90 = percentiles or (None, None)
    return Durations(median, p90, count)


def _aware(moment: datetime) -> datetime:
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _check_period(since: datetime, until: datetime) -> None:
    if until < since:
        raise field_error(
            "period",
            "The period ends before it starts.",
            HelpdeskErrorCode.INVALID_PERIOD,
        )
    if until - since > timedelta(days=MAX_PERIOD_DAYS):
        raise field_error(
            "period",
            f"The period is longer than {MAX_PERIOD_DAYS} days.",
            HelpdeskErrorCode.PERIOD_TOO_LONG,
        )


def _totals(created: QuerySet[Ticket]) -> dict[str, Any]:
    """One query: the total, the count per kind and both duration statistics."""
    first_response = Seconds(F("created_at"), F("first_response_at"))
    resolution = Seconds(F("created_at"), F("resolved_at"))
    return created.aggregate(
        total=Count("pk"),
        **{
            f"kind_{kind}": Count("pk", filter=Q(kind=kind))
            for kind in TicketKind.values
        },
        first_response=Percentiles(first_response, [0.5, 0.9]),
        first_response_count=Count("first_response_at"),
        resolution=Percentiles(resolution, [0.5, 0.9]),
        resolution_count=Count("resolved_at"),
    )


def _grouped(queryset: QuerySet[Any], field: str) -> dict[Any, int]:
    rows = queryset.order_by().values(field).annotate(count=Count("pk"))
    return {row[field]: row["count"] for row in rows}


def _by_status(created: QuerySet[Ticket]) -> list[StatusCount]:
    """Every active status in workflow order (zeros included), and inactive ones that
    still hold tickets."""
    counts = _grouped(created, "status_id")
    return [
        StatusCount(status, counts.get(status.pk, 0))
        for status in TicketStatus.objects.order_by("position", "pk")
        if status.is_active or counts.get(status.pk)
    ]


def _by_group(by_status: Iterable[StatusCount]) -> list[GroupCount]:
    counts: Counter[str] = Counter()
    for row in by_status:
        counts[row.status.group] += row.count
    return [GroupCount(group, counts[group]) for group in StatusGroup.values]


def _most_first(counts: dict[Any, int]) -> list[tuple[Any, int]]:
    # Largest count first; ties by ID; the "none" bucket (key None) last among equals.
    return sorted(
        counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or 0)
    )


def _by_category(created: QuerySet[Ticket]) -> list[CategoryCount]:
    """Categories that hold tickets, most first; `None` for tickets without one."""
    counts = _grouped(created, "category_id")
    categories = Category.objects.in_bulk([pk for pk in counts if pk is not None])
    return [
        CategoryCount(categories.get(pk) if pk is not None else None, count)
        for pk, count in _most_first(counts)
    ]


def _by_assignee(created: QuerySet[Ticket]) -> list[AssigneeCount]:
    """Assignees that hold tickets, most first; `None` for unassigned tickets."""
    counts = _grouped(created, "assignee_id")
    users = user_model().objects.in_bulk([pk for pk in counts if pk is not None])
    return [
        AssigneeCount(users.get(pk) if pk is not None else None, count)
        for pk, count in _most_first(counts)
    ]


def _by_reason(created: QuerySet[Ticket]) -> list[ReasonCount]:
    """Complaint reasons of the complained lines, every reason (zeros included): how
    many lines name it and on how many complaints."""
    rows = (
        TicketLine.objects.filter(
            ticket__in=created.filter(kind=TicketKind.COMPLAINT).values("pk")
        )
        .order_by()
        .values("reason")
        .annotate(lines=Count("pk"), tickets=Count("ticket_id", distinct=True))
    )
    counts = {row["reason"]: (row["lines"], row["tickets"]) for row in rows}
    return [
        ReasonCount(reason, *counts.get(reason, (0, 0)))
        for reason in ComplaintReason.values
    ]


def _volume(
    scope: QuerySet[Ticket],
    created: QuerySet[Ticket],
    since: datetime,
    until: datetime,
) -> list[DayVolume]:
    """Every day of the period (in the shop's time zone), with the tickets created and
    closed on it; days without either are zeros."""
    zone = timezone.get_current_timezone()
    created_per_day = _per_day(created, "created_at", zone)
    closed_per_day = _per_day(
        scope.filter(closed_at__gte=since, closed_at__lte=until), "closed_at", zone
    )
    first = timezone.localtime(since, zone).date()
    last = timezone.localtime(until, zone).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [
        DayVolume(day, created_per_day.get(day, 0), closed_per_day.get(day, 0))
        for day in days
    ]


def _per_day(queryset: QuerySet[Ticket], field: str, zone: Any) -> dict[date, int]:
    rows = (
        queryset.order_by()
        .annotate(day=TruncDate(field, tzinfo=zone))
        .values("day")
        .annotate(count=Count("pk"))
    )
    return {row["day"]: row["count"] for row in rows}
