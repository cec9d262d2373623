"""Countable Relay connections over querysets, with Saleor's pagination rules: `first`
or `last` is required and at most 100."""

import base64
from typing import Any, Protocol

import graphene
from django.db.models import QuerySet

from graphql import GraphQLError

PAGINATION_LIMIT = 100


class CountableConnection(graphene.relay.Connection):
    total_count = graphene.Int(description="How many items match, over all pages.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_total_count(root: Any, info: Any) -> int:
        return root.length


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: str | None, argument: str) -> int | None:
    if cursor is None:
        return None
    try:
        kind, _, value = base64.b64decode(cursor).decode().partition(":")
        if kind == "offset" and value.isdigit():
            return int(value)
    except (ValueError, UnicodeDecodeError):
        pass
    raise GraphQLError(
        f"Invalid cursor in `{argument}`.",
        extensions={"code": "INVALID", "field": argument},
    )


def check_pagination(first: int | None, last: int | None) -> None:
    """Saleor's rules; called before any database query."""
    if first is None and last is None:
        raise GraphQLError(
            "You must provide a `first` or `last` value to paginate.",
            extensions={"code": "PAGINATION"},
        )
    if first is not None and last is not None:
        raise GraphQLError(
            "Pass either `first` or `last`, not both.",
            extensions={"code": "PAGINATION"},
        )
    for name, value in (("first", first), ("last", last)):
        check_page_size(name, value)


def check_page_size(name: str, value: int | None) -> None:
    """A page of at most PAGINATION_LIMIT items: for connections and for the plain
    lists that take a `first` argument."""
    if value is not None and not 0 <= value <= PAGINATION_LIMIT:
        raise GraphQLError(
            f"`{name}` must be between 0 and {PAGINATION_LIMIT} (you asked for {value}).",
            extensions={"code": "PAGINATION", "field": name},
        )


class Pages(Protocol):
    """What a connection reads: a count and a slice of items (a queryset, or an
    ordering of one read another way, such as `tickets.related_order`)."""

    def count(self) -> int: ...

    def __getitem__(self, bounds: slice, /) -> Any: ...


def resolve_connection(
    queryset: QuerySet[Any] | Pages,
    connection_type: type[CountableConnection],
    *,
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    **_filters: Any,
) -> CountableConnection:
    check_pagination(first, last)
    cursors = page_cursors(after, before)
    total = queryset.count()
    start, end = page_bounds(total, cursors, first, last)
    items = list(queryset[start:end]) if end > start else []
    return build_connection(connection_type, items, start, end, total)


def page_cursors(
    after: str | None, before: str | None
) -> tuple[int | None, int | None]:
    """The offsets the cursors `after` and `before` stand for (GraphQLError for a
    cursor this API did not give out), read before any database query."""
    return _offset(after, "after"), _offset(before, "before")


def page_bounds(
    total: int,
    cursors: tuple[int | None, int | None],
    first: int | None,
    last: int | None,
) -> tuple[int, int]:
    """The page's [start, end) among `total` items."""
    after_offset, before_offset = cursors
    start = after_offset + 1 if after_offset is not None else 0
    end = min(before_offset if before_offset is not None else total, total)
    if first is not None:
        end = min(end, start + first)
    if last is not None:
        start = max(start, end - last)
    return start, end


def build_connection(
    connection_type: type[CountableConnection],
    items: list[Any],
    start: int,
    end: int,
    total: int,
) -> CountableConnection:
    """The connection of one page: `items` are the items from `start` to `end`."""
    edge_type = connection_type.Edge
    edges = [
        edge_type(node=node, cursor=_cursor(start + index))
        for index, node in enumerate(items)
    ]
    connection = connection_type(
        edges=edges,
        page_info=graphene.relay.PageInfo(
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
            has_previous_page=start > 0,
            has_next_page=end < total,
        ),
    )
    connection.length = total
    return connection


def connection_field(connection_type: Any, **kwargs: Any) -> graphene.ConnectionField:
    """A connection field with described pagination arguments (Saleor's rules)."""
    return graphene.ConnectionField(
        connection_type,
        first=graphene.Int(
            description=f"Items from the start (at most {PAGINATION_LIMIT}); "
            "`first` or `last` is required."
        ),
        last=graphene.Int(
            description=f"Items from the end (at most {PAGINATION_LIMIT})."
        ),
        after=graphene.String(description="Items after this cursor."),
        before=graphene.String(description="Items before this cursor."),
        **kwargs,
    )
