from typing import Any

from django.db.models import F

from ...models import SlaTarget
from ..core.dataloaders import BaseLoader


class SlaTargetsByTicketIdLoader(BaseLoader):
    """Every target of each ticket (dropped ones left out), oldest first."""

    context_key = "sla_targets_by_ticket_id"

    def batch_load(self, keys: list[Any]) -> list[list[SlaTarget]]:
        found: dict[int, list[SlaTarget]] = {key: [] for key in keys}
        # The channel picks the calendar that measures the time used.
        for target in (
            SlaTarget.objects.filter(ticket_id__in=keys, cancelled_at__isnull=True)
            .annotate(channel_pk=F("ticket__channel_id"))
            .order_by("started_at", "pk")
        ):
            found[target.ticket_id].append(target)
        return [found[key] for key in keys]
