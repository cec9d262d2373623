"""Merging a duplicate ticket into the one that carries on."""

from django.db import transaction

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Attachment, Comment, Ticket, TicketEvent, TicketLine
from ..tickets import workflow
from ..tickets.access import lock_ticket, require_agent
from ..timeline import events
from .common import refuse_merged, touch


def merge_tickets(actor: Actor, source_id: int, target_id: int) -> Ticket:
    """Move comments, events, attachments, order lines and CCs of `source` to `target`;
    `source` is closed and points to `target`. Returns the survivor.

    Both rows are locked in id order, so two merges running against each other cannot
    deadlock. Tickets of different customers are never merged: that would show one
    customer the other's conversation.
    """
    require_agent(actor)
    if source_id == target_id:
        raise field_error(
            "target",
            "A ticket cannot be merged into itself.",
            HelpdeskErrorCode.SAME_TICKET,
        )
    with transaction.atomic():
        locked = {
            pk: lock_ticket(actor, pk, "source" if pk == source_id else "target")
            for pk in sorted((source_id, target_id))
        }
        source, target = locked[source_id], locked[target_id]
        refuse_merged(source)
        if target.merged_into_id:
            raise field_error(
                "target",
                "That ticket was itself merged into another one.",
                HelpdeskErrorCode.MERGED,
            )
        same_customer = (
            source.customer_id == target.customer_id
            if source.customer_id or target.customer_id
            else source.customer_email.lower() == target.customer_email.lower()
        )
        if not same_customer:
            raise field_error(
                "target",
                "Only tickets of the same customer can be merged.",
                HelpdeskErrorCode.CUSTOMER_MISMATCH,
            )
        if source.order_id and target.order_id and source.order_id != target.order_id:
            raise field_error(
                "target",
                "The tickets concern different orders.",
                HelpdeskErrorCode.ORDER_MISMATCH,
            )
        Comment.objects.filter(ticket=source).update(ticket=target)
        Attachment.objects.filter(ticket=source).update(ticket=target)
        TicketEvent.objects.filter(ticket=source).update(ticket=target)
        # A line named on both tickets stays once, with the survivor's quantity.
        taken = target.lines.values("order_line_id")
        TicketLine.objects.filter(ticket=source, order_line_id__in=taken).delete()
        TicketLine.objects.filter(ticket=source).update(ticket=target)
        changed = []
        extra_cc = [cc for cc in source.cc_emails if cc not in target.cc_emails]
        if extra_cc:
            target.cc_emails = [*target.cc_emails, *extra_cc]
            changed.append("cc_emails")
        if target.order_id is None and source.order_id:
            target.order_id = source.order_id
            changed.append("order")
        touch(target, *changed)
        events.merged_from_event(ticket=target, actor=actor, source=source)
        source.merged_into = target
        touch(source, "merged_into")
        if not source.status.is_closed:
            workflow.set_status(source, workflow.closed_status(), Actor.system())
        events.merged_event(ticket=source, actor=actor, into=target)
    return target
