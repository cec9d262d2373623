from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_mailbox
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskMailboxInput, mailbox_fields
from ..types import HelpdeskMailbox


class HelpdeskMailboxCreate(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The new mailbox.")
    push_secret = graphene.String(
        description=(
            "The secret a push mailbox's raw-MIME endpoint asks for, shown this once "
            "(only its hash is stored); null for an IMAP mailbox."
        )
    )

    class Arguments:
        input = HelpdeskMailboxInput(required=True, description="The mailbox.")

    class Meta:
        description = (
            "Add a support mailbox, disabled until `helpdeskMailboxEnable` "
            "(MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxCreate":
        created = create_mailbox(actor, mailbox_fields(data["input"]))
        return cls(mailbox=created.mailbox, push_secret=created.push_secret)
