"""Forwarding a ticket to a colleague or to an outside address, with a comment."""

from django.db import transaction

from ..content.sanitize import clean_html
from ..core.actor import Actor, ActorKind
from ..core.constants import CommentMedium, CommentVisibility
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.shop_models import user_model
from ..models import Comment, Ticket
from ..notifications.forward import plan_forward_email
from ..tickets.access import lock_ticket, require_agent, require_staff_may_open
from ..tickets.policies import is_support_agent
from ..timeline import events
from .common import author_fields, check_cc, refuse_merged, touch


def forward_ticket(
    actor: Actor,
    ticket_id: int,
    *,
    message: str,
    to_user_id: int | None = None,
    to_email: str | None = None,
) -> Ticket:
    """To a colleague: the ticket is assigned to them with the message as an internal
    note. To an outside address: an internal note records where it went, and the
    message with the public conversation (never internal notes) is written to the
    e-mail outbox in the same transaction, sent after commit
    (`notifications/forward.py`)."""
    require_agent(actor)
    if (to_user_id is None) == (to_email is None):
        raise field_error(
            "to",
            "Forward to a colleague or to an e-mail address.",
            HelpdeskErrorCode.REQUIRED,
        )
    note = clean_html(message or "")
    colleague = None
    if to_user_id is not None:
        colleague = user_model().objects.filter(pk=to_user_id).first()
        if colleague is None or not is_support_agent(colleague):
            raise field_error(
                "to_user",
                "Forward only to active members of the support team.",
                HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
            )
    address = check_cc([to_email], field="to_email")[0] if to_email else None
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if colleague is not None:
            require_staff_may_open(ticket, colleague.pk, "to_user")
        target = colleague.email if colleague else address
        comment = Comment.objects.create(
            ticket=ticket,
            body=f"<p>Forwarded to {target}</p>{note}",
            visibility=CommentVisibility.INTERNAL,
            medium=CommentMedium.DASHBOARD,
            **author_fields(actor),
        )
        events.comment_added_event(ticket=ticket, actor=actor, comment=comment)
        previous = ticket.assignee_id
        if colleague is not None and previous != colleague.pk:
            ticket.assignee = colleague
            touch(ticket, "assignee")
            events.assigned_event(
                ticket=ticket,
                actor=actor,
                assignee_id=colleague.pk,
                previous_id=previous,
            )
        else:
            touch(ticket)
        events.forwarded_event(
            ticket=ticket,
            actor=actor,
            to_user_id=colleague.pk if colleague else None,
            external=address is not None,
        )
        if address is not None:
            plan_forward_email(
                ticket,
                to=address,
                note_html=note,
                agent=actor.user if actor.kind == ActorKind.STAFF else None,
            )
    return ticket
