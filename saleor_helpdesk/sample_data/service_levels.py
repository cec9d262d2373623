"""The demo's service levels: the issue's scenario ("first answer within 4 business
hours, Bavarian holidays off") on a Bavarian calendar, Monday to Friday 9 to 17 in
Europe/Berlin. Run after the sample tickets: their clocks start when each ticket was
opened, then the periodic check runs once, so the inbox shows breached tickets (the
oldest open ticket still waiting for its first answer is breached whatever the weekday the demo is built on)."""

from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import BusinessCalendar, SlaPolicy, Ticket, TicketStatus
from ..sla.clock import start_clocks_at
from ..sla.tasks import check_service_levels

BAVARIA_HOURS = [{"weekday": day, "start": "09:00", "end": "17:00"} for day in range(5)]
# Two weeks hold at least 8 business days, whatever the holidays: far past 4 hours.
OLDEST_BACK = timedelta(days=14)


def install_service_levels(write: Callable[[str], None]) -> None:
    if BusinessCalendar.objects.exists() or SlaPolicy.objects.exists():
        write("service levels: kept as configured")
        return
    with transaction.atomic():
        BusinessCalendar.objects.create(
            name="Bavaria",
            time_zone="Europe/Berlin",
            hours=BAVARIA_HOURS,
            holiday_country="DE",
            holiday_subdivision="BY",
            is_default=True,
        )
        SlaPolicy.objects.create(
            name="First answer within 4 business hours",
            first_response_minutes=4 * 60,
            next_response_minutes=8 * 60,
            resolution_minutes=5 * 8 * 60,
            at_risk_percent=75,
        )
        open_tickets = list(
            Ticket.objects.filter(closed_at__isnull=True, merged_into__isnull=True)
            .only(
                "pk",
                "priority_id",
                "channel_id",
                "kind",
                "category_id",
                "status_id",
                "created_at",
                "closed_at",
                "merged_into_id",
                "first_response_at",
            )
            .order_by("created_at", "pk")
        )
        now = timezone.now()
        running = set(
            TicketStatus.objects.filter(pauses_sla=False).values_list("pk", flat=True)
        )
        # The oldest ticket still waiting for its first answer.
        overdue = next(
            (
                t.pk
                for t in open_tickets
                if t.first_response_at is None and t.status_id in running
            ),
            None,
        )
        for ticket in open_tickets:
            at = ticket.created_at
            if ticket.pk == overdue:
                at = min(at, now - OLDEST_BACK)
            start_clocks_at(ticket, at, now)
    result = check_service_levels()
    write(
        "service levels: Bavaria calendar, 4 business hours to the first answer; "
        f"{len(result.breached)} targets breached, {len(result.at_risk)} at risk"
    )
