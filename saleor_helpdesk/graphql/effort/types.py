"""GraphQL types of time and effort. Staff only: no storefront field reaches them."""

from typing import Any

import graphene

from ...core.permissions import Perm
from ...effort.contracts import Budget
from ...effort.statistics import TimeGroup, TimeStatistics
from ...effort.summary import PersonTime, TicketTime
from ...effort.tracking import TrackingState
from ...models import SupportContract, TimeEntry
from ..core.ids import to_global_id
from ..core.scalars import Date, DateTime
from ..core.scalars import Decimal as DecimalScalar
from ..shop.dataloaders import ChannelByIdLoader, UserByIdLoader
from ..shop.types import Channel, HelpdeskUser
from ..tickets.dataloaders import CategoryByIdLoader
from ..workflow.types import TicketCategory
from .dataloaders import BudgetByContractLoader
from .enums import SupportContractUnitEnum, TicketTimeSourceEnum


def _user(info: Any, user_id: int | None) -> Any:
    return UserByIdLoader(info.context).load(user_id) if user_id else None


class TicketTimeEntry(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the time entry.")
    user = graphene.Field(
        HelpdeskUser, description="The staff user whose time it is (null: deleted)."
    )
    source = graphene.Field(
        TicketTimeSourceEnum, required=True, description="Measured or entered by hand."
    )
    started_at = DateTime(required=True, description="When the time began.")
    seconds = graphene.Int(required=True, description="How long, in seconds.")
    note = graphene.String(
        required=True, description="What was done (a phone call); empty when measured."
    )

    class Meta:
        description = "Time one staff user spent on a ticket (staff only)."

    @staticmethod
    def resolve_id(root: TimeEntry, info: Any) -> str:
        return to_global_id("TicketTimeEntry", root.pk)

    @staticmethod
    def resolve_user(root: TimeEntry, info: Any) -> Any:
        return _user(info, root.user_id)


class TicketTimePerson(graphene.ObjectType):
    user = graphene.Field(HelpdeskUser, description="The staff user (null: deleted).")
    seconds = graphene.Int(required=True, description="Their time on the ticket.")

    class Meta:
        description = "One person's total time on a ticket."

    @staticmethod
    def resolve_user(root: PersonTime, info: Any) -> Any:
        return _user(info, root.user_id)


class SupportContractType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the contract.")
    name = graphene.String(required=True, description="The contract's name.")
    customer = graphene.Field(
        HelpdeskUser,
        description="The customer's account; null for a guest contract (and for "
        "callers without MANAGE_USERS).",
    )
    customer_email = graphene.String(
        required=True,
        description="A guest's e-mail address; empty when the contract names an "
        "account (and for callers without MANAGE_USERS).",
    )
    unit = graphene.Field(
        SupportContractUnitEnum, required=True, description="Hours or points."
    )
    budget = DecimalScalar(required=True, description="The budget, in the unit.")
    valid_from = Date(
        required=True, description="First day tickets draw on it (inclusive)."
    )
    valid_until = Date(
        description="Last day tickets draw on it (inclusive); null: open-ended."
    )
    warning_threshold = DecimalScalar(
        required=True,
        description="Staff are warned once when what is left falls to this.",
    )
    points_per_ticket = DecimalScalar(
        required=True,
        description="Points a ticket draws when staff set none (points contracts).",
    )
    is_active = graphene.Boolean(
        required=True, description="Whether tickets draw on it at all."
    )
    warned_at = DateTime(
        description="When the low-budget warning went out; null: not warned since the "
        "budget was last above the threshold."
    )
    used = DecimalScalar(
        required=True, description="What the contract's tickets have drawn so far."
    )
    remaining = DecimalScalar(
        required=True, description="What is left of the budget (negative: overdrawn)."
    )
    low = graphene.Boolean(
        required=True,
        description="Whether what is left is at or below the warning threshold.",
    )

    class Meta:
        name = "SupportContract"
        description = (
            "A customer's support budget in hours or points that their tickets draw "
            "down (staff with MANAGE_USERS; a ticket's own contract also for "
            "MANAGE_ORDERS through `ticketTime`)."
        )

    @staticmethod
    def resolve_id(root: SupportContract, info: Any) -> str:
        return to_global_id("SupportContract", root.pk)

    @staticmethod
    def resolve_customer(root: SupportContract, info: Any) -> Any:
        if not info.context.actor.has_perm(Perm.MANAGE_USERS):
            return None
        return _user(info, root.customer_id)

    @staticmethod
    def resolve_customer_email(root: SupportContract, info: Any) -> str:
        # Staff who reach a ticket's contract through `ticketTime` (MANAGE_ORDERS)
        # know the customer from the ticket already; the contract names them only
        # to MANAGE_USERS, as every other customer field outside a ticket.
        if not info.context.actor.has_perm(Perm.MANAGE_USERS):
            return ""
        return root.customer_email

    @staticmethod
    def _budget(root: SupportContract, info: Any) -> Any:
        return BudgetByContractLoader(info.context).load(root)

    @staticmethod
    def resolve_used(root: SupportContract, info: Any) -> Any:
        return SupportContractType._budget(root, info).then(lambda b: b.used)

    @staticmethod
    def resolve_remaining(root: SupportContract, info: Any) -> Any:
        return SupportContractType._budget(root, info).then(lambda b: b.remaining)

    @staticmethod
    def resolve_low(root: SupportContract, info: Any) -> Any:
        return SupportContractType._budget(root, info).then(lambda b: b.low)


def prime_budget(info: Any, budget: Budget | None) -> None:
    """A budget the domain computed already: the contract's fields read it."""
    if budget is not None:
        BudgetByContractLoader(info.context).prime(budget.contract, budget)


class TicketTimeType(graphene.ObjectType):
    total_seconds = graphene.Int(
        required=True, description="Everyone's time on the ticket, in seconds."
    )
    people = graphene.List(
        graphene.NonNull(TicketTimePerson),
        required=True,
        description="Time per person, most first.",
    )
    entries = graphene.List(
        graphene.NonNull(TicketTimeEntry),
        required=True,
        description="The time entries, newest first.",
    )
    points = DecimalScalar(
        description="Points staff set on the ticket; null: the contract's default."
    )
    contract = graphene.Field(
        SupportContractType,
        description="The support contract the ticket draws on, if any.",
    )

    class Meta:
        name = "TicketTime"
        description = "Time and effort of one ticket (staff only)."

    @staticmethod
    def resolve_contract(root: TicketTime, info: Any) -> Any:
        prime_budget(info, root.budget)
        return root.budget.contract if root.budget is not None else None


class TicketTimeTracking(graphene.ObjectType):
    tracking = graphene.Boolean(
        required=True,
        description="Whether the caller's time on the ticket is being counted now.",
    )
    seconds = graphene.Int(
        required=True, description="The caller's own time on the ticket so far."
    )
    beat_at = DateTime(required=True, description="The server's time of the beat.")

    class Meta:
        description = "What a heartbeat recorded."

    @staticmethod
    def from_state(state: TrackingState) -> "TicketTimeTracking":
        return TicketTimeTracking(
            tracking=state.tracking, seconds=state.seconds, beat_at=state.beat_at
        )


class TimeAgentGroup(graphene.ObjectType):
    user = graphene.Field(HelpdeskUser, description="The staff user (null: deleted).")
    seconds = graphene.Int(required=True, description="Their time in the period.")
    entries = graphene.Int(required=True, description="Their number of entries.")

    class Meta:
        description = "Time of one staff user in a period."

    @staticmethod
    def resolve_user(root: TimeGroup, info: Any) -> Any:
        return _user(info, root.key)


class TimeChannelGroup(graphene.ObjectType):
    channel = graphene.Field(Channel, description="The channel (null: none).")
    seconds = graphene.Int(required=True, description="Time on its tickets.")
    entries = graphene.Int(required=True, description="Number of entries.")

    class Meta:
        description = "Time on the tickets of one channel in a period."

    @staticmethod
    def resolve_channel(root: TimeGroup, info: Any) -> Any:
        return ChannelByIdLoader(info.context).load(root.key) if root.key else None


class TimeCategoryGroup(graphene.ObjectType):
    category = graphene.Field(
        TicketCategory, description="The category (null: uncategorised)."
    )
    seconds = graphene.Int(required=True, description="Time on its tickets.")
    entries = graphene.Int(required=True, description="Number of entries.")

    class Meta:
        description = "Time on the tickets of one category in a period."

    @staticmethod
    def resolve_category(root: TimeGroup, info: Any) -> Any:
        return CategoryByIdLoader(info.context).load(root.key) if root.key else None


class TimeStatisticsType(graphene.ObjectType):
    since = DateTime(required=True, description="Start of the period.")
    until = DateTime(required=True, description="End of the period.")
    total_seconds = graphene.Int(
        required=True, description="All time entries that started in the period."
    )
    entries = graphene.Int(required=True, description="Number of time entries.")
    by_agent = graphene.List(
        graphene.NonNull(TimeAgentGroup),
        required=True,
        description="Time per staff user, most first.",
    )
    by_channel = graphene.List(
        graphene.NonNull(TimeChannelGroup),
        required=True,
        description="Time per channel, most first.",
    )
    by_category = graphene.List(
        graphene.NonNull(TimeCategoryGroup),
        required=True,
        description="Time per category, most first.",
    )

    class Meta:
        name = "TimeStatistics"
        description = "Time spent on tickets in a period (staff with MANAGE_ORDERS)."

    @staticmethod
    def from_domain(stats: TimeStatistics) -> "TimeStatisticsType":
        return TimeStatisticsType(
            since=stats.since,
            until=stats.until,
            total_seconds=stats.total_seconds,
            entries=stats.entries,
            by_agent=stats.by_agent,
            by_channel=stats.by_channel,
            by_category=stats.by_category,
        )
