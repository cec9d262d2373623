"""Service levels: business calendars and SLA policies (read with MANAGE_ORDERS or
MANAGE_PLUGINS, changed with MANAGE_PLUGINS), and attainment statistics (staff with
MANAGE_ORDERS, over their channels)."""

from typing import Any

import graphene
import holidays

from ...actions.config import require_settings_reader
from ...models import BusinessCalendar as CalendarModel
from ...models import SlaPolicy as PolicyModel
from ...sla.statistics import sla_attainment
from ..core.errors import guarded
from ..core.ids import int_pk
from ..stats.types import TicketStatisticsPeriodInput
from .mutations.business_calendar_create import BusinessCalendarCreate
from .mutations.business_calendar_delete import BusinessCalendarDelete
from .mutations.business_calendar_update import BusinessCalendarUpdate
from .mutations.sla_policy_create import SlaPolicyCreate
from .mutations.sla_policy_delete import SlaPolicyDelete
from .mutations.sla_policy_update import SlaPolicyUpdate
from .types import BusinessCalendar, SlaAttainment, SlaHolidayCountry, SlaPolicy

READERS = "Needs MANAGE_ORDERS or MANAGE_PLUGINS."


class SlaQueries(graphene.ObjectType):
    business_calendars = graphene.List(
        graphene.NonNull(BusinessCalendar),
        description=f"The business calendars, by name. {READERS}",
    )
    sla_policies = graphene.List(
        graphene.NonNull(SlaPolicy),
        description=f"The SLA policies in the order they are matched. {READERS}",
    )
    sla_holiday_countries = graphene.List(
        graphene.NonNull(SlaHolidayCountry),
        description=(
            "The countries (and their regions) whose public holidays a calendar can "
            f"close on, by code. {READERS}"
        ),
    )
    sla_attainment = graphene.Field(
        SlaAttainment,
        period=TicketStatisticsPeriodInput(
            required=True,
            description="Targets started in this period (at most 366 days).",
        ),
        channel=graphene.ID(
            description="Saleor's ID of a channel; omitted: every channel the caller sees."
        ),
        description=(
            "Service-level attainment of a period: per target, channel, priority, "
            "assignee and week. Staff with MANAGE_ORDERS only, over their channels; "
            "null with an error for anyone else."
        ),
    )

    @staticmethod
    @guarded
    def resolve_business_calendars(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return CalendarModel.objects.prefetch_related("channel_links").order_by(
            "name", "pk"
        )

    @staticmethod
    @guarded
    def resolve_sla_policies(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        return PolicyModel.objects.order_by("position", "pk")

    @staticmethod
    @guarded
    def resolve_sla_holiday_countries(root: Any, info: Any) -> Any:
        require_settings_reader(info.context.actor)
        supported = holidays.list_supported_countries()
        return [
            SlaHolidayCountry(code=code, subdivisions=list(supported[code]))
            for code in sorted(supported)
        ]

    @staticmethod
    @guarded
    def resolve_sla_attainment(
        root: Any, info: Any, period: dict[str, Any], channel: str | None = None
    ) -> Any:
        return sla_attainment(
            info.context.actor,
            since=period["gte"],
            until=period["lte"],
            channel_id=int_pk(channel, "Channel", "channel")
            if channel is not None
            else None,
        )


class SlaMutations(graphene.ObjectType):
    business_calendar_create = BusinessCalendarCreate.Field()
    business_calendar_update = BusinessCalendarUpdate.Field()
    business_calendar_delete = BusinessCalendarDelete.Field()
    sla_policy_create = SlaPolicyCreate.Field()
    sla_policy_update = SlaPolicyUpdate.Field()
    sla_policy_delete = SlaPolicyDelete.Field()
