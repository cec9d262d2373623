from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from graphql import ResolveInfo

from ....actions import assign_ticket, close_ticket
from ....core.actor import Actor
from ....core.error_codes import HelpdeskErrorCode
from ....core.errors import field_error
from ....host import get_host
from ....tickets.access import visible_tickets
from ....timeline import side_effects
from ...core.ids import int_pk
from ..inputs import TicketBulkUpdateInput
from ..types import TicketType
from .staff import StaffMutation, renamed

MAX_TICKETS = 100


def _codes(error: ValidationError) -> set[str | None]:
    groups = (
        error.error_dict.values()
        if hasattr(error, "error_dict")
        else [error.error_list]
    )
    return {detail.code for details in groups for detail in details}


def _is_already_closed(error: ValidationError) -> bool:
    return _codes(error) == {HelpdeskErrorCode.ALREADY_CLOSED.value}


def _ticket_label(actor: Actor, ticket_id: int, global_id: str) -> str:
    """The number people know, or the ID as sent for a ticket the caller cannot see."""
    number = (
        visible_tickets(actor).filter(pk=ticket_id).values_list("number", flat=True)
    ).first()
    return f"Ticket #{number}" if number is not None else f"Ticket {global_id}"


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
            description=f"IDs of the tickets (at most {MAX_TICKETS}).",
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
        if not ids:
            raise field_error(
                "ids", "Choose at least one ticket.", HelpdeskErrorCode.REQUIRED
            )
        if len(ids) > MAX_TICKETS:
            raise field_error(
                "ids",
                f"Update at most {MAX_TICKETS} tickets at once (you sent {len(ids)}).",
                HelpdeskErrorCode.INVALID,
            )
        given = data["input"]
        close = bool(given.get("close"))
        assignee = given.get("assignee")
        if not close and not assignee:
            raise field_error(
                "input",
                "Choose what to change: close or assignee.",
                HelpdeskErrorCode.REQUIRED,
            )
        global_ids = {int_pk(value, "Ticket", "ids"): value for value in ids}
        assignee_id = int_pk(assignee, "User", "assignee") if assignee else None
        # Whether the assignee may open each ticket: the shop is asked once.
        access = get_host().staff_access([assignee_id]) if assignee_id else {}
        current: int | None = None
        try:
            with transaction.atomic(), side_effects.batched():
                # In id order, as a merge locks: two bulk updates over the same tickets
                # then wait for each other instead of deadlocking.
                for current in sorted(global_ids):
                    if assignee_id is not None:
                        assign_ticket(
                            actor, current, assignee_id, assignee_access=access
                        )
                    if close:
                        try:
                            close_ticket(actor, current)
                        except ValidationError as error:
                            if not _is_already_closed(error):
                                raise
        except ValidationError as error:
            if current is None:
                raise
            label = _ticket_label(actor, current, global_ids[current])
            fields: dict[str | None, str | None] = {"id": "ids", None: "ids"}
            if HelpdeskErrorCode.CANNOT_SEE_TICKET.value in _codes(error):
                # The assignee may open some of the tickets: say which one not.
                fields["assignee"] = "assignee"
            raise renamed(error, fields, prefix=f"{label}: ") from error
        by_id = visible_tickets(actor).in_bulk(list(global_ids))
        tickets = [by_id[pk] for pk in global_ids if pk in by_id]
        return cls(count=len(tickets), tickets=tickets)
