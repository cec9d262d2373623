"""Ticket statuses and their transitions, kept as data (`TicketStatus`,
`StatusTransition`), and the one function that moves a ticket between them."""

from django.db.models import QuerySet
from django.utils import timezone

from ..core.actor import Actor, ActorKind
from ..core.constants import StatusGroup
from ..core.errors import InvalidTransition
from ..models import StatusTransition, Ticket, TicketStatus
from ..timeline.events import closed_event, reopened_event, status_changed_event


def closed_status() -> TicketStatus:
    """The status a close moves to: the first active one in the closed group."""
    return TicketStatus.objects.filter(
        group=StatusGroup.CLOSED, is_active=True
    ).order_by("position", "pk")[0]


def reopen_status() -> TicketStatus:
    """Where a reopened ticket lands: the first active open-group status."""
    return TicketStatus.objects.filter(group=StatusGroup.OPEN, is_active=True).order_by(
        "position", "pk"
    )[0]


def _role_filter(actor: Actor) -> dict[str, bool]:
    # An automation rule acts for the staff who configured it (issue 14): it moves
    # tickets along the staff's transitions, not the system's few automatic ones.
    if actor.kind == ActorKind.SYSTEM and actor.rule_id is None:
        return {"system_allowed": True}
    if actor.is_customer_side:
        return {"customer_allowed": True}
    return {"staff_allowed": True}


def allowed_targets(status: TicketStatus, actor: Actor) -> QuerySet[TicketStatus]:
    targets = StatusTransition.objects.filter(source=status, **_role_filter(actor))
    return TicketStatus.objects.filter(
        pk__in=targets.values("target_id"), is_active=True
    )


def check_transition(source: TicketStatus, target: TicketStatus, actor: Actor) -> None:
    allowed = (
        target.is_active
        and StatusTransition.objects.filter(
            source=source, target=target, **_role_filter(actor)
        ).exists()
    )
    if not allowed:
        raise InvalidTransition(source.slug, target.slug)


def set_status(ticket: Ticket, target: TicketStatus, actor: Actor) -> TicketStatus:
    """Move a ticket (locked by the caller) to `target`, record it, keep the clocks.

    Returns the previous status. Raises `InvalidTransition` when the workflow has no such
    move for this actor.
    """
    old = ticket.status
    check_transition(old, target, actor)
    now = timezone.now()
    ticket.status = target
    ticket.last_activity_at = now
    if target.is_closed:
        ticket.closed_at = now
        ticket.resolved_at = ticket.resolved_at or now
    elif old.is_closed:
        ticket.closed_at = None
        ticket.resolved_at = None
    ticket.save(
        update_fields=[
            "status",
            "closed_at",
            "resolved_at",
            "last_activity_at",
            "updated_at",
        ]
    )
    status_changed_event(ticket=ticket, actor=actor, old=old, new=target)
    if target.is_closed:
        closed_event(ticket=ticket, actor=actor, old=old)
    elif old.is_closed:
        reopened_event(ticket=ticket, actor=actor, new=target)
    return old
