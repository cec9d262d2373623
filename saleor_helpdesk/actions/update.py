"""Several changes to one ticket at once, and one change to many tickets at once.

Both are all or nothing: one transaction around the single-ticket actions (`fields`,
`assignment`, `status`), each of which validates, locks its ticket, changes it and
writes its events in a savepoint of its own, so a refusal of a later change rolls back
the ones before it and nothing is sent for them.

A bulk change works the tickets in the order of their ids, locking each as it goes:
two bulk changes over overlapping tickets (and a merge, which locks in the same order)
then wait for each other instead of deadlocking. Its events are planned once at the
end (`side_effects.batched`), so e-mails and webhooks for 100 tickets cost a bounded
number of queries.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host import get_host
from ..models import Ticket
from ..tickets.access import not_found, require_agent, visible_tickets
from ..timeline import side_effects
from .assignment import assign_ticket
from .fields import change_category, change_cc, change_due_date, change_priority
from .status import close_ticket

MAX_BULK_TICKETS = 100


class TicketChanges(TypedDict, total=False):
    """What changes on one ticket; a key that is left out keeps its value."""

    priority_id: int | None  # None is refused: a ticket always has a priority
    category_id: int | None  # None: no category
    due_date: datetime | None  # None: no due date
    cc_emails: Sequence[str]


def error_codes(error: ValidationError) -> set[str | None]:
    """Every code in `error`, whichever fields carry them."""
    groups = (
        error.error_dict.values()
        if hasattr(error, "error_dict")
        else [error.error_list]
    )
    return {detail.code for details in groups for detail in details}


class TicketRefused(ValidationError):
    """One ticket of a bulk change was refused, so none changed. The refusal is the
    single-ticket action's, with its fields and codes; `number` is the ticket's number
    if the caller may see the ticket (None: only its id may be named)."""

    def __init__(self, error: ValidationError, ticket_id: int, number: int | None):
        super().__init__(error)
        self.ticket_id = ticket_id
        self.number = number

    @property
    def codes(self) -> set[str | None]:
        return error_codes(self)


def update_ticket(actor: Actor, ticket_id: int, changes: TicketChanges) -> Ticket:
    """Change priority, category, due date and CC list together, or none of them
    (staff and apps with MANAGE_ORDERS). Returns the ticket as the caller sees it
    afterwards; with no changes, as it is."""
    require_agent(actor)
    priority_id = changes.get("priority_id")
    if "priority_id" in changes and priority_id is None:
        raise field_error(
            "priority", "A ticket always has a priority.", HelpdeskErrorCode.REQUIRED
        )
    with transaction.atomic():
        if priority_id is not None:
            change_priority(actor, ticket_id, priority_id)
        if "category_id" in changes:
            change_category(actor, ticket_id, changes["category_id"])
        if "due_date" in changes:
            change_due_date(actor, ticket_id, changes["due_date"])
        if "cc_emails" in changes:
            change_cc(actor, ticket_id, list(changes["cc_emails"] or []))
    ticket = visible_tickets(actor).filter(pk=ticket_id).first()
    if ticket is None:
        raise not_found()
    return ticket


def check_bulk_update(count: int, *, close: bool, assign: bool) -> None:
    """The shape of a bulk change: 1 to `MAX_BULK_TICKETS` tickets (`ids`) and
    something to do (`input`). Checked before any ticket is read."""
    if not count:
        raise field_error(
            "ids", "Choose at least one ticket.", HelpdeskErrorCode.REQUIRED
        )
    if count > MAX_BULK_TICKETS:
        raise field_error(
            "ids",
            f"Update at most {MAX_BULK_TICKETS} tickets at once (you sent {count}).",
            HelpdeskErrorCode.INVALID,
        )
    if not close and not assign:
        raise field_error(
            "input",
            "Choose what to change: close or assignee.",
            HelpdeskErrorCode.REQUIRED,
        )


def bulk_update_tickets(
    actor: Actor,
    ticket_ids: Sequence[int],
    *,
    assignee_id: int | None = None,
    close: bool = False,
) -> list[Ticket]:
    """Assign and/or close every ticket, or none (staff and apps with MANAGE_ORDERS).
    A ticket that is closed already is fine to close. Returns the tickets as the
    caller sees them, in the order of `ticket_ids`.

    A refusal while the tickets are worked (an assignee who is not in the team
    included) is raised as `TicketRefused`, naming the ticket being worked; the
    refusals of `check_bulk_update` come first and are raised as they are."""
    require_agent(actor)
    ids = list(dict.fromkeys(ticket_ids))
    check_bulk_update(len(ids), close=close, assign=assignee_id is not None)
    # Whether the assignee may open each ticket: the shop is asked once.
    access = get_host().staff_access([assignee_id]) if assignee_id is not None else {}
    current: int | None = None
    try:
        with transaction.atomic(), side_effects.batched():
            for current in sorted(ids):
                if assignee_id is not None:
                    assign_ticket(actor, current, assignee_id, assignee_access=access)
                if close:
                    try:
                        close_ticket(actor, current)
                    except ValidationError as error:
                        already = {HelpdeskErrorCode.ALREADY_CLOSED.value}
                        if error_codes(error) != already:
                            raise
    except ValidationError as error:
        if current is None:
            raise
        number = (
            visible_tickets(actor)
            .filter(pk=current)
            .values_list("number", flat=True)
            .first()
        )
        raise TicketRefused(error, current, number) from error
    by_id = visible_tickets(actor).in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
