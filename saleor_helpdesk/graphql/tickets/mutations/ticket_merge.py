from typing import Any

import graphene
from django.core.exceptions import ValidationError

from graphql import ResolveInfo

from ....actions import merge_tickets
from ....core.actor import Actor
from ....models import Ticket
from ...core.ids import int_pk
from ..types import TicketType
from .staff import StaffMutation, renamed


class TicketMerge(StaffMutation):
    ticket = graphene.Field(
        TicketType, description="The ticket that carries on (the target)."
    )
    merged_ticket = graphene.Field(
        TicketType,
        description="The duplicate (the source), now closed and pointing to the target.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the duplicate (the source).")
        target = graphene.ID(
            required=True, description="ID of the ticket that carries on."
        )

    class Meta:
        description = (
            "Merge a duplicate into another ticket of the same customer: its comments, "
            "attachments, timeline, order lines and CCs move over and it is closed "
            "(staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketMerge":
        source_id = int_pk(data["id"], "Ticket")
        target_id = int_pk(data["target"], "Ticket", "target")
        try:
            target = merge_tickets(actor, source_id, target_id)
        except ValidationError as error:
            raise renamed(error, {"source": "id"}) from error
        return cls(ticket=target, merged_ticket=Ticket.objects.get(pk=source_id))
