"""Staff deciding on e-mails the intake did not take in by itself: a reply from an
address the ticket does not know (kept as an internal note), and a message held
because its sender opened too many tickets within an hour.

Accepting an unverified reply publishes the note as the customer-side message it
claims to be (the customer's thread shows it; staff are told as for any customer
reply) and adds the sender to the ticket's CC, so their next mail is taken in
directly. Rejecting leaves the note internal. Accepting a held message takes it in now.
"""

from django.db import transaction
from django.utils import timezone

from ..core.actor import Actor
from ..core.constants import AuthorType, CommentVisibility
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..models import InboundEmail, InboundStatus
from ..tickets.access import lock_ticket, require_agent, visible_tickets
from ..timeline import events
from .common import MAX_CC, touch
from .inbound import take_in_again

REVIEWABLE = (InboundStatus.UNVERIFIED, InboundStatus.HELD, InboundStatus.MALFORMED)


def accept_inbound_email(actor: Actor, inbound_id: int) -> InboundEmail:
    require_agent(actor)
    with transaction.atomic():
        row = _locked(actor, inbound_id)
        if row.status == InboundStatus.UNVERIFIED:
            _publish(actor, row)
        elif row.status == InboundStatus.HELD:
            take_in_again(row, actor.user)
        else:
            raise field_error(
                "id",
                "An unreadable message cannot be taken in; reject it once read.",
                HelpdeskErrorCode.INVALID,
            )
    return row


def reject_inbound_email(actor: Actor, inbound_id: int) -> InboundEmail:
    require_agent(actor)
    with transaction.atomic():
        row = _locked(actor, inbound_id)
        row.status = InboundStatus.REJECTED
        _reviewed(row, actor)
        row.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return row


def _locked(actor: Actor, inbound_id: int) -> InboundEmail:
    # The ticket first (as every action locks), then the row.
    found = (
        InboundEmail.objects.filter(pk=inbound_id)
        .values("ticket_id", "mailbox__channel_id")
        .first()
    )
    if found is None:
        raise _not_found()
    if found["ticket_id"] is not None:
        if not visible_tickets(actor).filter(pk=found["ticket_id"]).exists():
            # The same answer as for no message at all: its existence stays unknown.
            raise _not_found()
        lock_ticket(actor, found["ticket_id"])
    elif not actor.can_access_channel(found["mailbox__channel_id"]):
        raise _not_found()
    row = (
        InboundEmail.objects.select_for_update(of=("self",))
        .select_related("mailbox", "comment", "ticket")
        .filter(pk=inbound_id)
        .first()
    )
    if row is None:
        raise _not_found()
    if row.status not in REVIEWABLE:
        raise field_error(
            "id",
            f"This message was already decided on ({row.get_status_display()}).",
            HelpdeskErrorCode.INVALID,
        )
    return row


def _publish(actor: Actor, row: InboundEmail) -> None:
    ticket, comment = row.ticket, row.comment
    if ticket is None or comment is None:
        raise HelpdeskPermissionDenied("The message's ticket or note was deleted.")
    comment.visibility = CommentVisibility.PUBLIC
    comment.author_type = AuthorType.CUSTOMER
    comment.save(update_fields=["visibility", "author_type"])
    comment.attachments.update(visibility=CommentVisibility.PUBLIC)
    sender = Actor.email_sender(row.from_address, name=row.from_name)
    events.comment_added_event(ticket=ticket, actor=sender, comment=comment)
    address = row.from_address.lower()
    changed = []
    if (
        address
        and address != ticket.customer_email.lower()
        and address not in ticket.cc_emails
        and len(ticket.cc_emails) < MAX_CC
    ):
        ticket.cc_emails = [*ticket.cc_emails, address]
        changed.append("cc_emails")
        events.cc_changed_event(ticket=ticket, actor=actor, added=1, removed=0)
    touch(ticket, *changed)
    row.status = InboundStatus.ACCEPTED
    _reviewed(row, actor)
    row.save(update_fields=["status", "reviewed_by", "reviewed_at"])


def _reviewed(row: InboundEmail, actor: Actor) -> None:
    row.reviewed_by = actor.user
    row.reviewed_at = timezone.now()


def _not_found() -> Exception:
    return field_error("id", "Message not found.", HelpdeskErrorCode.NOT_FOUND)
