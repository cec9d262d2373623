"""The merchant's decision on a complaint."""

from django.db import transaction
from django.utils import timezone

from ..content.sanitize import clean_html
from ..core.actor import Actor
from ..core.constants import ComplaintDecision
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Complaint, Ticket
from ..tickets.access import lock_ticket, require_agent
from ..timeline import events
from .common import touch


def decide_complaint(
    actor: Actor, ticket_id: int, decision: str, note: str = ""
) -> Ticket:
    require_agent(actor)
    if (
        decision not in ComplaintDecision.values
        or decision == ComplaintDecision.PENDING
    ):
        raise field_error("decision", "Choose a decision.", HelpdeskErrorCode.INVALID)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        complaint = Complaint.objects.select_for_update().filter(ticket=ticket).first()
        if complaint is None:
            raise field_error(
                "id",
                "This ticket is not a complaint.",
                HelpdeskErrorCode.NOT_A_COMPLAINT,
            )
        complaint.decision = decision
        complaint.decision_note = clean_html(note)
        complaint.decided_at = timezone.now()
        complaint.decided_by = actor.user if actor.user_id else None
        complaint.save()
        touch(ticket)
        events.complaint_decided_event(ticket=ticket, actor=actor, decision=decision)
    return ticket
