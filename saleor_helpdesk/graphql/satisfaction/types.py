"""Types of the satisfaction survey."""

from typing import Any

import graphene

from ...models import RatingSource, SatisfactionRating
from ...satisfaction.settings import SurveySettings
from ...satisfaction.statistics import (
    AgentRatings,
    ChannelRatings,
    RatingSummary,
    SatisfactionStatistics,
)
from ..core.enums import _enum
from ..core.ids import to_global_id
from ..core.scalars import Date, DateTime
from ..shop.dataloaders import ChannelByIdLoader, UserByIdLoader
from ..shop.types import Channel, HelpdeskUser

TicketRatingSourceEnum = _enum(
    RatingSource,
    "TicketRatingSourceEnum",
    "Where a rating came from: the link in the closing e-mail, the storefront, or a "
    "guest with the order's token.",
)


class TicketSatisfactionIntervalEnum(graphene.Enum):
    WEEK = "week"
    MONTH = "month"

    @property
    def description(self) -> str:
        return {
            "week": "Weeks from Monday, in the shop's time zone.",
            "month": "Calendar months, in the shop's time zone.",
        }[self.value]


def _staff(info: Any) -> bool:
    return bool(info.context.actor.is_agent)


class TicketSatisfactionRating(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the rating.")
    score = graphene.Int(
        required=True, description="1 (not satisfied at all) to 5 (very satisfied)."
    )
    comment = graphene.String(
        required=True, description="What the customer wrote; may be empty."
    )
    source = graphene.Field(
        TicketRatingSourceEnum, required=True, description="Where it came from."
    )
    created_at = DateTime(required=True, description="When it was recorded.")
    agent = graphene.Field(
        HelpdeskUser,
        description=(
            "The ticket's assignee when it was rated (staff only; null for customers "
            "and guests, and when nobody was assigned)."
        ),
    )

    class Meta:
        description = "How the customer rated the handling of a closed ticket."

    @staticmethod
    def resolve_id(root: SatisfactionRating, info: Any) -> str:
        return to_global_id("TicketSatisfactionRating", root.pk)

    @staticmethod
    def resolve_agent(root: SatisfactionRating, info: Any) -> Any:
        if not _staff(info) or root.agent_id is None:
            return None
        return UserByIdLoader(info.context).load(root.agent_id)


class TicketSatisfactionSettings(graphene.ObjectType):
    channel = graphene.Field(
        Channel, description="The channel; null for the shop's defaults."
    )
    inherits_shop_defaults = graphene.Boolean(
        required=True,
        description=(
            "Whether these are the shop's defaults (or built-in ones), because the "
            "channel (or shop) has no survey settings of its own yet."
        ),
    )
    survey_enabled = graphene.Boolean(
        required=True,
        description=(
            "Whether closing e-mails ask for a rating and customers may rate closed "
            "tickets."
        ),
    )
    link_validity_days = graphene.Int(
        required=True,
        description="How many days the links in a closing e-mail work (1 to 365).",
    )

    class Meta:
        description = "The satisfaction survey's settings for a channel."

    @staticmethod
    def resolve_channel(root: SurveySettings, info: Any) -> Any:
        if root.channel_id is None:
            return None
        return ChannelByIdLoader(info.context).load(root.channel_id)


class TicketSatisfactionScoreCount(graphene.ObjectType):
    score = graphene.Int(required=True, description="The score, 1 to 5.")
    count = graphene.Int(required=True, description="Ratings with this score.")

    class Meta:
        description = "How many ratings gave one score."


class TicketSatisfactionSummary(graphene.ObjectType):
    count = graphene.Int(required=True, description="Number of ratings.")
    average = graphene.Float(
        description="Average score (two decimals); null without ratings."
    )
    csat = graphene.Float(
        description=(
            "CSAT: the share of ratings of 4 or 5, in percent (one decimal); null "
            "without ratings."
        )
    )
    distribution = graphene.List(
        graphene.NonNull(TicketSatisfactionScoreCount),
        required=True,
        description="The count of each score, 1 to 5 (zeros included).",
    )

    class Meta:
        description = "Satisfaction figures of a set of ratings."

    @staticmethod
    def resolve_csat(root: RatingSummary, info: Any) -> float | None:
        return root.csat

    @staticmethod
    def resolve_distribution(root: RatingSummary, info: Any) -> list[dict[str, int]]:
        return [
            {"score": score, "count": count}
            for score, count in enumerate(root.distribution, start=1)
        ]


class TicketSatisfactionAgentSummary(graphene.ObjectType):
    agent = graphene.Field(
        HelpdeskUser,
        description="The agent who handled the tickets; null for unassigned ones.",
    )
    summary = graphene.Field(
        TicketSatisfactionSummary, required=True, description="Their figures."
    )

    class Meta:
        description = "The ratings of the tickets one agent handled."

    @staticmethod
    def resolve_agent(root: AgentRatings, info: Any) -> Any:
        if root.agent_id is None:
            return None
        return UserByIdLoader(info.context).load(root.agent_id)


class TicketSatisfactionChannelSummary(graphene.ObjectType):
    channel = graphene.Field(
        Channel, description="The channel; null for tickets of no channel."
    )
    summary = graphene.Field(
        TicketSatisfactionSummary, required=True, description="Its figures."
    )

    class Meta:
        description = "The ratings of one channel's tickets."

    @staticmethod
    def resolve_channel(root: ChannelRatings, info: Any) -> Any:
        if root.channel_id is None:
            return None
        return ChannelByIdLoader(info.context).load(root.channel_id)


class TicketSatisfactionPeriodSummary(graphene.ObjectType):
    start = Date(
        required=True,
        description="First day of the week (Monday) or month, in the shop's time zone.",
    )
    summary = graphene.Field(
        TicketSatisfactionSummary,
        required=True,
        description="Its figures (only ratings inside the requested period).",
    )

    class Meta:
        description = "The ratings of one week or month."


class TicketSatisfactionStatistics(graphene.ObjectType):
    since = DateTime(required=True, description="Start of the period.")
    until = DateTime(required=True, description="End of the period.")
    channel = graphene.Field(
        Channel, description="The channel asked for; null for every channel."
    )
    interval = graphene.Field(
        TicketSatisfactionIntervalEnum,
        required=True,
        description="How `byPeriod` is divided.",
    )
    overall = graphene.Field(
        TicketSatisfactionSummary,
        required=True,
        description="Every rating of the period.",
    )
    by_agent = graphene.List(
        graphene.NonNull(TicketSatisfactionAgentSummary),
        required=True,
        description="Per agent (the assignee when rated), most ratings first.",
    )
    by_channel = graphene.List(
        graphene.NonNull(TicketSatisfactionChannelSummary),
        required=True,
        description="Per channel, most ratings first.",
    )
    by_period = graphene.List(
        graphene.NonNull(TicketSatisfactionPeriodSummary),
        required=True,
        description="Per week or month of the period, oldest first, empty ones included.",
    )

    class Meta:
        description = "Customer satisfaction of a period (ratings recorded in it)."

    @staticmethod
    def resolve_channel(root: SatisfactionStatistics, info: Any) -> Any:
        if root.channel_id is None:
            return None
        return ChannelByIdLoader(info.context).load(root.channel_id)


class TicketSatisfactionPeriodInput(graphene.InputObjectType):
    gte = DateTime(required=True, description="Start of the period (inclusive).")
    lte = DateTime(required=True, description="End of the period (inclusive).")

    class Meta:
        description = "The ratings recorded in this period count; at most 366 days."


class TicketSatisfactionSettingsInput(graphene.InputObjectType):
    survey_enabled = graphene.Boolean(
        description="Whether closing e-mails ask for a rating."
    )
    link_validity_days = graphene.Int(
        description="How many days the links work (1 to 365)."
    )

    class Meta:
        description = "What changes in the survey's settings; omitted fields stay."
