from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.manual import update_time_entry
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import TicketTimeEntryInput
from ..types import TicketTimeEntry


class TicketTimeEntryUpdate(BaseMutation):
    entry = graphene.Field(TicketTimeEntry, description="The changed entry.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the time entry.")
        input = TicketTimeEntryInput(required=True, description="What to change.")

    class Meta:
        description = (
            "Change one of your own manual time entries; measured time cannot be "
            "changed (staff users with MANAGE_ORDERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTimeEntryUpdate":
        given = data["input"]
        entry = update_time_entry(
            actor,
            int_pk(data["id"], "TicketTimeEntry"),
            minutes=given.get("minutes"),
            note=given.get("note"),
            started_at=given.get("started_at"),
        )
        return cls(entry=entry)
