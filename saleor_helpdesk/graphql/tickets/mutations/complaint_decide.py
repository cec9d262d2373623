from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import decide_complaint
from ....core.actor import Actor
from ...core.ids import int_pk
from ..inputs import ComplaintDecideInput
from ..types import ComplaintType, TicketType
from .staff import StaffMutation


class ComplaintDecide(StaffMutation):
    ticket = graphene.Field(TicketType, description="The complaint ticket.")
    complaint = graphene.Field(ComplaintType, description="The decided complaint.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the complaint ticket.")
        input = ComplaintDecideInput(required=True, description="The decision.")

    class Meta:
        description = (
            "Decide a complaint: refund, replacement, repair, credit or rejection, with "
            "a note (staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "ComplaintDecide":
        given = data["input"]
        ticket = decide_complaint(
            actor,
            int_pk(data["id"], "Ticket"),
            given["decision"],
            given.get("note") or "",
        )
        return cls(ticket=ticket, complaint=ticket.complaint)
