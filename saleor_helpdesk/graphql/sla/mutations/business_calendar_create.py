from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import create_calendar
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import BusinessCalendarInput
from ..types import BusinessCalendar
from .common import calendar_fields


class BusinessCalendarCreate(BaseMutation):
    calendar = graphene.Field(BusinessCalendar, description="The new calendar.")

    class Arguments:
        input = BusinessCalendarInput(required=True, description="The calendar.")

    class Meta:
        description = "Add a business calendar (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "BusinessCalendarCreate":
        return cls(calendar=create_calendar(actor, calendar_fields(data["input"])))
