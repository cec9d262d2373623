"""Staff edits of a ticket's priority, category, due date and CC list."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Category, Priority, Ticket
from ..tickets.access import lock_ticket, require_agent
from ..timeline import events
from .common import check_cc, refuse_merged, touch


def change_priority(actor: Actor, ticket_id: int, priority_id: int) -> Ticket:
    require_agent(actor)
    priority = Priority.objects.filter(pk=priority_id).first()
    if priority is None:
        raise field_error(
            "priority", "Priority not found.", HelpdeskErrorCode.NOT_FOUND
        )
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        old = ticket.priority
        if old.pk == priority.pk:
            return ticket
        ticket.priority = priority
        touch(ticket, "priority")
        events.priority_changed_event(
            ticket=ticket, actor=actor, old=old.slug, new=priority.slug
        )
    return ticket


def change_category(actor: Actor, ticket_id: int, category_id: int | None) -> Ticket:
    require_agent(actor)
    category = None
    if category_id is not None:
        category = Category.objects.filter(pk=category_id).first()
        if category is None:
            raise field_error(
                "category", "Category not found.", HelpdeskErrorCode.NOT_FOUND
            )
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        if category is not None and category.kind != ticket.kind:
            raise field_error(
                "category",
                "This category belongs to another kind of ticket.",
                HelpdeskErrorCode.INVALID,
            )
        old = ticket.category
        if old == category:
            return ticket
        ticket.category = category
        touch(ticket, "category")
        events.category_changed_event(
            ticket=ticket,
            actor=actor,
            old=old.slug if old else None,
            new=category.slug if category else None,
        )
    return ticket


def change_due_date(actor: Actor, ticket_id: int, due_date: datetime | None) -> Ticket:
    require_agent(actor)
    if due_date is not None and timezone.is_naive(due_date):
        raise field_error(
            "due_date", "Give the due date with a time zone.", HelpdeskErrorCode.INVALID
        )
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        old = ticket.due_date
        if old == due_date:
            return ticket
        ticket.due_date = due_date
        touch(ticket, "due_date")
        events.due_date_changed_event(ticket=ticket, actor=actor, old=old, new=due_date)
    return ticket


def change_cc(actor: Actor, ticket_id: int, emails: list[str]) -> Ticket:
    require_agent(actor)
    cleaned = check_cc(emails)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        old = set(ticket.cc_emails)
        if old == set(cleaned):
            return ticket
        ticket.cc_emails = cleaned
        touch(ticket, "cc_emails")
        events.cc_changed_event(
            ticket=ticket,
            actor=actor,
            added=len(set(cleaned) - old),
            removed=len(old - set(cleaned)),
        )
    return ticket
