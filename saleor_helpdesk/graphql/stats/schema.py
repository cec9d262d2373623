"""The `ticketStatistics` query (staff with MANAGE_ORDERS)."""

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ...tickets.access import require_agent
from ...tickets.statistics import ticket_statistics
from ..core.errors import query_error
from ..core.ids import int_pk
from .types import StatisticsRoot, TicketStatisticsPeriodInput, TicketStatisticsType


class StatisticsQueries(graphene.ObjectType):
    ticket_statistics = graphene.Field(
        TicketStatisticsType,
        period=TicketStatisticsPeriodInput(
            required=True,
            description="Count tickets created in this period (at most 366 days).",
        ),
        channel=graphene.ID(
            description=(
                "Saleor's ID of a channel; omitted: every channel the caller sees."
            )
        ),
        language_code=graphene.String(
            description="Language of the labels (e.g. `de`, `en`); defaults to English."
        ),
        description=(
            "Ticket statistics of a period: counts by status, kind, category, "
            "complaint reason and assignee, response and resolution times, and the "
            "daily volume. Staff with MANAGE_ORDERS only, over their channels; null "
            "with an error for anyone else."
        ),
    )

    @staticmethod
    def resolve_ticket_statistics(
        root: Any,
        info: Any,
        period: dict[str, Any],
        channel: str | None = None,
        language_code: str | None = None,
    ) -> StatisticsRoot:
        actor = info.context.actor
        try:
            require_agent(actor)
            statistics = ticket_statistics(
                actor,
                since=period["gte"],
                until=period["lte"],
                channel_id=int_pk(channel, "Channel", "channel")
                if channel is not None
                else None,
            )
        except ValidationError as error:
            raise query_error(error) from error
        return StatisticsRoot(statistics, language_code)
