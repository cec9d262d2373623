"""One function per timeline event type; the only code that writes `TicketEvent` rows.

Parameters hold ids and labels needed to render the timeline later, never e-mail
addresses of third parties or comment bodies (those live in their own rows).
"""

from datetime import datetime
from typing import Any

from ..core.actor import Actor
from ..core.constants import TicketEventType
from ..models import Comment, SatisfactionRating, Ticket, TicketEvent, TicketStatus
from . import side_effects


def _event(
    ticket: Ticket,
    actor: Actor,
    type_: TicketEventType,
    save: bool = True,
    **parameters: Any,
) -> TicketEvent:
    if actor.rule_id is not None:
        # A rule's doing: the timeline says which rule (issue 14).
        parameters = {**parameters, "rule_id": actor.rule_id, "rule": actor.rule_name}
    event = TicketEvent(
        ticket=ticket,
        type=type_,
        user=actor.user if actor.user is not None and actor.user.pk else None,
        app=actor.app,
        parameters=parameters,
    )
    # In memory only: how deep in a chain of rules this change was made.
    event.automation_depth = actor.automation_depth
    if save:
        save_events(event)
    return event


def save_events(*rows: TicketEvent) -> list[TicketEvent]:
    """Insert events (one statement for several) and plan their side effects."""
    if len(rows) == 1:
        rows[0].save()
        saved = [rows[0]]
    else:
        saved = TicketEvent.objects.bulk_create(rows)
    side_effects.plan(saved)
    return saved


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def ticket_created_event(
    *, ticket: Ticket, actor: Actor, save: bool = True
) -> TicketEvent:
    """`save=False` returns the row unsaved, for a caller that inserts several at once."""
    return _event(
        ticket,
        actor,
        TicketEventType.CREATED,
        save,
        kind=ticket.kind,
        source=ticket.source,
        status=ticket.status.slug,
    )


def status_changed_event(
    *, ticket: Ticket, actor: Actor, old: TicketStatus, new: TicketStatus
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.STATUS_CHANGED, old=old.slug, new=new.slug
    )


def closed_event(*, ticket: Ticket, actor: Actor, old: TicketStatus) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.CLOSED, old=old.slug)


def reopened_event(*, ticket: Ticket, actor: Actor, new: TicketStatus) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.REOPENED, new=new.slug)


def assigned_event(
    *, ticket: Ticket, actor: Actor, assignee_id: int, previous_id: int | None
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.ASSIGNED,
        assignee_id=assignee_id,
        previous_assignee_id=previous_id,
    )


def unassigned_event(*, ticket: Ticket, actor: Actor, previous_id: int) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.UNASSIGNED, previous_assignee_id=previous_id
    )


def priority_changed_event(
    *, ticket: Ticket, actor: Actor, old: str, new: str
) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.PRIORITY_CHANGED, old=old, new=new)


def category_changed_event(
    *, ticket: Ticket, actor: Actor, old: str | None, new: str | None
) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.CATEGORY_CHANGED, old=old, new=new)


def due_date_changed_event(
    *, ticket: Ticket, actor: Actor, old: datetime | None, new: datetime | None
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.DUE_DATE_CHANGED,
        old=_iso(old),
        new=_iso(new),
    )


def cc_changed_event(
    *, ticket: Ticket, actor: Actor, added: int, removed: int
) -> TicketEvent:
    # Counts only: CC addresses belong to third parties and stay on the ticket row.
    return _event(
        ticket, actor, TicketEventType.CC_CHANGED, added=added, removed=removed
    )


def comment_added_event(
    *, ticket: Ticket, actor: Actor, comment: Comment, save: bool = True
) -> TicketEvent:
    type_ = (
        TicketEventType.NOTE_ADDED
        if comment.is_internal
        else TicketEventType.COMMENT_ADDED
    )
    event = _event(
        ticket, actor, type_, save, comment_id=comment.pk, medium=comment.medium
    )
    # In memory only: planners of side effects use it instead of reading it again.
    event.helpdesk_comment = comment
    return event


def attachment_added_event(
    *, ticket: Ticket, actor: Actor, attachment_id: int, name: str, internal: bool
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.ATTACHMENT_ADDED,
        attachment_id=attachment_id,
        name=name,
        internal=internal,
    )


def attachment_removed_event(
    *, ticket: Ticket, actor: Actor, name: str, internal: bool
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.ATTACHMENT_REMOVED, name=name, internal=internal
    )


def order_linked_event(
    *, ticket: Ticket, actor: Actor, order_number: int, line_count: int
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.ORDER_LINKED,
        order_number=order_number,
        line_count=line_count,
    )


def complaint_decided_event(
    *, ticket: Ticket, actor: Actor, decision: str
) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.COMPLAINT_DECIDED, decision=decision)


def merged_event(*, ticket: Ticket, actor: Actor, into: Ticket) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.MERGED, into_id=into.pk, into_number=into.number
    )


def merged_from_event(*, ticket: Ticket, actor: Actor, source: Ticket) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.MERGED_FROM,
        source_id=source.pk,
        source_number=source.number,
    )


def forwarded_event(
    *, ticket: Ticket, actor: Actor, to_user_id: int | None, external: bool
) -> TicketEvent:
    # The outside address is deliberately not copied into the timeline.
    return _event(
        ticket,
        actor,
        TicketEventType.FORWARDED,
        to_user_id=to_user_id,
        external=external,
    )


def refund_requested_event(
    *, ticket: Ticket, actor: Actor, amount: str, currency: str, reference: str
) -> TicketEvent:
    # Amounts travel as strings: JSON has no decimal type and floats would round.
    return _event(
        ticket,
        actor,
        TicketEventType.REFUND_REQUESTED,
        amount=amount,
        currency=currency,
        reference=reference,
    )


def refund_updated_event(
    *, ticket: Ticket, actor: Actor, reference: str, state: str
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.REFUND_UPDATED, reference=reference, state=state
    )


def order_event_mirrored_event(
    *,
    ticket: Ticket,
    actor: Actor,
    order_event: str,
    order_number: int,
    save: bool = True,
) -> TicketEvent:
    """A change on the Saleor order (refunded, cancelled, fulfilled …) on the ticket's
    timeline, so the conversation and the order's story read as one."""
    return _event(
        ticket,
        actor,
        TicketEventType.ORDER_EVENT,
        save,
        order_event=order_event,
        order_number=order_number,
    )


def customer_registered_event(
    *, ticket: Ticket, user_id: int | None, save: bool = True
) -> TicketEvent:
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.CUSTOMER_REGISTERED,
        save,
        user_id=user_id,
    )


def customer_linked_event(
    *, ticket: Ticket, user_id: int | None, save: bool = True
) -> TicketEvent:
    return _event(
        ticket, Actor.system(), TicketEventType.CUSTOMER_LINKED, save, user_id=user_id
    )


def email_sent_event(
    *, ticket: Ticket, notification: str, message_id: str
) -> TicketEvent:
    # Recipients are not copied here; the outbox row holds them.
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.EMAIL_SENT,
        notification=notification,
        message_id=message_id,
    )


def email_failed_event(*, ticket: Ticket, notification: str, error: str) -> TicketEvent:
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.EMAIL_FAILED,
        notification=notification,
        error=error[:500],
    )


def sms_sent_event(
    *, ticket: Ticket, sms_id: int, comment_id: int | None
) -> TicketEvent:
    # The number stays on the outbox row; the comment is the text.
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.SMS_SENT,
        sms_id=sms_id,
        comment_id=comment_id,
    )


def sms_failed_event(
    *, ticket: Ticket, sms_id: int, comment_id: int | None, error: str
) -> TicketEvent:
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.SMS_FAILED,
        sms_id=sms_id,
        comment_id=comment_id,
        error=error[:500],
    )


def personal_data_erased_event(
    *, ticket: Ticket, actor: Actor, reason: str, save: bool = True
) -> TicketEvent:
    # Only why: what was erased is gone, and repeating it here would keep it.
    return _event(
        ticket, actor, TicketEventType.PERSONAL_DATA_ERASED, save, reason=reason
    )


def attachments_expired_event(
    *, ticket: Ticket, count: int, save: bool = True
) -> TicketEvent:
    # A count, not the names: file names often carry the customer's name.
    return _event(
        ticket, Actor.system(), TicketEventType.ATTACHMENTS_EXPIRED, save, count=count
    )


def rated_event(
    *, ticket: Ticket, actor: Actor, rating: SatisfactionRating
) -> TicketEvent:
    """The customer rated the ticket; the comment stays in the rating's row."""
    return _event(
        ticket,
        actor,
        TicketEventType.RATED,
        rating_id=rating.pk,
        score=rating.score,
        source=rating.source,
    )


# --- time and effort (`effort/`) ------------------------------------------------------
# The entry's id and minutes only: its note (a phone call's content) stays on its row.


def time_logged_event(
    *, ticket: Ticket, actor: Actor, entry_id: int, minutes: int
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.TIME_LOGGED, entry_id=entry_id, minutes=minutes
    )


def time_entry_changed_event(
    *, ticket: Ticket, actor: Actor, entry_id: int, old_minutes: int, minutes: int
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.TIME_ENTRY_CHANGED,
        entry_id=entry_id,
        old_minutes=old_minutes,
        minutes=minutes,
    )


def time_entry_removed_event(
    *, ticket: Ticket, actor: Actor, entry_id: int, minutes: int
) -> TicketEvent:
    return _event(
        ticket,
        actor,
        TicketEventType.TIME_ENTRY_REMOVED,
        entry_id=entry_id,
        minutes=minutes,
    )


def points_set_event(
    *, ticket: Ticket, actor: Actor, old: str | None, new: str | None
) -> TicketEvent:
    return _event(ticket, actor, TicketEventType.POINTS_SET, old=old, new=new)


def contract_budget_low_event(
    *,
    ticket: Ticket,
    contract_id: int,
    unit: str,
    budget: str,
    remaining: str,
    threshold: str,
) -> TicketEvent:
    # Written by the system: whoever's time or points crossed the threshold did not
    # decide to warn; the event names the contract and the figures of that moment.
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.CONTRACT_BUDGET_LOW,
        contract_id=contract_id,
        unit=unit,
        budget=budget,
        remaining=remaining,
        threshold=threshold,
    )


# Issue 14, automation.


def rule_applied_event(
    *,
    ticket: Ticket,
    actor: Actor,
    trigger: str,
    actions: list[str],
    webhook: bool,
    error: str = "",
) -> TicketEvent:
    """A rule matched and ran its actions (`error`: they were refused and rolled back).
    `actor` is the rule's own, so the event names it; `webhook`: the rule asked for a
    `ticket.rule_matched` webhook."""
    return _event(
        ticket,
        actor,
        TicketEventType.RULE_APPLIED,
        trigger=trigger,
        actions=actions,
        webhook=webhook,
        error=error[:500],
    )


def macro_applied_event(
    *, ticket: Ticket, actor: Actor, macro_id: int, macro: str
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.MACRO_APPLIED, macro_id=macro_id, macro=macro
    )


def tags_changed_event(
    *, ticket: Ticket, actor: Actor, added: list[str], removed: list[str]
) -> TicketEvent:
    return _event(
        ticket, actor, TicketEventType.TAGS_CHANGED, added=added, removed=removed
    )


# Service levels (`sla/`).


def sla_at_risk_event(
    *, ticket: Ticket, metric: str, due_at: datetime | None, target_id: int
) -> TicketEvent:
    """Written by the periodic check (`sla/tasks.py`), once per target."""
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.SLA_AT_RISK,
        metric=metric,
        due_at=_iso(due_at),
        target_id=target_id,
    )


def sla_breached_event(
    *, ticket: Ticket, metric: str, due_at: datetime | None, target_id: int
) -> TicketEvent:
    """Written by the periodic check (`sla/tasks.py`), once per target."""
    return _event(
        ticket,
        Actor.system(),
        TicketEventType.SLA_BREACHED,
        metric=metric,
        due_at=_iso(due_at),
        target_id=target_id,
    )
