from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_mailbox
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskMailbox


class HelpdeskMailboxDelete(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The deleted mailbox.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the mailbox.")

    class Meta:
        description = (
            "Delete a support mailbox; the messages it took in stay on their tickets "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxDelete":
        return cls(mailbox=delete_mailbox(actor, int_pk(data["id"], "HelpdeskMailbox")))
