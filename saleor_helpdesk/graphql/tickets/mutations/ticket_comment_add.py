from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import add_comment
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import TicketCommentInput
from ..types import TicketComment, TicketType
from .common import optional_int_pk


class TicketCommentAdd(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket.")
    comment = graphene.Field(TicketComment, description="The new comment.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketCommentInput(required=True, description="The reply or note.")

    class Meta:
        description = (
            "Reply on a ticket (customers on their own, staff with MANAGE_ORDERS), or add "
            "an internal note (staff only)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketCommentAdd":
        given = data["input"]
        comment = add_comment(
            actor,
            int_pk(data["id"], "Ticket"),
            given["body"],
            internal=bool(given.get("internal")),
            attachments=list(given.get("attachments") or []),
            status_id=optional_int_pk(given.get("status"), "TicketStatus", "status"),
            template_id=optional_int_pk(
                given.get("template"), "ResponseTemplate", "template"
            ),
        )
        return cls(ticket=comment.ticket, comment=comment)
