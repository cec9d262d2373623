"""Ask the shop where every open ticket refund stands, now (what the periodic task
`sync_open_refunds` does), with progress: after an outage, or without Celery beat."""

from typing import Any

from django.core.management.base import BaseCommand

from ...host import get_host
from ...models import TicketRefund
from ...refunds.settle import OPEN_STATES, sync_refund


class Command(BaseCommand):
    help = (
        "Sync open ticket refunds with the shop's answer (pending → succeeded/failed)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(
            TicketRefund.objects.filter(state__in=OPEN_STATES)
            .order_by("created_at")
            .values_list("pk", flat=True)
        )
        total = len(ids)
        self.stdout.write(f"{total} open refund(s) to sync.")
        moved: dict[str, int] = {}
        with get_host().writer_access():
            for done, refund_id in enumerate(ids, start=1):
                state = sync_refund(refund_id) or "gone"
                moved[state] = moved.get(state, 0) + 1
                if done % 50 == 0 or done == total:
                    self.stdout.write(f"  {done}/{total} synced")
        summary = ", ".join(
            f"{state}: {count}" for state, count in sorted(moved.items())
        )
        self.stdout.write(self.style.SUCCESS(f"Done. {summary or 'nothing to do'}"))
