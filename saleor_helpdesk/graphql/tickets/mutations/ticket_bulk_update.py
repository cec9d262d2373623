from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.update import (
    MAX_BULK_TICKETS,
    TicketRefused,
    bulk_update_tickets,
    check_bulk_update,
)
from ....core.actor import Actor
from ....core.error_codes import HelpdeskErrorCode
from ...core.ids import int_pk
from ..inputs import TicketBulkUpdateInput
from ..types import TicketType
from .staff import StaffMutation, renamed


class TicketBulkUpdate(StaffMutation):
    count = graphene.Int(
        required=True, default_value=0, description="How many tickets were updated."
    )
    tickets = graphene.List(
        graphene.NonNull(TicketType),
        required=True,
        default_value=[],
        description="The updated tickets, in the order of `ids`.",
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description=f"IDs of the tickets (at most {MAX_BULK_TICKETS}).",
        )
        input = TicketBulkUpdateInput(
            required=True, description="What to change on every ticket."
        )

    class Meta:
        description = (
            "Assign or close many tickets at once (staff with MANAGE_ORDERS). All or "
            "nothing: when one ticket is refused, none changes and the error names "
            "that ticket."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketBulkUpdate":
        ids: list[str] = list(dict.fromkeys(data["ids"]))
        given = data["input"]
        close = bool(given.get("close"))
        assignee = given.get("assignee")
        # Refused before any ID is read, whatever the IDs are.
        check_bulk_update(len(ids), close=close, assign=bool(assignee))
        global_ids = {int_pk(value, "Ticket", "ids"): value for value in ids}
        assignee_id = int_pk(assignee, "User", "assignee") if assignee else None
        try:
            tickets = bulk_update_tickets(
                actor, list(global_ids), assignee_id=assignee_id, close=close
            )
        except TicketRefused as refusal:
            # The number people know, or the ID as sent for a ticket the caller cannot
            # see.
            label = (
                f"Ticket #{refusal.number}"
                if refusal.number is not None
                else f"Ticket {global_ids[refusal.ticket_id]}"
            )
            fields: dict[str | None, str | None] = {"id": "ids", None: "ids"}
            if HelpdeskErrorCode.CANNOT_SEE_TICKET.value in refusal.codes:
                # The assignee may open some of the tickets: say which one not.
                fields["assignee"] = "assignee"
            raise renamed(refusal, fields, prefix=f"{label}: ") from refusal
        return cls(count=len(tickets), tickets=tickets)
