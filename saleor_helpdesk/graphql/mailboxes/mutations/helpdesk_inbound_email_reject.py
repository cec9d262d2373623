from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.inbound_review import reject_inbound_email
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.types import HelpdeskInboundEmail


class HelpdeskInboundEmailReject(BaseMutation):
    inbound_email = graphene.Field(
        HelpdeskInboundEmail, description="The rejected message."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the message.")

    class Meta:
        description = (
            "Reject a message waiting for staff: an unverified reply stays an "
            "internal note, a held or unreadable message is not taken in "
            "(MANAGE_ORDERS in the ticket's or the mailbox's channel)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskInboundEmailReject":
        pk = int_pk(data["id"], "HelpdeskInboundEmail")
        return cls(inbound_email=reject_inbound_email(actor, pk))
