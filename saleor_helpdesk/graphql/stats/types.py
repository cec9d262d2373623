"""Types of the ticket statistics (staff with MANAGE_ORDERS only)."""

from typing import Any

import graphene

from ...tickets.statistics import TicketStatistics
from ..core.enums import ComplaintReasonEnum, TicketKindEnum, TicketStatusGroupEnum
from ..core.ids import to_global_id
from ..core.scalars import Date, DateTime
from ..shop.types import HelpdeskUser
from ..workflow.types import TicketCategory, TicketStatus


class TicketStatisticsPeriodInput(graphene.InputObjectType):
    gte = DateTime(required=True, description="Start of the period (inclusive).")
    lte = DateTime(required=True, description="End of the period (inclusive).")

    class Meta:
        description = (
            "The period of the statistics: tickets created in it; at most 366 days."
        )


class TicketStatusCount(graphene.ObjectType):
    status = graphene.Field(TicketStatus, required=True, description="The status.")
    name = graphene.String(
        required=True,
        description="Label of the status in the requested language.",
    )
    count = graphene.Int(
        required=True, description="Tickets of the period now in this status."
    )

    class Meta:
        description = "How many tickets of the period are in one status."


class TicketStatusGroupCount(graphene.ObjectType):
    group = graphene.Field(
        TicketStatusGroupEnum, required=True, description="The status group."
    )
    count = graphene.Int(
        required=True, description="Tickets of the period now in this group."
    )

    class Meta:
        description = "How many tickets of the period are in one status group."


class TicketKindCount(graphene.ObjectType):
    kind = graphene.Field(TicketKindEnum, required=True, description="The kind.")
    count = graphene.Int(required=True, description="Tickets of the period of it.")

    class Meta:
        description = "How many tickets of the period are of one kind."


class TicketCategoryCount(graphene.ObjectType):
    category = graphene.Field(
        TicketCategory, description="The category; null for tickets without one."
    )
    name = graphene.String(
        description=(
            "Label of the category in the requested language; null for tickets "
            "without one."
        )
    )
    count = graphene.Int(required=True, description="Tickets of the period in it.")

    class Meta:
        description = "How many tickets of the period are in one category."


class TicketComplaintReasonCount(graphene.ObjectType):
    reason = graphene.Field(
        ComplaintReasonEnum, required=True, description="The complaint reason."
    )
    line_count = graphene.Int(
        required=True,
        description="Complained order lines of the period's complaints with it.",
    )
    ticket_count = graphene.Int(
        required=True,
        description="Complaints of the period with at least one line with it.",
    )

    class Meta:
        description = "How often one reason is given on the complaints of the period."


class TicketAssigneeCount(graphene.ObjectType):
    assignee = graphene.Field(
        HelpdeskUser, description="The assigned staff user; null for unassigned."
    )
    count = graphene.Int(
        required=True, description="Tickets of the period assigned to them."
    )

    class Meta:
        description = "How many tickets of the period one staff user holds."


class TicketDurationStatistics(graphene.ObjectType):
    median = graphene.Float(
        description="Median in seconds; null when no ticket has the time."
    )
    p90 = graphene.Float(
        description=(
            "90th percentile in seconds (interpolated); null when no ticket has "
            "the time."
        )
    )
    count = graphene.Int(
        required=True, description="How many tickets the numbers are based on."
    )

    class Meta:
        description = "How long something took over the tickets of the period."


class TicketVolumeDay(graphene.ObjectType):
    date = Date(required=True, description="The day, in the shop's time zone.")
    created = graphene.Int(required=True, description="Tickets opened that day.")
    closed = graphene.Int(
        required=True,
        description="Tickets closed that day (and not reopened since).",
    )

    class Meta:
        description = "Ticket volume of one day."


class StatisticsRoot:
    """What `ticketStatistics` resolves to: the domain's numbers and the language the
    labels are asked in."""

    def __init__(self, statistics: TicketStatistics, language_code: str | None) -> None:
        self.statistics = statistics
        self.language_code = language_code


class TicketStatisticsType(graphene.ObjectType):
    channel_id = graphene.ID(
        description="Saleor's ID of the channel; null for every channel the caller sees."
    )
    total = graphene.Int(required=True, description="Tickets created in the period.")
    by_status = graphene.List(
        graphene.NonNull(TicketStatusCount),
        required=True,
        description=(
            "Per status, in workflow order: every active status, zeros included."
        ),
    )
    by_status_group = graphene.List(
        graphene.NonNull(TicketStatusGroupCount),
        required=True,
        description="Per status group, zeros included.",
    )
    by_kind = graphene.List(
        graphene.NonNull(TicketKindCount),
        required=True,
        description="Per kind, zeros included.",
    )
    by_category = graphene.List(
        graphene.NonNull(TicketCategoryCount),
        required=True,
        description=(
            "Per category that holds tickets, most first; the entry without a "
            "category counts tickets without one."
        ),
    )
    by_reason = graphene.List(
        graphene.NonNull(TicketComplaintReasonCount),
        required=True,
        description=(
            "Per complaint reason of the complained lines, counted per line and per "
            "complaint, zeros included."
        ),
    )
    by_assignee = graphene.List(
        graphene.NonNull(TicketAssigneeCount),
        required=True,
        description=(
            "Per assigned staff user, most first; the entry without an assignee "
            "counts unassigned tickets."
        ),
    )
    first_response_time = graphene.Field(
        TicketDurationStatistics,
        required=True,
        description="From opening to the first public staff reply.",
    )
    resolution_time = graphene.Field(
        TicketDurationStatistics,
        required=True,
        description="From opening to resolution (closing), for tickets now resolved.",
    )
    volume = graphene.List(
        graphene.NonNull(TicketVolumeDay),
        required=True,
        description="Every day of the period, with the tickets created and closed.",
    )

    class Meta:
        name = "TicketStatistics"
        description = (
            "Numbers about the tickets created in a period: what the caller may see, "
            "in one channel or all of theirs. Merged duplicates are not counted."
        )

    @staticmethod
    def resolve_channel_id(root: StatisticsRoot, info: Any) -> str | None:
        channel_id = root.statistics.channel_id
        return None if channel_id is None else to_global_id("Channel", channel_id)

    @staticmethod
    def resolve_total(root: StatisticsRoot, info: Any) -> int:
        return root.statistics.total

    @staticmethod
    def resolve_by_status(root: StatisticsRoot, info: Any) -> list[dict[str, Any]]:
        return [
            {
                "status": row.status,
                "name": row.status.label(root.language_code),
                "count": row.count,
            }
            for row in root.statistics.by_status
        ]

    @staticmethod
    def resolve_by_status_group(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.by_status_group

    @staticmethod
    def resolve_by_kind(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.by_kind

    @staticmethod
    def resolve_by_category(root: StatisticsRoot, info: Any) -> list[dict[str, Any]]:
        return [
            {
                "category": row.category,
                "name": row.category.label(root.language_code)
                if row.category is not None
                else None,
                "count": row.count,
            }
            for row in root.statistics.by_category
        ]

    @staticmethod
    def resolve_by_reason(root: StatisticsRoot, info: Any) -> list[dict[str, Any]]:
        return [
            {"reason": row.reason, "line_count": row.lines, "ticket_count": row.tickets}
            for row in root.statistics.by_reason
        ]

    @staticmethod
    def resolve_by_assignee(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.by_assignee

    @staticmethod
    def resolve_first_response_time(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.first_response_time

    @staticmethod
    def resolve_resolution_time(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.resolution_time

    @staticmethod
    def resolve_volume(root: StatisticsRoot, info: Any) -> Any:
        return root.statistics.volume
