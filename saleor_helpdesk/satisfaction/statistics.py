"""Satisfaction figures of a period: count, average score, the distribution over 1 to 5
and the CSAT (the share of 4s and 5s, in percent), overall and per agent, channel and
week or month. PostgreSQL counts (`COUNT … FILTER`, `GROUP BY`): one query per
grouping, however many ratings.

What is counted: the ratings *recorded* in the period (`since <= created_at <= until`),
in the channels the caller works in (one channel if asked); per agent and channel as
they were when the rating was recorded (the rating keeps them), so reassigning a
ticket later does not move its rating to another agent.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Avg, Count, DateTimeField, Q, QuerySet
from django.db.models.functions import Trunc
from django.utils import timezone

from ..core.actor import Actor
from ..core.errors import HelpdeskPermissionDenied
from ..models import SatisfactionRating
from ..models.satisfaction import MAX_SCORE, MIN_SCORE
from ..tickets.access import require_agent
from ..tickets.statistics import _aware, _check_period

SCORES = range(MIN_SCORE, MAX_SCORE + 1)
SATISFIED = frozenset({4, 5})
INTERVALS = ("week", "month")


@dataclass(frozen=True)
class RatingSummary:
    count: int
    average: float | None
    # How many ratings gave 1, 2, 3, 4 and 5.
    distribution: tuple[int, ...]

    @property
    def csat(self) -> float | None:
        """Percent of ratings that are 4 or 5; None without ratings."""
        if not self.count:
            return None
        satisfied = sum(self.distribution[score - MIN_SCORE] for score in SATISFIED)
        return round(100 * satisfied / self.count, 1)


EMPTY = RatingSummary(0, None, (0,) * len(SCORES))


@dataclass(frozen=True)
class AgentRatings:
    agent_id: int | None
    summary: RatingSummary


@dataclass(frozen=True)
class ChannelRatings:
    channel_id: int | None
    summary: RatingSummary


@dataclass(frozen=True)
class PeriodRatings:
    start: date
    summary: RatingSummary


@dataclass(frozen=True)
class SatisfactionStatistics:
    since: datetime
    until: datetime
    channel_id: int | None
    interval: str
    overall: RatingSummary
    by_agent: list[AgentRatings]
    by_channel: list[ChannelRatings]
    by_period: list[PeriodRatings]


def _aggregates() -> dict[str, Any]:
    figures: dict[str, Any] = {"n": Count("pk"), "average": Avg("score")}
    for score in SCORES:
        figures[f"s{score}"] = Count("pk", filter=Q(score=score))
    return figures


def _summary(row: dict[str, Any]) -> RatingSummary:
    average = row["average"]
    return RatingSummary(
        count=row["n"],
        average=round(float(average), 2) if average is not None else None,
        distribution=tuple(row[f"s{score}"] for score in SCORES),
    )


def _grouped(ratings: QuerySet[Any], field: str) -> list[tuple[Any, RatingSummary]]:
    rows = ratings.values(field).annotate(**_aggregates()).order_by()
    return [(row[field], _summary(row)) for row in rows]


def _period_start(moment: datetime, interval: str) -> date:
    day = timezone.localtime(moment).date()
    if interval == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_start(start: date, interval: str) -> date:
    if interval == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def _by_period(
    ratings: QuerySet[Any], since: datetime, until: datetime, interval: str
) -> list[PeriodRatings]:
    """Every week (Monday) or month of the period, in the shop's time zone, with
    zeros where nothing was rated, so a chart shows the gaps."""
    zone = timezone.get_current_timezone()
    found = {
        timezone.localtime(start, zone).date(): summary
        for start, summary in _grouped(
            ratings.annotate(
                start=Trunc(
                    "created_at", interval, output_field=DateTimeField(), tzinfo=zone
                )
            ),
            "start",
        )
    }
    periods = []
    start = _period_start(since, interval)
    last = _period_start(until, interval)
    while start <= last:
        periods.append(PeriodRatings(start, found.get(start, EMPTY)))
        start = _next_start(start, interval)
    return periods


def _most_first(items: list[tuple[Any, RatingSummary]]) -> list[tuple[Any, Any]]:
    return sorted(items, key=lambda item: (-item[1].count, item[0] is None, item[0]))


def satisfaction_statistics(
    actor: Actor,
    *,
    since: datetime,
    until: datetime,
    channel_id: int | None = None,
    interval: str = "month",
) -> SatisfactionStatistics:
    """The ratings recorded between `since` and `until` (both inclusive) that the
    actor may see: staff with MANAGE_ORDERS, over their channels."""
    require_agent(actor)
    since, until = _aware(since), _aware(until)
    _check_period(since, until)
    if interval not in INTERVALS:
        raise ValueError(f"Unknown interval {interval!r}.")
    if channel_id is not None and not actor.can_access_channel(channel_id):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    ratings = SatisfactionRating.objects.filter(
        created_at__gte=since, created_at__lte=until
    )
    if actor.channel_ids is not None:
        ratings = ratings.filter(channel_id__in=actor.channel_ids)
    if channel_id is not None:
        ratings = ratings.filter(channel_id=channel_id)
    overall = _summary(ratings.aggregate(**_aggregates()))
    return SatisfactionStatistics(
        since=since,
        until=until,
        channel_id=channel_id,
        interval=interval,
        overall=overall,
        by_agent=[
            AgentRatings(pk, summary)
            for pk, summary in _most_first(_grouped(ratings, "agent_id"))
        ],
        by_channel=[
            ChannelRatings(pk, summary)
            for pk, summary in _most_first(_grouped(ratings, "channel_id"))
        ],
        by_period=_by_period(ratings, since, until, interval),
    )
