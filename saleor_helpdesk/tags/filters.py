from collections.abc import Sequence

from django.db.models import Exists, OuterRef, QuerySet

from ..core.actor import Actor
from ..models import Ticket, TicketTag


def with_tags(
    queryset: QuerySet[Ticket], slugs: Sequence[str], actor: Actor
) -> QuerySet[Ticket]:
    """The tickets carrying any of the tags. Customers filter by no tag (tags are not
    theirs to know): they get nothing, so no answer tells them a tag is on a ticket.

    A semi-join through the (ticket, tag) key, one probe per ticket of the page; the
    (tag, ticket) index serves the planner when the tag is rare."""
    if not actor.is_agent:
        return queryset.none()
    tagged = TicketTag.objects.filter(ticket_id=OuterRef("pk"), tag__slug__in=slugs)
    return queryset.filter(Exists(tagged))
