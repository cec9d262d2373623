"""Where a target and a ticket stand against their service levels, and the inbox filter
by that state (staff only: the API never shows a customer any of it)."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..core.constants import SlaState
from ..models import SlaTarget, Ticket
from ..models.sla import OPEN_TARGET, RUNNING_TARGET

# A ticket's state is the most urgent of its open targets'.
URGENCY = [SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.PAUSED]


def target_state(target: SlaTarget, now: datetime) -> SlaState | None:
    """None for a dropped target."""
    if target.cancelled_at is not None:
        return None
    if target.met_at is not None:
        return SlaState.BREACHED if target.breached_at else SlaState.MET
    if target.breached_at is not None or (
        target.due_at is not None and target.due_at <= now
    ):
        return SlaState.BREACHED
    if target.running_since is None:
        return SlaState.PAUSED
    if target.at_risk_at is not None and target.at_risk_at <= now:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK


def ticket_state(targets: Iterable[SlaTarget], now: datetime) -> SlaState | None:
    """The most urgent state of the open targets; with none open, MET when a target
    was met; None for a ticket without targets."""
    rows = [t for t in targets if t.cancelled_at is None]
    states = {target_state(t, now) for t in rows if t.met_at is None}
    for state in URGENCY:
        if state in states:
            return state
    return SlaState.MET if rows else None


def _open_targets() -> QuerySet[SlaTarget]:
    return SlaTarget.objects.filter(OPEN_TARGET, ticket_id=OuterRef("pk"))


def state_condition(state: str, now: datetime) -> Q:
    """Tickets in `state`, as the inbox lists them (the same rule as `ticket_state`).
    Breached and on-track read the ticket's `sla_due_at` index; at risk the targets'
    at-risk index."""
    at_risk = Exists(
        SlaTarget.objects.filter(
            RUNNING_TARGET, ticket_id=OuterRef("pk"), at_risk_at__lte=now
        )
    )
    if state == SlaState.BREACHED:
        return Q(sla_due_at__lte=now)
    if state == SlaState.AT_RISK:
        return Q(sla_due_at__gt=now) & Q(at_risk)
    if state == SlaState.ON_TRACK:
        return Q(sla_due_at__gt=now) & ~Q(at_risk)
    if state == SlaState.PAUSED:
        return Q(sla_due_at__isnull=True) & Q(Exists(_open_targets()))
    met = SlaTarget.objects.filter(
        ticket_id=OuterRef("pk"), cancelled_at__isnull=True, met_at__isnull=False
    )
    return Q(sla_due_at__isnull=True) & ~Q(Exists(_open_targets())) & Q(Exists(met))


def filter_by_states(
    queryset: QuerySet[Ticket], states: Iterable[str], now: datetime
) -> QuerySet[Ticket]:
    condition = Q()
    for state in dict.fromkeys(states):
        condition |= state_condition(state, now)
    return queryset.filter(condition)
