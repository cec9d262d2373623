"""Running a trigger's rules on one ticket.

Rules of the trigger run in their order (position, then id). A rule whose conditions
hold runs its actions as its own actor, inside a savepoint: a refused action rolls back
that rule's changes (the run is recorded with the refusal, so a retry does not try
again) and the next rule still runs. Each rule that matched leaves a `rule_applied`
event. A rule marked `stop_processing` that matched ends the trigger's run.

Once per occurrence: a `RuleRun` row (unique per rule, ticket, trigger and key) is
inserted before the actions; a rule that ran for this occurrence already (a retried
task, the same trigger handed over twice) is skipped. Together with the depth limit in
`triggers.py`, a rule never triggers itself without end.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..core.actor import Actor
from ..models import AutomationRule, RuleRun, Ticket
from ..timeline import events
from . import actions as rule_actions
from .conditions import TICKET_RELATIONS, Facts, fields_used, load_facts, matches

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    rule_id: int
    rule: str
    error: str = ""


def rules_for(trigger: str) -> list[AutomationRule]:
    return list(
        AutomationRule.objects.filter(is_active=True, trigger=trigger).order_by(
            "position", "pk"
        )
    )


def _error_text(error: ValidationError) -> str:
    return "; ".join(error.messages)


def _claim(
    rule: AutomationRule,
    ticket: Ticket,
    trigger: str,
    key: str,
    activity_at: datetime | None,
) -> RuleRun | None:
    """The run's row, or None when this rule already ran for this occurrence."""
    try:
        with transaction.atomic():
            return RuleRun.objects.create(
                rule=rule,
                ticket=ticket,
                trigger=trigger,
                key=key[:128],
                activity_at=activity_at,
            )
    except IntegrityError:
        return None


def run_rules(
    ticket_id: int,
    trigger: str,
    key: str,
    *,
    context: dict[str, Any] | None = None,
    depth: int = 0,
    rules: Sequence[AutomationRule] | None = None,
) -> list[Outcome]:
    """Run the trigger's active rules (or `rules`) on the ticket; what matched.

    `depth`: how many rule runs led here (0 for a person's or the shop's change); the
    rules' actor carries `depth + 1` into the events it writes."""
    if rules is None:
        rules = rules_for(trigger)
    if not rules:
        return []
    outcomes: list[Outcome] = []
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(of=("self",))
            .select_related(*TICKET_RELATIONS)
            .filter(pk=ticket_id, merged_into__isnull=True)
            .first()
        )
        if ticket is None:
            return []
        activity_at = ticket.last_activity_at
        needed = fields_used(rule.conditions for rule in rules)
        facts: Facts | None = load_facts([ticket], needed, context)[0]
        for rule in rules:
            if facts is None:
                # Once per evaluation, and again only after a rule acted: its actions
                # may have changed what a later rule's conditions test.
                facts = load_facts([_fresh(ticket_id)], needed, context)[0]
            if not matches(rule.conditions, facts):
                continue
            run = _claim(rule, ticket, trigger, key, activity_at)
            if run is None:
                if rule.stop_processing:
                    break
                continue
            actor = Actor.for_rule(rule.pk, rule.name, depth + 1)
            error = ""
            webhook = False
            try:
                with transaction.atomic():
                    webhook = rule_actions.perform(actor, facts.ticket, rule.actions)
            except ValidationError as refused:
                error = _error_text(refused)
                run.error = error
                run.save(update_fields=["error"])
                logger.info(
                    "Rule %s on ticket %s refused: %s", rule.pk, ticket_id, error
                )
            events.rule_applied_event(
                ticket=ticket,
                actor=actor,
                trigger=trigger,
                actions=[action["type"] for action in rule.actions],
                webhook=webhook,
                error=error,
            )
            outcomes.append(Outcome(rule_id=rule.pk, rule=rule.name, error=error))
            facts = None
            if rule.stop_processing:
                break
    return outcomes


def _fresh(ticket_id: int) -> Ticket:
    return Ticket.objects.select_related(*TICKET_RELATIONS).get(pk=ticket_id)
