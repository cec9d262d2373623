from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import disable_mailbox
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskMailbox


class HelpdeskMailboxDisable(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The disabled mailbox.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the mailbox.")

    class Meta:
        description = (
            "Stop taking a mailbox's messages in; nothing is fetched or accepted for "
            "it until it is enabled again (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxDisable":
        pk = int_pk(data["id"], "HelpdeskMailbox")
        return cls(mailbox=disable_mailbox(actor, pk))
