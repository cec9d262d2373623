from typing import Any

import graphene
from django.core.exceptions import ValidationError

from graphql import ResolveInfo

from ....actions import add_attachments
from ....core.actor import Actor
from ....core.error_codes import HelpdeskErrorCode
from ....core.errors import field_error
from ...core.ids import int_pk
from ...core.scalars import Upload
from ..types import TicketAttachment, TicketType
from .staff import StaffMutation, renamed


class TicketAttachmentAdd(StaffMutation):
    ticket = graphene.Field(TicketType, description="The ticket.")
    attachments = graphene.List(
        graphene.NonNull(TicketAttachment),
        required=True,
        default_value=[],
        description="The new attachments.",
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        files = graphene.List(
            graphene.NonNull(Upload),
            required=True,
            description="The files (multipart upload).",
        )
        internal = graphene.Boolean(
            description="Only staff see the files (default: false, the customer sees "
            "them too)."
        )

    class Meta:
        description = (
            "Attach files to a ticket without a comment, checked against the channel's "
            "file policy (staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketAttachmentAdd":
        files = list(data["files"])
        if not files:
            raise field_error(
                "files", "Choose at least one file.", HelpdeskErrorCode.REQUIRED
            )
        ticket_id = int_pk(data["id"], "Ticket")
        try:
            stored = add_attachments(
                actor, ticket_id, files, internal=bool(data.get("internal"))
            )
        except ValidationError as error:
            raise renamed(error, {"attachments": "files"}) from error
        return cls(ticket=stored[0].ticket, attachments=stored)
