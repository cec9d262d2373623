from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import remove_attachment
from ....core.actor import Actor
from ...core.ids import int_pk
from ..types import TicketType
from .staff import StaffMutation


class TicketAttachmentRemove(StaffMutation):
    ticket = graphene.Field(TicketType, description="The ticket the file was on.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the attachment.")

    class Meta:
        description = (
            "Remove an attachment from a ticket and delete the file (staff with "
            "MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketAttachmentRemove":
        ticket = remove_attachment(actor, int_pk(data["id"], "TicketAttachment"))
        return cls(ticket=ticket)
