from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import delete_calendar
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import BusinessCalendar


class BusinessCalendarDelete(BaseMutation):
    calendar = graphene.Field(BusinessCalendar, description="The deleted calendar.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the calendar.")

    class Meta:
        description = "Delete a business calendar; its channels follow the default calendar again (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "BusinessCalendarDelete":
        return cls(
            calendar=delete_calendar(actor, int_pk(data["id"], "BusinessCalendar"))
        )
