"""Scheduled rules ("waiting for the customer for 7 days"): a periodic task.

Each run looks, per active `SCHEDULED` rule, at open tickets (not closed, not merged)
and runs the rule on those whose conditions hold. A rule runs once per ticket per
"episode": the occurrence key is the ticket's last activity, so it runs again only
after something happened on the ticket and the conditions hold anew. Tickets it already
ran on for their current last activity are left out in SQL, so a run does not re-read
them. An `idle_hours` condition (`gte`/`gt`) narrows the candidates in SQL through the
last-activity index; at most `BATCH` tickets per rule per run, oldest activity first
(the next run continues).
"""

import logging
from datetime import timedelta
from decimal import Decimal

from celery import shared_task
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from ..core.constants import StatusGroup
from ..host import get_host
from ..models import AutomationRule, RuleRun, RuleTrigger, Ticket
from .conditions import (
    TICKET_RELATIONS,
    ConditionField,
    Operator,
    fields_used,
    load_facts,
    matches,
    sql_filter,
)
from .engine import run_rules

logger = logging.getLogger(__name__)

BATCH = 200


def candidates(rule: AutomationRule) -> QuerySet[Ticket]:
    """Open tickets the rule has not run on since their last activity."""
    tickets = (
        Ticket.objects.filter(merged_into__isnull=True)
        .exclude(status__group=StatusGroup.CLOSED)
        .filter(sql_filter(rule.conditions))
    )
    now = timezone.now()
    for condition in rule.conditions:
        if condition["field"] == ConditionField.IDLE_HOURS and condition[
            "operator"
        ] in (Operator.GTE, Operator.GT):
            hours = Decimal(condition["values"][0])
            tickets = tickets.filter(
                last_activity_at__lte=now - timedelta(hours=float(hours))
            )
    already = RuleRun.objects.filter(
        rule=rule,
        ticket_id=OuterRef("pk"),
        trigger=RuleTrigger.SCHEDULED,
        activity_at=OuterRef("last_activity_at"),
    )
    return tickets.filter(~Exists(already)).order_by("last_activity_at", "pk")


def run_scheduled_rule(rule: AutomationRule) -> int:
    """Run one scheduled rule on the tickets it matches now; how many it ran on."""
    tickets = list(candidates(rule).select_related(*TICKET_RELATIONS)[:BATCH])
    if not tickets:
        return 0
    ran = 0
    needed = fields_used([rule.conditions])
    for facts in load_facts(tickets, needed):
        if not matches(rule.conditions, facts):
            continue
        key = f"activity:{facts.ticket.last_activity_at.isoformat()}"
        ran += len(run_rules(facts.ticket.pk, RuleTrigger.SCHEDULED, key, rules=[rule]))
    return ran


@shared_task
def run_scheduled_rules() -> int:
    """The periodic task (Celery beat, e.g. every 15 minutes); how many rule runs."""
    total = 0
    with get_host().writer_access():
        for rule in AutomationRule.objects.filter(
            is_active=True, trigger=RuleTrigger.SCHEDULED
        ).order_by("position", "pk"):
            try:
                total += run_scheduled_rule(rule)
            except Exception:  # one broken rule must not stop the others
                logger.exception("Scheduled rule %s failed.", rule.pk)
    return total
