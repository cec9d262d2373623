"""Which existing tickets a rule (saved or not) would match, changing nothing.

Reads the newest `limit` tickets the caller may see (optionally opened since a date),
narrowed in SQL by the conditions a filter can test, and tests the rest in memory with
the same code the engine uses, in a fixed number of queries. Conditions on the
trigger's context (`rating`, `order_event`) match nothing here: there is no trigger.
Nothing is written: no run, no event, no action.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..actions.config.common import require_settings_reader
from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Ticket
from ..tickets.access import visible_tickets
from .conditions import (
    TICKET_RELATIONS,
    clean_conditions,
    fields_used,
    load_facts,
    matches,
    sql_filter,
)

DEFAULT_LIMIT = 200
MAX_LIMIT = 1000


@dataclass(frozen=True)
class DryRun:
    examined: int
    matches: list[Ticket]


def dry_run(
    actor: Actor,
    conditions: Any,
    *,
    limit: int = DEFAULT_LIMIT,
    since: datetime | None = None,
) -> DryRun:
    require_settings_reader(actor)
    cleaned = clean_conditions(conditions)
    if not 1 <= limit <= MAX_LIMIT:
        raise field_error(
            "limit",
            f"Examine between 1 and {MAX_LIMIT} tickets.",
            HelpdeskErrorCode.INVALID,
        )
    tickets = (
        visible_tickets(actor)
        .filter(merged_into__isnull=True)
        .filter(sql_filter(cleaned))
    )
    if since is not None:
        tickets = tickets.filter(created_at__gte=since)
    rows = list(tickets.select_related(*TICKET_RELATIONS).order_by("-number")[:limit])
    facts = load_facts(rows, fields_used([cleaned]))
    return DryRun(
        examined=len(rows),
        matches=[item.ticket for item in facts if matches(cleaned, item)],
    )
