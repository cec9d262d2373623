"""Tickets per tag, for the statistics page: one grouped query over the (tag, ticket)
index, narrowed to the tickets the caller may see."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q

from ..core.actor import Actor
from ..core.constants import StatusGroup
from ..models import Tag, TicketTag
from ..tickets.access import visible_tickets


@dataclass(frozen=True)
class TagCount:
    tag: Tag
    tickets: int
    open_tickets: int


def tag_counts(
    actor: Actor, *, since: datetime | None = None, until: datetime | None = None
) -> list[TagCount]:
    """Every tag with how many (listed) tickets carry it, and how many of those are
    open; `since`/`until` bound the tickets' creation."""
    tickets = visible_tickets(actor).filter(merged_into__isnull=True)
    if since is not None:
        tickets = tickets.filter(created_at__gte=since)
    if until is not None:
        tickets = tickets.filter(created_at__lt=until)
    rows = (
        TicketTag.objects.filter(ticket__in=tickets.values("pk"))
        .values("tag_id")
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=~Q(ticket__status__group=StatusGroup.CLOSED)),
        )
    )
    counts = {row["tag_id"]: (row["total"], row["open"]) for row in rows}
    result = []
    for tag in Tag.objects.all():
        total, open_ = counts.get(tag.pk, (0, 0))
        result.append(TagCount(tag=tag, tickets=total, open_tickets=open_))
    return result
