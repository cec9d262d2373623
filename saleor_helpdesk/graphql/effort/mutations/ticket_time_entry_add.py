from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....core.error_codes import HelpdeskErrorCode
from ....core.errors import field_error
from ....effort.manual import add_time_entry
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import TicketTimeEntryInput
from ..types import TicketTimeEntry


class TicketTimeEntryAdd(BaseMutation):
    entry = graphene.Field(TicketTimeEntry, description="The new entry.")

    class Arguments:
        ticket = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketTimeEntryInput(required=True, description="The time spent.")

    class Meta:
        description = (
            "Log time by hand on a ticket (a phone call), with a note; a timeline "
            "event (staff users with MANAGE_ORDERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTimeEntryAdd":
        given = data["input"]
        if given.get("minutes") is None:
            raise field_error(
                "minutes", "Enter the minutes.", HelpdeskErrorCode.REQUIRED
            )
        entry = add_time_entry(
            actor,
            int_pk(data["ticket"], "Ticket", "ticket"),
            minutes=given["minutes"],
            note=given.get("note") or "",
            started_at=given.get("started_at"),
        )
        return cls(entry=entry)
