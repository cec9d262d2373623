from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import add_comment
from ....core.actor import Actor
from ....tickets.guests import guest_actor
from ...core.context import act_as
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.inputs import TicketReplyInput
from ...tickets.types import TicketComment, TicketType
from ..arguments import EMAIL, ORDER_TOKEN


class GuestTicketCommentAdd(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket.")
    comment = graphene.Field(TicketComment, description="The new reply.")

    class Arguments:
        order_token = ORDER_TOKEN
        email = EMAIL
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketReplyInput(required=True, description="The reply.")

    class Meta:
        description = "A guest replies on a ticket of their order."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "GuestTicketCommentAdd":
        guest = guest_actor(data["order_token"], data["email"])
        # The answer is shaped for the guest, whatever token came along.
        act_as(info, guest)
        given = data["input"]
        comment = add_comment(
            guest,
            int_pk(data["id"], "Ticket"),
            given["body"],
            attachments=list(given.get("attachments") or []),
        )
        return cls(ticket=comment.ticket, comment=comment)
