"""The satisfaction survey's queries and mutations."""

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from ...satisfaction.settings import read_survey_settings
from ...satisfaction.statistics import satisfaction_statistics
from ..core.errors import guarded, query_error
from ..core.ids import int_pk
from .mutations.guest_ticket_rate import GuestTicketRate
from .mutations.ticket_rate import TicketRate
from .mutations.ticket_satisfaction_settings_update import (
    TicketSatisfactionSettingsUpdate,
)
from .types import (
    TicketSatisfactionIntervalEnum,
    TicketSatisfactionPeriodInput,
    TicketSatisfactionSettings,
    TicketSatisfactionStatistics,
)


class SatisfactionQueries(graphene.ObjectType):
    ticket_satisfaction_settings = graphene.Field(
        TicketSatisfactionSettings,
        channel=graphene.String(
            description="Slug of the channel; null for the shop's defaults."
        ),
        description=(
            "The satisfaction survey's settings for a channel (the shop's defaults "
            "while it has none of its own), or the shop's defaults. Needs "
            "MANAGE_ORDERS or MANAGE_PLUGINS."
        ),
    )
    ticket_satisfaction_statistics = graphene.Field(
        TicketSatisfactionStatistics,
        period=TicketSatisfactionPeriodInput(
            required=True,
            description="Count the ratings recorded in this period (at most 366 days).",
        ),
        channel=graphene.ID(
            description=(
                "Saleor's ID of a channel; omitted: every channel the caller sees."
            )
        ),
        interval=TicketSatisfactionIntervalEnum(
            default_value="month",
            description="How `byPeriod` divides the period; a month by default.",
        ),
        description=(
            "Customer satisfaction of a period: count, average, distribution and CSAT "
            "overall, per agent, per channel and per week or month. Staff with "
            "MANAGE_ORDERS only, over their channels; null with an error for anyone "
            "else."
        ),
    )

    @staticmethod
    @guarded
    def resolve_ticket_satisfaction_settings(
        root: Any, info: Any, channel: str | None = None
    ) -> Any:
        return read_survey_settings(info.context.actor, channel)

    @staticmethod
    def resolve_ticket_satisfaction_statistics(
        root: Any,
        info: Any,
        period: dict[str, Any],
        channel: str | None = None,
        interval: str = "month",
    ) -> Any:
        try:
            return satisfaction_statistics(
                info.context.actor,
                since=period["gte"],
                until=period["lte"],
                channel_id=int_pk(channel, "Channel", "channel")
                if channel is not None
                else None,
                interval=str(getattr(interval, "value", interval)),
            )
        except ValidationError as error:
            raise query_error(error) from error


class SatisfactionMutations(graphene.ObjectType):
    ticket_rate = TicketRate.Field()
    guest_ticket_rate = GuestTicketRate.Field()
    ticket_satisfaction_settings_update = TicketSatisfactionSettingsUpdate.Field()
