"""Claim ("Annehmen"), assign and unassign."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction

from ..core.actor import Actor, ActorKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.shop_models import user_model
from ..models import Ticket
from ..tickets.access import lock_ticket, require_agent, require_staff_may_open
from ..tickets.policies import is_support_agent
from ..timeline import events
from .common import refuse_merged, touch

if TYPE_CHECKING:
    from ..host.staff_access import StaffAccess


def _check_agent_user(user: Any, field: str) -> None:
    if user is None or not is_support_agent(user):
        raise field_error(
            field,
            "Tickets can be assigned only to active members of the support team.",
            HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
        )


def assign_ticket(
    actor: Actor,
    ticket_id: int,
    user_id: int,
    *,
    assignee_access: "Mapping[int, StaffAccess] | None" = None,
) -> Ticket:
    """`assignee_access`: the host's `staff_access([user_id])`, when the caller assigns
    many tickets to the same user (asked once instead of per ticket)."""
    require_agent(actor)
    user = user_model().objects.filter(pk=user_id).first()
    _check_agent_user(user, "assignee")
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        require_staff_may_open(ticket, user_id, "assignee", assignee_access)
        if ticket.assignee_id == user_id:
            return ticket
        previous = ticket.assignee_id
        ticket.assignee_id = user_id
        touch(ticket, "assignee")
        events.assigned_event(
            ticket=ticket, actor=actor, assignee_id=user_id, previous_id=previous
        )
    return ticket


def claim_ticket(actor: Actor, ticket_id: int) -> Ticket:
    """The acting staff user takes the ticket."""
    require_agent(actor)
    if actor.kind != ActorKind.STAFF or actor.user_id is None:
        raise field_error(
            "id", "Only a staff user can claim a ticket.", HelpdeskErrorCode.INVALID
        )
    _check_agent_user(actor.user, "id")
    return assign_ticket(actor, ticket_id, actor.user_id)


def unassign_ticket(actor: Actor, ticket_id: int) -> Ticket:
    require_agent(actor)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        previous = ticket.assignee_id
        if previous is None:
            return ticket
        ticket.assignee = None
        touch(ticket, "assignee")
        events.unassigned_event(ticket=ticket, actor=actor, previous_id=previous)
    return ticket
