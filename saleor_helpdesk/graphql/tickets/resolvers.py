"""Query resolvers: they return querysets, already narrowed to what the caller may see."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from ...core.actor import Actor
from ...models import Ticket
from ...sla.state import filter_by_states
from ...tags.filters import with_tags
from ...tickets.access import require_agent, visible_tickets
from ...tickets.related_order import RelatedKey, RelatedOrderPage
from ...tickets.search import search_tickets
from ..core.ids import int_pk, uuid_pk

# Relations every ticket list shows, joined into the page query rather than loaded.
LIST_RELATIONS = (
    "status__customer_status",
    "priority",
    "customer",
    "assignee",
    "order",
)


def tickets_for(actor: Actor) -> QuerySet[Ticket]:
    return (
        visible_tickets(actor)
        .filter(merged_into__isnull=True)
        .select_related(*LIST_RELATIONS)
    )


def ticket_by_id(actor: Actor, global_id: str, field: str = "id") -> Ticket | None:
    pk = int_pk(global_id, "Ticket", field)
    return visible_tickets(actor).select_related(*LIST_RELATIONS).filter(pk=pk).first()


def filter_tickets(
    queryset: QuerySet[Ticket], data: dict[str, Any] | None, actor: Actor
) -> QuerySet[Ticket]:
    if not data:
        return queryset
    if statuses := data.get("statuses"):
        queryset = queryset.filter(status__slug__in=statuses)
    if groups := data.get("status_groups"):
        queryset = queryset.filter(status__group__in=groups)
    if kinds := data.get("kinds"):
        queryset = queryset.filter(kind__in=kinds)
    if priorities := data.get("priorities"):
        queryset = queryset.filter(priority__slug__in=priorities)
    if categories := data.get("categories"):
        queryset = queryset.filter(
            category_id__in=[
                int_pk(c, "TicketCategory", "categories") for c in categories
            ]
        )
    if assignees := data.get("assignees"):
        queryset = queryset.filter(
            assignee_id__in=[int_pk(a, "User", "assignees") for a in assignees]
        )
    if data.get("unassigned") is not None:
        queryset = queryset.filter(assignee__isnull=data["unassigned"])
    if customer := data.get("customer"):
        queryset = queryset.filter(customer_id=int_pk(customer, "User", "customer"))
    if order := data.get("order"):
        queryset = queryset.filter(order_id=uuid_pk(order, "Order", "order"))
    if channels := data.get("channels"):
        queryset = queryset.filter(
            channel_id__in=[int_pk(c, "Channel", "channels") for c in channels]
        )
    if created := data.get("created"):
        queryset = _range(queryset, "created_at", created)
    if updated := data.get("updated"):
        queryset = _range(queryset, "last_activity_at", updated)
    if data.get("overdue") is not None:
        overdue = Q(closed_at__isnull=True, due_date__lt=timezone.now())
        queryset = (
            queryset.filter(overdue) if data["overdue"] else queryset.exclude(overdue)
        )
    if tags := data.get("tags"):
        queryset = with_tags(queryset, tags, actor)
    if states := data.get("sla_states"):
        # Service levels are the team's own business: never a customer's filter.
        require_agent(actor)
        queryset = filter_by_states(queryset, states, timezone.now())
    if search := (data.get("search") or "").strip():
        # Customers search their public thread only: a hit on an internal note would
        # tell them what the note says.
        queryset = search_tickets(queryset, search, internal=actor.is_agent)
    return queryset


def _range(
    queryset: QuerySet[Ticket], field: str, value: dict[str, Any]
) -> QuerySet[Ticket]:
    if value.get("gte"):
        queryset = queryset.filter(**{f"{field}__gte": value["gte"]})
    if value.get("lte"):
        queryset = queryset.filter(**{f"{field}__lte": value["lte"]})
    return queryset


SORT_FIELDS = {
    "number": ["number"],
    "created_at": ["created_at", "number"],
    "last_activity_at": ["last_activity_at", "number"],
    "priority": ["priority__position", "number"],
    "due_date": ["due_date", "number"],
    "subject": ["subject", "number"],
    "customer": ["customer_name", "customer_email", "number"],
    "status": ["status__position", "number"],
    "assignee": ["assignee__email", "number"],
    "channel": ["channel__name", "number"],
    "sla_due": ["sla_due_at", "number"],
}


def check_sort(actor: Actor, sort: dict[str, Any] | None) -> None:
    """Sorting by the SLA due instant is for staff: the order alone would tell a
    customer which of their tickets the team is late on."""
    if (sort or {}).get("field") == "sla_due":
        require_agent(actor)


def sort_tickets(
    queryset: QuerySet[Ticket], sort: dict[str, Any] | None
) -> QuerySet[Ticket]:
    if sort is None and queryset.query.order_by:
        return queryset  # a search's own order: best match first
    field = (sort or {}).get("field", "number")
    descending = _descending(sort)
    order = [f"-{name}" if descending else name for name in SORT_FIELDS[field]]
    return queryset.order_by(*order)


# Sorts by a column of a small related table: read group by group (see related_order).
RELATED_SORTS = {
    "priority": RelatedKey("priority_id", "position"),
    "status": RelatedKey("status_id", "position"),
    "assignee": RelatedKey("assignee_id", "email"),
    "channel": RelatedKey("channel_id", "name"),
}


def ticket_pages(
    queryset: QuerySet[Ticket], sort: dict[str, Any] | None
) -> QuerySet[Ticket] | RelatedOrderPage:
    """What the connection reads pages from: `queryset` (sorted by `sort_tickets`), or,
    for a sort by a related table's column, the same order read group by group."""
    field = (sort or {}).get("field")
    if field not in RELATED_SORTS:
        return queryset
    return RelatedOrderPage(queryset, RELATED_SORTS[field], _descending(sort))


def _descending(sort: dict[str, Any] | None) -> bool:
    """Newest first unless the sort says otherwise."""
    return (sort or {}).get("direction", "desc") == "desc"
