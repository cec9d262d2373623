"""Pages of tickets sorted by a column of a small related table (status or priority
position, assignee e-mail, channel name), without sorting the whole ticket table.

`ORDER BY priority.position, number LIMIT 50` cannot use an index: PostgreSQL joins and
sorts every matching ticket, a second and more at a million tickets. But such a key has
few values, one per related row. So the page is read group by group instead: the
related rows that tickets point at, in key order (ties in one group), and for each
group its tickets by number through the `(foreign key, number)` index, each group cut
at the page's end. A UNION ALL of those index scans, ordered by group and number,
gives the same rows in the same order as the join would, reading at most
`groups * page end` index entries.

The groups come from the tickets themselves (the distinct foreign key values, read by
skipping through the index: one probe per value), so a related table with many rows
(Saleor's users) costs nothing. Past `MAX_GROUPS` values the plain join is cheaper to
plan and is used instead.
"""

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.db import connection
from django.db.models import Model, Q, QuerySet, Value

from ..models import Ticket

MAX_GROUPS = 64


@dataclass(frozen=True)
class RelatedKey:
    """A sort key read from the table `foreign_key` points at."""

    # Ticket column, e.g. "priority_id".
    foreign_key: str
    # Field of the related model holding the key, e.g. "position".
    key: str


def present_values(column: str) -> list[Any]:
    """The distinct non-NULL values of a ticket column among listed tickets, by a loose
    index scan of its (column, number) index: one probe per value, however many
    tickets."""
    table = Ticket._meta.db_table
    # Only listed (not merged) tickets: the lists show no others, and the partial
    # (foreign key, number) indexes hold no others; without the condition PostgreSQL
    # cannot use them and reads the table once per value.
    sql = f"""
        WITH RECURSIVE present(value) AS (
            (SELECT {column} FROM {table}
             WHERE {column} IS NOT NULL AND merged_into_id IS NULL
             ORDER BY {column} LIMIT 1)
            UNION ALL
            SELECT (SELECT t.{column} FROM {table} t
                    WHERE t.{column} > present.value AND t.merged_into_id IS NULL
                    ORDER BY t.{column} LIMIT 1)
            FROM present WHERE present.value IS NOT NULL
        )
        SELECT value FROM present WHERE value IS NOT NULL
    """  # noqa: S608 - column and table are model metadata, not input
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


class RelatedOrderPage:
    """`queryset`, already ordered by `sort` then number (the join, kept for a page
    with too many groups), read a page at a time (`[start:end]`) and counted
    (`count()`), as the connection helpers expect of a queryset."""

    def __init__(
        self, queryset: QuerySet[Ticket], sort: RelatedKey, descending: bool
    ) -> None:
        self.queryset = queryset
        self.sort = sort
        self.descending = descending

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, bounds: slice) -> list[Ticket]:
        start, end = bounds.start or 0, bounds.stop
        groups = self._groups()
        if groups is None:
            return list(self.queryset[start:end])
        number = "-number" if self.descending else "number"
        parts = [
            self.queryset.filter(condition)
            .annotate(sort_group=Value(index))
            .order_by(number)
            .values_list("pk", "sort_group", "number")[:end]
            for index, condition in enumerate(groups)
        ]
        if not parts:
            return []
        union = parts[0].union(*parts[1:], all=True).order_by("sort_group", number)
        ids = [pk for pk, _group, _number in union[start:end]]
        rows = self.queryset.order_by().in_bulk(ids)
        return [rows[pk] for pk in ids]

    def _groups(self) -> list[Q] | None:
        """One condition per group of tickets with the same key, in page order; None
        when there are too many values to read group by group."""
        column = self.sort.foreign_key
        values = present_values(column)
        if len(values) > MAX_GROUPS:
            return None
        related = Ticket._meta.get_field(column.removesuffix("_id")).related_model
        assert isinstance(related, type) and issubclass(related, Model)
        key = self.sort.key
        keyed = (
            related._default_manager.filter(pk__in=values)
            .order_by(f"-{key}" if self.descending else key)
            .values_list("pk", key)
        )
        groups = [
            Q(**{f"{column}__in": [pk for pk, _key in same]})
            for _value, same in groupby(keyed, key=lambda row: row[1])
        ]
        # PostgreSQL sorts NULL (no related row) last going up, first going down. (A
        # ticket moved to a value that had no tickets while this page is read shows
        # from the next read on: the values are read first.)
        unset = Q(**{f"{column}__isnull": True})
        return [unset, *groups] if self.descending else [*groups, unset]
