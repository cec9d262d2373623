from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.manual import delete_time_entry
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketTimeEntry


class TicketTimeEntryDelete(BaseMutation):
    entry = graphene.Field(TicketTimeEntry, description="The removed entry.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the time entry.")

    class Meta:
        description = (
            "Remove one of your own manual time entries (staff users with "
            "MANAGE_ORDERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTimeEntryDelete":
        entry = delete_time_entry(actor, int_pk(data["id"], "TicketTimeEntry"))
        return cls(entry=entry)
