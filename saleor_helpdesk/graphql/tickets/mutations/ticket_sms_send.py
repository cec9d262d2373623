from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions import send_sms_reply
from ....core.actor import Actor
from ....sms.text import MAX_PARTS
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketComment, TicketType


class TicketSmsSend(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket.")
    comment = graphene.Field(
        TicketComment, description="The reply, as the ticket shows it (medium SMS)."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        body = graphene.String(
            required=True,
            description=(
                f"The text, plain: at most {MAX_PARTS} SMS parts (459 characters of "
                f"the SMS alphabet, 201 when it holds others, such as emoji)."
            ),
        )

    class Meta:
        description = (
            "Reply to the customer by SMS (staff with MANAGE_ORDERS, apps): sent to "
            "`Ticket.smsNumber` after the reply is saved, and kept on the ticket as a "
            "public reply with medium SMS (not also mailed). Refused when SMS is not "
            "configured (SMS_NOT_CONFIGURED) or no address holds a mobile number "
            "(NO_PHONE_NUMBER)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketSmsSend":
        comment = send_sms_reply(actor, int_pk(data["id"], "Ticket"), data["body"])
        return cls(ticket=comment.ticket, comment=comment)
