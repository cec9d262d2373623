from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import update_mailbox
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskMailboxInput, mailbox_fields
from ..types import HelpdeskMailbox


class HelpdeskMailboxUpdate(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The changed mailbox.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the mailbox.")
        input = HelpdeskMailboxInput(required=True, description="What changes.")

    class Meta:
        description = (
            "Change a support mailbox; an empty password keeps the stored one "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxUpdate":
        pk = int_pk(data["id"], "HelpdeskMailbox")
        return cls(mailbox=update_mailbox(actor, pk, mailbox_fields(data["input"])))
