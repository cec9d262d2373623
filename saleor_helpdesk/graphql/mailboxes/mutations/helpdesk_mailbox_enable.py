from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import enable_mailbox
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskMailbox


class HelpdeskMailboxEnable(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The enabled mailbox.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the mailbox.")

    class Meta:
        description = (
            "Start taking a mailbox's messages in (MANAGE_PLUGINS). An IMAP mailbox "
            "logs in first; the server's refusal is the error, with its code: "
            "WRONG_CREDENTIALS, TLS_FAILED, CANNOT_CONNECT, FOLDER_MISSING or "
            "SERVER_ERROR."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxEnable":
        return cls(mailbox=enable_mailbox(actor, int_pk(data["id"], "HelpdeskMailbox")))
