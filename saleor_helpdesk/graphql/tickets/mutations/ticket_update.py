from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.update import TicketChanges, update_ticket
from ....core.actor import Actor
from ...core.ids import int_pk
from ..inputs import TicketUpdateInput
from ..types import TicketType
from .common import optional_int_pk
from .staff import StaffMutation


class TicketUpdate(StaffMutation):
    ticket = graphene.Field(TicketType, description="The updated ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketUpdateInput(required=True, description="The fields to change.")

    class Meta:
        description = (
            "Change a ticket's priority, category, due date or CC list (staff with "
            "MANAGE_ORDERS). All given fields change together or none does."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketUpdate":
        ticket_id = int_pk(data["id"], "Ticket")
        given = data["input"]
        changes = TicketChanges()
        if "priority" in given:
            priority = given["priority"]
            changes["priority_id"] = (
                None
                if priority is None
                else int_pk(priority, "TicketPriority", "priority")
            )
        if "category" in given:
            changes["category_id"] = optional_int_pk(
                given["category"], "TicketCategory", "category"
            )
        if "due_date" in given:
            changes["due_date"] = given["due_date"]
        if "cc_emails" in given:
            changes["cc_emails"] = list(given["cc_emails"] or [])
        return cls(ticket=update_ticket(actor, ticket_id, changes))
