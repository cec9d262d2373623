from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import rotate_push_secret
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskMailbox


class HelpdeskMailboxPushSecretRotate(BaseMutation):
    mailbox = graphene.Field(HelpdeskMailbox, description="The mailbox.")
    push_secret = graphene.String(
        description=(
            "The new secret of the raw-MIME endpoint, shown this once (only its hash "
            "is stored)."
        )
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the mailbox.")

    class Meta:
        description = (
            "Make a new secret for a mailbox's raw-MIME endpoint; the old one stops "
            "working at once (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxPushSecretRotate":
        rotated = rotate_push_secret(actor, int_pk(data["id"], "HelpdeskMailbox"))
        return cls(mailbox=rotated.mailbox, push_secret=rotated.push_secret)
