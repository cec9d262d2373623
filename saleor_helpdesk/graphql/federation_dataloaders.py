"""The tickets of federation entities (`_entities { ... on Order { helpdeskTickets } }`),
batched: however many representations a request resolves, each entity type costs one
query counting the tickets of all its entities and one query reading all their pages
(each entity's page picked by its row number in a window over its tickets)."""

import json
from typing import Any

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from promise import Promise
from promise.dataloader import DataLoader

from ..models import Ticket
from .core.connection import build_connection, page_bounds, page_cursors
from .core.context import HelpdeskContext
from .tickets.resolvers import sort_tickets, tickets_for
from .tickets.types import TicketCountableConnection


class EntityTicketsLoader(DataLoader):
    """Connections of tickets by entity key (`order_id` or `customer_id`), for one
    set of connection arguments (a field can be selected twice with different
    ones: each set has its own loader)."""

    def __init__(self, context: HelpdeskContext, key: str, arguments: dict) -> None:
        super().__init__()
        self.context = context
        self.key = key
        self.arguments = arguments
        # Read before the loader runs a query: a cursor this API never gave out is
        # refused like on every other connection.
        self.cursors = page_cursors(arguments.get("after"), arguments.get("before"))

    @classmethod
    def of(
        cls, context: HelpdeskContext, key: str, arguments: dict
    ) -> "EntityTicketsLoader":
        name = (
            f"entity_tickets:{key}:{json.dumps(arguments, sort_keys=True, default=str)}"
        )
        loader = context.dataloaders.get(name)
        if loader is None:
            loader = context.dataloaders[name] = cls(context, key, arguments)
        return loader

    def batch_load_fn(self, keys: list[Any]) -> Promise:
        return Promise.resolve(self.batch_load(keys))

    def batch_load(self, keys: list[Any]) -> list[Any]:
        tickets = sort_tickets(
            tickets_for(self.context.actor).filter(**{f"{self.key}__in": keys}),
            self.arguments.get("sort_by"),
        )
        totals = dict(
            tickets.order_by()
            .values_list(self.key)
            .annotate(count=Count("pk", distinct=True))
        )
        first, last = self.arguments.get("first"), self.arguments.get("last")
        bounds = {
            key: page_bounds(totals.get(key, 0), self.cursors, first, last)
            for key in keys
        }
        wanted = Q()
        for key, (start, end) in bounds.items():
            if end > start:
                wanted |= Q(**{self.key: key}, position__gt=start, position__lte=end)
        pages: dict[Any, list[Ticket]] = {key: [] for key in keys}
        if wanted:
            ordering = [
                F(name[1:]).desc() if name.startswith("-") else F(name).asc()
                for name in map(str, tickets.query.order_by)
            ]
            numbered = tickets.annotate(
                position=Window(
                    RowNumber(), partition_by=[F(self.key)], order_by=ordering
                )
            )
            for ticket in numbered.filter(wanted).order_by("position"):
                pages[getattr(ticket, self.key)].append(ticket)
        return [
            build_connection(
                TicketCountableConnection,
                pages[key],
                *bounds[key],
                totals.get(key, 0),
            )
            for key in keys
        ]
