from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import update_calendar
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import BusinessCalendarInput
from ..types import BusinessCalendar
from .common import calendar_fields


class BusinessCalendarUpdate(BaseMutation):
    calendar = graphene.Field(BusinessCalendar, description="The changed calendar.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the calendar.")
        input = BusinessCalendarInput(required=True, description="What changes.")

    class Meta:
        description = "Change a business calendar (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "BusinessCalendarUpdate":
        pk = int_pk(data["id"], "BusinessCalendar")
        return cls(calendar=update_calendar(actor, pk, calendar_fields(data["input"])))
