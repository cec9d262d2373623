"""Service-level attainment of a period: per target, channel, priority, assignee, week.

A target counts in the period it started in. It is *met* when it was reached in time,
*breached* when its time ran out (answered late or not yet), *running* otherwise;
targets dropped (policy changed, ticket merged) do not count. Attainment is met out of
met plus breached. One query per grouping, whatever the number of tickets (the targets
table is read by its `started_at` index)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..models import SlaTarget
from ..tickets.access import require_agent, visible_tickets
from ..tickets.statistics import MAX_PERIOD_DAYS

MET = Q(met_at__isnull=False, breached_at__isnull=True)
BREACHED = Q(breached_at__isnull=False)


@dataclass(frozen=True)
class Counts:
    met: int
    breached: int
    total: int

    @property
    def running(self) -> int:
        return self.total - self.met - self.breached

    @property
    def attainment(self) -> float | None:
        """Share (0 to 1) of the decided targets that were met; None: none decided."""
        decided = self.met + self.breached
        return self.met / decided if decided else None


@dataclass(frozen=True)
class Group:
    key: Any
    counts: Counts


@dataclass(frozen=True)
class SlaAttainment:
    since: datetime
    until: datetime
    channel_id: int | None
    overall: Counts
    by_metric: list[Group]
    by_channel: list[Group]
    by_priority: list[Group]
    by_assignee: list[Group]
    by_week: list[Group]  # key: the Monday of the week (shop's time zone)


def _counts(row: dict[str, Any]) -> Counts:
    return Counts(met=row["met"], breached=row["breached"], total=row["total"])


def _aggregates() -> dict[str, Any]:
    return {
        "met": Count("pk", filter=MET),
        "breached": Count("pk", filter=BREACHED),
        "total": Count("pk"),
    }


def _grouped(targets: QuerySet[SlaTarget], field: str) -> list[Group]:
    rows = targets.order_by().values(field).annotate(**_aggregates())
    groups = [Group(row[field], _counts(row)) for row in rows]
    return sorted(groups, key=lambda g: (g.key is None, str(g.key)))


def sla_attainment(
    actor: Actor, *, since: datetime, until: datetime, channel_id: int | None = None
) -> SlaAttainment:
    """Attainment of the targets started in [since, until] on tickets the actor may
    see (staff with MANAGE_ORDERS: their channels)."""
    require_agent(actor)
    since, until = _aware(since), _aware(until)
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
    if channel_id is not None and not actor.can_access_channel(channel_id):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    tickets = visible_tickets(actor).filter(merged_into__isnull=True)
    if channel_id is not None:
        tickets = tickets.filter(channel_id=channel_id)
    targets = SlaTarget.objects.filter(
        started_at__gte=since,
        started_at__lte=until,
        cancelled_at__isnull=True,
        ticket__in=tickets.values("pk"),
    )
    overall = targets.aggregate(**_aggregates())
    zone = timezone.get_current_timezone()
    weeks = (
        targets.order_by()
        .annotate(week=TruncWeek("started_at", tzinfo=zone))
        .values("week")
        .annotate(**_aggregates())
    )
    by_week = sorted(
        (Group(_day(row["week"]), _counts(row)) for row in weeks), key=lambda g: g.key
    )
    return SlaAttainment(
        since=since,
        until=until,
        channel_id=channel_id,
        overall=_counts(overall),
        by_metric=_grouped(targets, "metric"),
        by_channel=_grouped(targets, "ticket__channel_id"),
        by_priority=_grouped(targets, "ticket__priority_id"),
        by_assignee=_grouped(targets, "ticket__assignee_id"),
        by_week=by_week,
    )


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
