"""When rules run.

- A new ticket (`TICKET_CREATED`), a customer's reply (`CUSTOMER_REPLIED`: a public
  comment by the customer's side, not the ticket's first message) and an order event
  mirrored onto a ticket (`ORDER_EVENT`, with the order event in the context) are seen
  by `plan_automation`, a side-effect planner (`timeline/side_effects.py`) registered
  at start-up: no action needs to know about rules.
- `SCHEDULED` rules run from the periodic task (`schedule.py`).
- Anything else calls `fire()`; the satisfaction survey calls
  `fire(ticket, RuleTrigger.SATISFACTION_RATED, key=<the rating's id>, rating=<1-5>)`,
  and the `rating` condition ("rating at most N": `lte`) reads it.

Rules never run inside the triggering transaction: `fire` queues the Celery task
`run_automation` after commit (`robust`), so a rule, a broker or a bug here can never
break a Saleor checkout, an order hook or a customer's request, and a change that
rolls back runs no rule.

Loop protection: a change made by a rule carries the depth of the chain that made it
(`Actor.for_rule`); its events fire triggers again only below `MAX_DEPTH`. With one
run per rule, ticket, trigger and occurrence key (`engine.py`), no rule triggers itself
without end.
"""

import logging
from collections.abc import Sequence
from typing import Any

from celery import shared_task
from django.db import transaction

from ..core.constants import AuthorType, CommentVisibility, TicketEventType
from ..host import get_host
from ..models import Comment, RuleTrigger, Ticket, TicketEvent
from .engine import run_rules

logger = logging.getLogger(__name__)

# A rule's change may trigger rules once more, and theirs once more: deep enough for a
# rule that reacts to another's reply, shallow enough that a cycle ends at once.
MAX_DEPTH = 3


def fire(
    ticket: Ticket | int,
    trigger: RuleTrigger | str,
    *,
    key: str | int | None = None,
    depth: int = 0,
    **context: Any,
) -> None:
    """Run the trigger's rules on the ticket after the current transaction commits.

    `key` names this occurrence: a second `fire` with the same trigger and key runs no
    rule twice (default: the trigger itself, i.e. once per ticket). `context` must be
    JSON values (it travels through the broker); conditions read `rating` and
    `order_event` from it. Safe to call anywhere: it never raises for the caller."""
    ticket_id = ticket if isinstance(ticket, int) else ticket.pk
    trigger_value = RuleTrigger(trigger).value
    occurrence = str(key if key is not None else trigger_value)
    if depth >= MAX_DEPTH:
        logger.info(
            "Rules not run on ticket %s for %s: the chain is %s rules deep.",
            ticket_id,
            trigger_value,
            depth,
        )
        return

    def enqueue() -> None:
        run_automation.delay(ticket_id, trigger_value, occurrence, context, depth)

    transaction.on_commit(enqueue, robust=True)


def plan_automation(events: Sequence[TicketEvent]) -> None:
    """The side-effect planner: which events fire which trigger. Costs no query."""
    created = {e.ticket_id for e in events if e.type == TicketEventType.CREATED}
    for event in events:
        depth = event.automation_depth
        if event.type == TicketEventType.CREATED:
            fire(
                event.ticket_id, RuleTrigger.TICKET_CREATED, key="created", depth=depth
            )
        elif event.type == TicketEventType.COMMENT_ADDED:
            # (A public reply; `note_added` is the internal one.) The comment is not
            # always at hand here (`add_comment` attaches it after planning): then
            # the task checks who wrote it, so this planner stays free of queries.
            comment = event.helpdesk_comment
            if event.ticket_id in created or (
                comment is not None and comment.author_type != AuthorType.CUSTOMER
            ):
                continue
            comment_id = (event.parameters or {}).get("comment_id")
            fire(
                event.ticket_id,
                RuleTrigger.CUSTOMER_REPLIED,
                key=f"comment:{comment_id}",
                depth=depth,
                comment_id=comment_id,
            )
        elif event.type == TicketEventType.ORDER_EVENT:
            fire(
                event.ticket_id,
                RuleTrigger.ORDER_EVENT,
                key=f"event:{event.pk}",
                depth=depth,
                order_event=(event.parameters or {}).get("order_event"),
            )
        elif event.type == TicketEventType.RATED:
            # The survey's rating (`satisfaction/recording.py` writes the event): once
            # per rating, so "a low rating" rules run once for it.
            parameters = event.parameters or {}
            fire(
                event.ticket_id,
                RuleTrigger.SATISFACTION_RATED,
                key=f"rating:{parameters.get('rating_id')}",
                depth=depth,
                rating=parameters.get("score"),
            )


@shared_task
def run_automation(
    ticket_id: int, trigger: str, key: str, context: dict[str, Any], depth: int
) -> int:
    """Run a trigger's rules on a ticket; how many matched. Safe to run again."""
    if trigger == RuleTrigger.CUSTOMER_REPLIED and not _by_customer(context):
        return 0
    with get_host().writer_access():
        outcomes = run_rules(ticket_id, trigger, key, context=context, depth=depth)
    return len(outcomes)


def _by_customer(context: dict[str, Any]) -> bool:
    comment_id = context.get("comment_id")
    if not isinstance(comment_id, int):
        return False
    return Comment.objects.filter(
        pk=comment_id,
        author_type=AuthorType.CUSTOMER,
        visibility=CommentVisibility.PUBLIC,
    ).exists()
