from collections import defaultdict
from typing import Any

from ...models import Tag, TicketTag
from ..core.dataloaders import BaseLoader


class TagsByTicketIdLoader(BaseLoader):
    """A page of tickets' tags in one query (through the (ticket, tag) key)."""

    context_key = "helpdesk_tags_by_ticket_id"

    def batch_load(self, keys: list[Any]) -> list[list[Tag]]:
        rows = (
            TicketTag.objects.filter(ticket_id__in=keys)
            .select_related("tag")
            .order_by("tag__name", "tag_id")
        )
        by_ticket: dict[int, list[Tag]] = defaultdict(list)
        for row in rows:
            by_ticket[row.ticket_id].append(row.tag)
        return [by_ticket.get(key, []) for key in keys]
