from typing import Any

from ...models import SatisfactionRating
from ..core.dataloaders import BaseLoader


class RatingByTicketIdLoader(BaseLoader):
    """A ticket's rating (or None), for a page of tickets in one query."""

    context_key = "helpdesk_satisfaction_rating_by_ticket"

    def batch_load(self, keys: list[Any]) -> list[SatisfactionRating | None]:
        rows = {
            row.ticket_id: row
            for row in SatisfactionRating.objects.filter(ticket_id__in=keys)
        }
        return [rows.get(key) for key in keys]
