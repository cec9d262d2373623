"""Types of the service-level API: calendars, policies, a ticket's targets, attainment."""

from datetime import timedelta
from typing import Any

import graphene
from django.utils import timezone

from ...models import BusinessCalendar as CalendarModel
from ...models import SlaPolicy as PolicyModel
from ...models import SlaTarget
from ...sla.calendars import schedules_for_channels
from ...sla.clock import consumed
from ...sla.state import target_state
from ...sla.statistics import Group
from ..core.enums import TicketKindEnum
from ..core.ids import to_global_id
from ..core.scalars import Date, DateTime
from ..shop.dataloaders import ChannelByIdLoader, UserByIdLoader
from ..shop.types import Channel, HelpdeskUser
from ..tickets.dataloaders import CategoryByIdLoader, PriorityByIdLoader
from ..workflow.types import TicketCategory, TicketPriority
from .enums import SlaMetricEnum, SlaStateEnum, WeekdayEnum


class BusinessHoursInterval(graphene.ObjectType):
    weekday = graphene.Field(WeekdayEnum, required=True, description="The weekday.")
    start = graphene.String(
        required=True, description="Opening time, local, as HH:MM (e.g. 09:00)."
    )
    end = graphene.String(
        required=True, description="Closing time, local, as HH:MM (24:00: midnight)."
    )

    class Meta:
        description = "Opening hours on one weekday."

    @staticmethod
    def resolve_weekday(root: dict[str, Any], info: Any) -> int:
        return int(root["weekday"])

    @staticmethod
    def resolve_start(root: dict[str, Any], info: Any) -> str:
        return str(root["start"])

    @staticmethod
    def resolve_end(root: dict[str, Any], info: Any) -> str:
        return str(root["end"])


class BusinessCalendar(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the calendar.")
    name = graphene.String(required=True, description="Name of the calendar.")
    time_zone = graphene.String(
        required=True, description="IANA time zone of the hours (Europe/Berlin)."
    )
    hours = graphene.List(
        graphene.NonNull(BusinessHoursInterval),
        required=True,
        description="Weekly opening hours.",
    )
    holiday_country = graphene.String(
        required=True,
        description="ISO country whose public holidays are closed (empty: none).",
    )
    holiday_subdivision = graphene.String(
        required=True,
        description="Region of that country (e.g. BY for Bavaria; empty: national).",
    )
    closed_dates = graphene.List(
        graphene.NonNull(Date),
        required=True,
        description="Extra closed days (company holidays).",
    )
    is_default = graphene.Boolean(
        required=True,
        description="Whether the shop and channels without their own use it.",
    )
    channels = graphene.List(
        graphene.NonNull(Channel),
        required=True,
        description="Channels that use this calendar instead of the default.",
    )

    class Meta:
        description = "When the support team works: business hours and closed days."

    @staticmethod
    def resolve_id(root: CalendarModel, info: Any) -> str:
        return to_global_id("BusinessCalendar", root.pk)

    @staticmethod
    def resolve_channels(root: CalendarModel, info: Any) -> Any:
        links = root.channel_links.all()
        loader = ChannelByIdLoader(info.context)
        return loader.load_many([link.channel_id for link in links])


class SlaPolicy(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the policy.")
    name = graphene.String(required=True, description="Name of the policy.")
    position = graphene.Int(
        required=True, description="Order of matching: the first that matches applies."
    )
    is_active = graphene.Boolean(required=True, description="Whether it is matched.")
    priority = graphene.Field(
        TicketPriority, description="Only tickets of this priority; null: any."
    )
    channel = graphene.Field(Channel, description="Only this channel; null: any.")
    kind = graphene.Field(TicketKindEnum, description="Only this kind; null: any.")
    category = graphene.Field(
        TicketCategory, description="Only this category; null: any."
    )
    first_response_minutes = graphene.Int(
        description="First response within this many business minutes; null: no target."
    )
    next_response_minutes = graphene.Int(
        description=(
            "Each further answer to the customer within this many business minutes; "
            "null: no target."
        )
    )
    resolution_minutes = graphene.Int(
        description="Resolution within this many business minutes; null: no target."
    )
    at_risk_percent = graphene.Int(
        required=True,
        description="A target is at risk once this share (percent) of it is used.",
    )

    class Meta:
        description = "Service-level targets for the tickets that match."

    @staticmethod
    def resolve_id(root: PolicyModel, info: Any) -> str:
        return to_global_id("SlaPolicy", root.pk)

    @staticmethod
    def resolve_kind(root: PolicyModel, info: Any) -> Any:
        return root.kind or None

    @staticmethod
    def resolve_priority(root: PolicyModel, info: Any) -> Any:
        if root.priority_id is None:
            return None
        return PriorityByIdLoader(info.context).load(root.priority_id)

    @staticmethod
    def resolve_category(root: PolicyModel, info: Any) -> Any:
        if root.category_id is None:
            return None
        return CategoryByIdLoader(info.context).load(root.category_id)

    @staticmethod
    def resolve_channel(root: PolicyModel, info: Any) -> Any:
        if root.channel_id is None:
            return None
        return ChannelByIdLoader(info.context).load(root.channel_id)


class TicketSlaTarget(graphene.ObjectType):
    metric = graphene.Field(
        SlaMetricEnum, required=True, description="What it measures."
    )
    state = graphene.Field(SlaStateEnum, required=True, description="Where it stands.")
    target_minutes = graphene.Int(
        required=True, description="The target, in business minutes."
    )
    consumed_minutes = graphene.Float(
        required=True, description="Business minutes used so far."
    )
    remaining_minutes = graphene.Float(
        required=True,
        description="Business minutes left (negative: overdue by that much).",
    )
    started_at = DateTime(required=True, description="When the clock started.")
    due_at = DateTime(description="When it is due; null while paused or finished.")
    paused_at = DateTime(
        description="Since when the clock stands still; null: running."
    )
    met_at = DateTime(description="When it was met; null: not yet.")
    breached_at = DateTime(description="When its time ran out; null: not (yet).")

    class Meta:
        description = "One service-level target of a ticket (staff only)."

    @staticmethod
    def resolve_state(root: SlaTarget, info: Any) -> Any:
        return target_state(root, timezone.now())

    @staticmethod
    def resolve_consumed_minutes(root: SlaTarget, info: Any) -> float:
        return _used(root, info).total_seconds() / 60

    @staticmethod
    def resolve_remaining_minutes(root: SlaTarget, info: Any) -> float:
        left = timedelta(minutes=root.target_minutes) - _used(root, info)
        return left.total_seconds() / 60


def _used(target: SlaTarget, info: Any) -> timedelta:
    """Business time used by now; the calendars are read once per request."""
    if target.running_since is None or target.met_at is not None:
        return timedelta(seconds=target.consumed_seconds)
    channel_id = getattr(target, "channel_pk", None)
    schedules = info.context.dataloaders.setdefault("sla_schedules", {})
    if channel_id not in schedules:
        schedules.update(schedules_for_channels([channel_id]))
    return consumed(target, schedules[channel_id], timezone.now())


class SlaAttainmentCounts(graphene.ObjectType):
    met = graphene.Int(required=True, description="Targets met in time.")
    breached = graphene.Int(
        required=True, description="Targets whose time ran out (late or still open)."
    )
    running = graphene.Int(required=True, description="Targets still within time.")
    total = graphene.Int(required=True, description="Targets started in the period.")
    attainment = graphene.Float(
        description="Met out of met plus breached (0 to 1); null when none is decided."
    )

    class Meta:
        description = "How many service-level targets were met."


class SlaAttainmentByMetric(graphene.ObjectType):
    metric = graphene.Field(SlaMetricEnum, required=True, description="The target.")
    counts = graphene.Field(
        SlaAttainmentCounts, required=True, description="The counts."
    )

    class Meta:
        description = "Attainment of one kind of target."

    @staticmethod
    def resolve_metric(root: Group, info: Any) -> Any:
        return root.key


class SlaAttainmentByChannel(graphene.ObjectType):
    channel = graphene.Field(Channel, description="The channel; null: no channel.")
    counts = graphene.Field(
        SlaAttainmentCounts, required=True, description="The counts."
    )

    class Meta:
        description = "Attainment in one channel."

    @staticmethod
    def resolve_channel(root: Group, info: Any) -> Any:
        return ChannelByIdLoader(info.context).load(root.key) if root.key else None


class SlaAttainmentByPriority(graphene.ObjectType):
    priority = graphene.Field(TicketPriority, description="The ticket's priority now.")
    counts = graphene.Field(
        SlaAttainmentCounts, required=True, description="The counts."
    )

    class Meta:
        description = "Attainment per priority."

    @staticmethod
    def resolve_priority(root: Group, info: Any) -> Any:
        return PriorityByIdLoader(info.context).load(root.key) if root.key else None


class SlaAttainmentByAssignee(graphene.ObjectType):
    assignee = graphene.Field(
        HelpdeskUser, description="The ticket's assignee now; null: unassigned."
    )
    counts = graphene.Field(
        SlaAttainmentCounts, required=True, description="The counts."
    )

    class Meta:
        description = "Attainment per assignee."

    @staticmethod
    def resolve_assignee(root: Group, info: Any) -> Any:
        return UserByIdLoader(info.context).load(root.key) if root.key else None


class SlaAttainmentByWeek(graphene.ObjectType):
    week = Date(required=True, description="Monday of the week (shop's time zone).")
    counts = graphene.Field(
        SlaAttainmentCounts, required=True, description="The counts."
    )

    class Meta:
        description = "Attainment of the targets started in one week."

    @staticmethod
    def resolve_week(root: Group, info: Any) -> Any:
        return root.key


class SlaAttainment(graphene.ObjectType):
    overall = graphene.Field(
        SlaAttainmentCounts, required=True, description="Every target of the period."
    )
    by_metric = graphene.List(
        graphene.NonNull(SlaAttainmentByMetric),
        required=True,
        description="Per target.",
    )
    by_channel = graphene.List(
        graphene.NonNull(SlaAttainmentByChannel),
        required=True,
        description="Per channel.",
    )
    by_priority = graphene.List(
        graphene.NonNull(SlaAttainmentByPriority),
        required=True,
        description="Per priority.",
    )
    by_assignee = graphene.List(
        graphene.NonNull(SlaAttainmentByAssignee),
        required=True,
        description="Per assignee.",
    )
    by_week = graphene.List(
        graphene.NonNull(SlaAttainmentByWeek), required=True, description="Per week."
    )

    class Meta:
        description = (
            "Service-level attainment of the targets started in a period (staff with "
            "MANAGE_ORDERS, over their channels)."
        )


class SlaHolidayCountry(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 3166 code (DE).")
    subdivisions = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Regions with their own holidays (BY, BE, …).",
    )

    class Meta:
        description = "A country whose public holidays a calendar can close on."
