"""E-mail in: the support mailboxes (MANAGE_PLUGINS) and the messages they took in
(staff who work their tickets, or manage the mailboxes), with staff's decisions on
the messages that wait for them."""

from typing import Any

import graphene

from ...mailboxes.access import (
    require_inbound_reader,
    visible_inbound_emails,
    visible_mailboxes,
)
from ..core.connection import check_pagination, connection_field, resolve_connection
from ..core.errors import guarded
from ..core.ids import int_pk
from ..tickets.types import HelpdeskInboundEmailCountableConnection
from .enums import InboundEmailStatusEnum
from .mutations.helpdesk_inbound_email_accept import HelpdeskInboundEmailAccept
from .mutations.helpdesk_inbound_email_reject import HelpdeskInboundEmailReject
from .mutations.helpdesk_mailbox_connection_test import HelpdeskMailboxConnectionTest
from .mutations.helpdesk_mailbox_create import HelpdeskMailboxCreate
from .mutations.helpdesk_mailbox_delete import HelpdeskMailboxDelete
from .mutations.helpdesk_mailbox_disable import HelpdeskMailboxDisable
from .mutations.helpdesk_mailbox_enable import HelpdeskMailboxEnable
from .mutations.helpdesk_mailbox_push_secret_rotate import (
    HelpdeskMailboxPushSecretRotate,
)
from .mutations.helpdesk_mailbox_update import HelpdeskMailboxUpdate
from .types import HelpdeskMailbox

MANAGERS = "Needs MANAGE_PLUGINS (the mailboxes of the caller's channels)."


class MailboxQueries(graphene.ObjectType):
    helpdesk_mailboxes = graphene.List(
        graphene.NonNull(HelpdeskMailbox),
        description=f"The support mailboxes, by name. {MANAGERS}",
    )
    helpdesk_mailbox = graphene.Field(
        HelpdeskMailbox,
        id=graphene.ID(required=True, description="ID of the mailbox."),
        description=f"One support mailbox. {MANAGERS}",
    )
    helpdesk_inbound_emails = connection_field(
        HelpdeskInboundEmailCountableConnection,
        mailbox=graphene.ID(description="Only messages of this mailbox."),
        status=graphene.List(
            graphene.NonNull(InboundEmailStatusEnum),
            description=(
                "Only messages in these states (UNVERIFIED, HELD and MALFORMED wait "
                "for staff)."
            ),
        ),
        description=(
            "The messages the mailboxes took in, newest first. Needs MANAGE_ORDERS "
            "(messages on tickets the caller works, and those without a ticket in "
            "the caller's channels) or MANAGE_PLUGINS (those without a ticket)."
        ),
    )

    @staticmethod
    @guarded
    def resolve_helpdesk_mailboxes(root: Any, info: Any) -> Any:
        return visible_mailboxes(info.context.actor)

    @staticmethod
    @guarded
    def resolve_helpdesk_mailbox(root: Any, info: Any, id: str) -> Any:
        mailboxes = visible_mailboxes(info.context.actor)
        return mailboxes.filter(pk=int_pk(id, "HelpdeskMailbox")).first()

    @staticmethod
    @guarded
    def resolve_helpdesk_inbound_emails(
        root: Any,
        info: Any,
        mailbox: str | None = None,
        status: list[str] | None = None,
        **kwargs: Any,
    ) -> Any:
        check_pagination(kwargs.get("first"), kwargs.get("last"))
        actor = info.context.actor
        require_inbound_reader(actor)
        emails = visible_inbound_emails(actor)
        if mailbox is not None:
            emails = emails.filter(
                mailbox_id=int_pk(mailbox, "HelpdeskMailbox", "mailbox")
            )
        if status:
            emails = emails.filter(status__in=status)
        return resolve_connection(
            emails.order_by("-created_at", "-pk"),
            HelpdeskInboundEmailCountableConnection,
            **kwargs,
        )


class MailboxMutations(graphene.ObjectType):
    helpdesk_mailbox_create = HelpdeskMailboxCreate.Field()
    helpdesk_mailbox_update = HelpdeskMailboxUpdate.Field()
    helpdesk_mailbox_delete = HelpdeskMailboxDelete.Field()
    helpdesk_mailbox_connection_test = HelpdeskMailboxConnectionTest.Field()
    helpdesk_mailbox_enable = HelpdeskMailboxEnable.Field()
    helpdesk_mailbox_disable = HelpdeskMailboxDisable.Field()
    helpdesk_mailbox_push_secret_rotate = HelpdeskMailboxPushSecretRotate.Field()
    helpdesk_inbound_email_accept = HelpdeskInboundEmailAccept.Field()
    helpdesk_inbound_email_reject = HelpdeskInboundEmailReject.Field()
