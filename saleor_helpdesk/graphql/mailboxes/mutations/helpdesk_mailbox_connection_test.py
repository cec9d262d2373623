from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import check_mailbox_connection
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import HelpdeskMailboxInput, mailbox_fields


class HelpdeskMailboxConnectionTest(BaseMutation):
    ok = graphene.Boolean(
        required=True,
        default_value=False,
        description="Whether the server let the mailbox log in and open its folder.",
    )
    code = graphene.String(
        description=(
            "Why not: WRONG_CREDENTIALS, TLS_FAILED, CANNOT_CONNECT, FOLDER_MISSING "
            "or SERVER_ERROR; null when it worked or the input was refused."
        )
    )
    message = graphene.String(
        description="The server's refusal, for people; null when it worked."
    )

    class Arguments:
        id = graphene.ID(description="ID of a saved mailbox: its settings are tested.")
        input = HelpdeskMailboxInput(
            description=(
                "Unsaved settings, tested over the saved mailbox's (or alone, for a "
                "mailbox not saved yet); only the kind and the IMAP fields count."
            )
        )

    class Meta:
        description = (
            "Log in to a mailbox's IMAP server and open its folder, saving nothing: "
            "a form tests its values before they are saved (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "HelpdeskMailboxConnectionTest":
        pk = int_pk(data["id"], "HelpdeskMailbox") if data.get("id") else None
        given = data.get("input")
        fields = mailbox_fields(given) if given is not None else None
        result = check_mailbox_connection(actor, pk, fields)
        if result.ok:
            return cls(ok=True)
        return cls(
            ok=False,
            code=result.code.name if result.code else None,
            message=result.message,
        )
