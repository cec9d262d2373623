"""Each ticket's service-level clocks, kept from its timeline.

`plan_sla` is a side-effect planner (registered in `apps.py`): every timeline event an
action writes reaches it inside the action's transaction, so the clocks move with the
change that moves them and roll back with it. It reacts to:

- `created`: the matching policy's first-response and resolution targets start (paused
  when the initial status pauses);
- a public reply (`comment_added`) by staff or an app meets the open first- and
  next-response targets; a customer's reply, once the first response is met, starts a
  next-response target;
- `status_changed`: into a status that pauses (`TicketStatus.pauses_sla`, the waiting
  group) every open clock pauses, out of it they resume; closing meets the resolution
  target and drops open response targets; reopening resumes the resolution target;
- a new priority or category: the policy is matched again and the open targets take
  the new policy's minutes (time already counted stays counted); a target the new
  policy lacks is dropped;
- `merged`: the merged ticket's open targets are dropped.

A batch of events (bulk changes) costs a bounded number of queries: the targets of
every ticket in it are read (and locked: the periodic check marks breaches
concurrently) in one query, policies, calendars and statuses once each.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Case, DateTimeField, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from ..core.constants import AuthorType, SlaMetric
from ..core.constants import TicketEventType as T
from ..models import Comment, SlaPolicy, SlaTarget, Ticket, TicketEvent, TicketStatus
from ..models.sla import OPEN_TARGET
from .businesstime import Schedule, add_business_time, business_time_between
from .calendars import active_policies, match_policy, schedules_for_channels

HANDLED = {
    T.CREATED,
    T.COMMENT_ADDED,
    T.STATUS_CHANGED,
    T.PRIORITY_CHANGED,
    T.CATEGORY_CHANGED,
    T.MERGED,
}
RESPONSES = (SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE)
REPLYING = (AuthorType.STAFF, AuthorType.APP)
STARTING = (SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION)
CLOCK_FIELDS = [
    "policy",
    "target_minutes",
    "at_risk_percent",
    "consumed_seconds",
    "running_since",
    "paused_at",
    "due_at",
    "at_risk_at",
    "met_at",
    "breached_at",
    "cancelled_at",
]


# --- one target's clock (pure, over the row in memory) ---------------------------------


def consumed(target: SlaTarget, schedule: Schedule, now: datetime) -> timedelta:
    """Business time the target has used up to `now`."""
    used = timedelta(seconds=target.consumed_seconds)
    if target.running_since is not None and target.met_at is None:
        used += business_time_between(schedule, target.running_since, now)
    return used


def _schedule_due(target: SlaTarget, schedule: Schedule) -> None:
    """`due_at` and `at_risk_at` of a running target, from its run start."""
    assert target.running_since is not None
    used = timedelta(seconds=target.consumed_seconds)
    whole = timedelta(minutes=target.target_minutes)
    risk = whole * target.at_risk_percent / 100
    target.due_at = add_business_time(schedule, target.running_since, whole - used)
    target.at_risk_at = add_business_time(schedule, target.running_since, risk - used)


def start(
    target: SlaTarget, schedule: Schedule, now: datetime, *, paused: bool
) -> None:
    target.started_at = now
    target.consumed_seconds = 0
    if paused:
        target.paused_at = now
    else:
        target.running_since = now
        _schedule_due(target, schedule)


def pause(target: SlaTarget, schedule: Schedule, now: datetime) -> None:
    if target.running_since is None:
        return
    target.consumed_seconds = consumed(target, schedule, now).total_seconds()
    target.running_since = None
    target.paused_at = now
    target.due_at = target.at_risk_at = None


def resume(target: SlaTarget, schedule: Schedule, now: datetime) -> None:
    if target.running_since is not None:
        return
    target.running_since = now
    target.paused_at = None
    _schedule_due(target, schedule)


def meet(target: SlaTarget, schedule: Schedule, now: datetime) -> None:
    used = consumed(target, schedule, now)
    target.consumed_seconds = used.total_seconds()
    # Late, though the periodic check has not marked it yet: met, and breached when
    # the time ran out (the check never notifies for a met target).
    if target.breached_at is None and used > timedelta(minutes=target.target_minutes):
        target.breached_at = target.due_at or now
    target.met_at = now
    target.running_since = None
    target.paused_at = None


def retarget(
    target: SlaTarget,
    policy: SlaPolicy,
    minutes: int,
    schedule: Schedule,
    now: datetime,
) -> None:
    """Another policy now applies: the time counted so far stays, the target changes."""
    running = target.running_since is not None
    if running:
        pause(target, schedule, now)
    target.policy = policy
    target.target_minutes = minutes
    target.at_risk_percent = policy.at_risk_percent
    if running:
        resume(target, schedule, now)


def cancel(target: SlaTarget, now: datetime) -> None:
    target.cancelled_at = now
    target.running_since = None
    target.due_at = target.at_risk_at = None


# --- the planner ------------------------------------------------------------------------


def plan_sla(events: Sequence[TicketEvent]) -> None:
    """The side-effect planner: move the clocks of the tickets in `events`."""
    relevant = [event for event in events if event.type in HANDLED]
    if not relevant:
        return
    _Clocks(relevant).run()


def _in_use(ticket_ids: set[int]) -> bool:
    """Whether an active policy exists or one of the tickets has an open target, in
    one query (a shop without service levels pays only this per change)."""
    policies = SlaPolicy.objects.filter(is_active=True).values("pk")
    targets = SlaTarget.objects.filter(OPEN_TARGET, ticket_id__in=ticket_ids).values(
        "pk"
    )
    return bool(list(policies.union(targets, all=True)[:1]))


class _Clocks:
    def __init__(self, events: list[TicketEvent]) -> None:
        self.events = sorted(events, key=lambda e: (e.date or timezone.now(), e.pk))
        self.ticket_ids = {e.ticket_id for e in events}
        self.tickets: dict[int, Ticket] = {}
        for event in events:
            self.tickets.setdefault(event.ticket_id, event.ticket)
        self.open: dict[int, dict[str, SlaTarget]] = defaultdict(dict)
        self.changed: dict[int, SlaTarget] = {}
        self.new: list[SlaTarget] = []

    def _load(self) -> bool:
        """Read what the clocks need; False when service levels are not in use for
        these tickets (no active policy, no open target): then it costs one query."""
        if not _in_use(self.ticket_ids):
            return False
        self.policies = active_policies()
        for target in (
            SlaTarget.objects.select_for_update()
            .filter(OPEN_TARGET, ticket_id__in=self.ticket_ids)
            .order_by("pk")
        ):
            self.open[target.ticket_id][target.metric] = target
        # The fields the clocks read, fresh from the database (a batch's tickets in
        # memory may be older copies); one query.
        fresh = Ticket.objects.filter(pk__in=self.ticket_ids).only(
            "pk",
            "priority_id",
            "channel_id",
            "kind",
            "category_id",
            "status_id",
            "first_response_at",
        )
        self.state = {row.pk: row for row in fresh}
        self.schedules = schedules_for_channels(
            row.channel_id for row in self.state.values()
        )
        self.statuses = {s.slug: s for s in TicketStatus.objects.all()}
        self.comments = self._comments()
        return True

    def _comments(self) -> dict[int, Any]:
        wanted = {}
        for event in self.events:
            if event.type != T.COMMENT_ADDED:
                continue
            comment = getattr(event, "helpdesk_comment", None)
            pk = event.parameters.get("comment_id")
            if comment is not None:
                wanted[pk] = comment.author_type
            elif pk is not None:
                wanted[pk] = None
        missing = [pk for pk, kind in wanted.items() if kind is None]
        if missing:
            wanted.update(
                Comment.objects.filter(pk__in=missing).values_list("pk", "author_type")
            )
        return wanted

    def _policy(self, ticket: Ticket) -> SlaPolicy | None:
        return match_policy(ticket, self.policies)

    def _touch(self, target: SlaTarget) -> None:
        if target.pk is not None:
            self.changed[target.pk] = target

    def _schedule(self, ticket: Ticket) -> Schedule:
        return self.schedules.get(ticket.channel_id, self.schedules[None])

    def _paused(self, ticket: Ticket) -> bool:
        status = next(
            (s for s in self.statuses.values() if s.pk == ticket.status_id), None
        )
        return bool(status and status.pauses_sla)

    def _start(self, ticket: Ticket, metric: str, now: datetime) -> None:
        policy = self._policy(ticket)
        minutes = policy.minutes_for(metric) if policy else None
        if policy is None or minutes is None or metric in self.open[ticket.pk]:
            return
        target = SlaTarget(
            ticket_id=ticket.pk,
            metric=metric,
            policy=policy,
            target_minutes=minutes,
            at_risk_percent=policy.at_risk_percent,
        )
        start(target, self._schedule(ticket), now, paused=self._paused(ticket))
        self.open[ticket.pk][metric] = target
        self.new.append(target)

    def _close(self, ticket_id: int, metric: str) -> SlaTarget | None:
        target = self.open[ticket_id].pop(metric, None)
        if target is not None:
            self._touch(target)
        return target

    def run(self) -> None:
        if not self._load():
            return
        for event in self.events:
            ticket = self.state.get(event.ticket_id)
            if ticket is None:
                continue
            self._apply(event, ticket, event.date or timezone.now())
        self._save()

    def _apply(self, event: TicketEvent, ticket: Ticket, now: datetime) -> None:
        schedule = self._schedule(ticket)
        targets = self.open[ticket.pk]
        if event.type == T.CREATED:
            for metric in STARTING:
                self._start(ticket, metric, now)
        elif event.type == T.COMMENT_ADDED:
            author = self.comments.get(event.parameters.get("comment_id"))
            if author in REPLYING:
                for metric in RESPONSES:
                    if metric in targets:
                        meet(targets[metric], schedule, now)
                        self._close(ticket.pk, metric)
            elif author == AuthorType.CUSTOMER and not self._awaits_first(ticket):
                self._start(ticket, SlaMetric.NEXT_RESPONSE, now)
        elif event.type == T.STATUS_CHANGED:
            self._status(event, ticket, schedule, now)
        elif event.type in (T.PRIORITY_CHANGED, T.CATEGORY_CHANGED):
            self._rematch(ticket, schedule, now)
        elif event.type == T.MERGED:
            for name in list(targets):
                cancel(targets[name], now)
                self._close(ticket.pk, name)

    def _awaits_first(self, ticket: Ticket) -> bool:
        """Whether no one of the shop has answered yet: a customer's message then
        starts nothing new (the first response answers it, and the ticket's own first
        message is one of these)."""
        return ticket.first_response_at is None

    def _status(
        self, event: TicketEvent, ticket: Ticket, schedule: Schedule, now: datetime
    ) -> None:
        old = self.statuses.get(event.parameters.get("old", ""))
        new = self.statuses.get(event.parameters.get("new", ""))
        if new is None:
            return
        ticket.status_id = new.pk
        targets = self.open[ticket.pk]
        if new.is_closed:
            if SlaMetric.RESOLUTION in targets:
                meet(targets[SlaMetric.RESOLUTION], schedule, now)
                self._close(ticket.pk, SlaMetric.RESOLUTION)
            for metric in RESPONSES:
                if metric in targets:
                    cancel(targets[metric], now)
                    self._close(ticket.pk, metric)
            return
        if old is not None and old.is_closed:
            self._reopen(ticket, schedule, now)
        for target in targets.values():
            if new.pauses_sla:
                pause(target, schedule, now)
            else:
                resume(target, schedule, now)
            self._touch(target)

    def _reopen(self, ticket: Ticket, schedule: Schedule, now: datetime) -> None:
        """The resolution target met at the close counts on (paused in between)."""
        last = (
            SlaTarget.objects.select_for_update()
            .filter(
                ticket_id=ticket.pk,
                metric=SlaMetric.RESOLUTION,
                cancelled_at__isnull=True,
                met_at__isnull=False,
            )
            .order_by("-started_at", "-pk")
            .first()
        )
        if last is None:
            self._start(ticket, SlaMetric.RESOLUTION, now)
            return
        last.met_at = None
        last.paused_at = now
        self.open[ticket.pk][SlaMetric.RESOLUTION] = last
        self.changed[last.pk] = last

    def _rematch(self, ticket: Ticket, schedule: Schedule, now: datetime) -> None:
        policy = self._policy(ticket)
        for metric, target in list(self.open[ticket.pk].items()):
            minutes = policy.minutes_for(metric) if policy else None
            if policy is None or minutes is None:
                cancel(target, now)
                self._close(ticket.pk, metric)
            elif target.policy_id != policy.pk or target.target_minutes != minutes:
                retarget(target, policy, minutes, schedule, now)
                self._touch(target)

    def _save(self) -> None:
        if self.changed:
            SlaTarget.objects.bulk_update(list(self.changed.values()), CLOCK_FIELDS)
        if self.new:
            SlaTarget.objects.bulk_create(self.new)
        refresh_due(self.state)
        for pk, row in self.state.items():
            held = self.tickets.get(pk)
            if held is not None:
                held.sla_due_at = row.sla_due_at


def refresh_due(tickets: dict[int, Ticket]) -> None:
    """Write each ticket's `sla_due_at` (earliest due of its running targets) in one
    UPDATE, and set it on the rows given."""
    if not tickets:
        return
    due: dict[int, datetime | None] = {pk: None for pk in tickets}
    for ticket_id, due_at in SlaTarget.objects.filter(
        OPEN_TARGET,
        ticket_id__in=list(tickets),
        running_since__isnull=False,
        due_at__isnull=False,
    ).values_list("ticket_id", "due_at"):
        current = due[ticket_id]
        if current is None or (due_at is not None and due_at < current):
            due[ticket_id] = due_at
    # Cast: a CASE of nothing but NULLs is text to PostgreSQL.
    Ticket.objects.filter(pk__in=list(tickets)).update(
        sla_due_at=Cast(
            Case(
                *[
                    When(pk=pk, then=Value(value, output_field=DateTimeField()))
                    for pk, value in due.items()
                ],
                default=None,
                output_field=DateTimeField(),
            ),
            DateTimeField(),
        )
    )
    for pk, value in due.items():
        tickets[pk].sla_due_at = value


def start_clocks_at(ticket: Ticket, at: datetime, now: datetime | None = None) -> int:
    """Give a ticket without targets the targets of its policy as if they had started
    at `at` (for tickets that existed before service levels were configured, and the
    demo). A first response the ticket already has meets its target; a closed ticket
    gets none; the clocks run (or stand, in a pausing status) from `at`. Returns how
    many targets were written. The caller holds the ticket (or owns the data)."""
    now = now or timezone.now()
    if ticket.closed_at is not None or ticket.merged_into_id is not None:
        return 0
    if SlaTarget.objects.filter(ticket_id=ticket.pk).exists():
        return 0
    policy = match_policy(ticket, active_policies())
    if policy is None:
        return 0
    schedule = schedules_for_channels([ticket.channel_id])[ticket.channel_id]
    paused = TicketStatus.objects.filter(pk=ticket.status_id, pauses_sla=True).exists()
    rows = []
    for metric in STARTING:
        minutes = policy.minutes_for(metric)
        if minutes is None:
            continue
        target = SlaTarget(
            ticket_id=ticket.pk,
            metric=metric,
            policy=policy,
            target_minutes=minutes,
            at_risk_percent=policy.at_risk_percent,
        )
        start(target, schedule, at, paused=paused)
        if metric == SlaMetric.FIRST_RESPONSE and ticket.first_response_at:
            meet(target, schedule, max(ticket.first_response_at, at))
        rows.append(target)
    SlaTarget.objects.bulk_create(rows)
    refresh_due({ticket.pk: ticket})
    return len(rows)
