"""The mailbox settings as the API shows them (MANAGE_PLUGINS). The password and the
push secret never leave: only whether one is stored."""

from typing import Any

import graphene

from ...mailboxes.urls import INBOUND_ESPS, esp_push_path, raw_push_path
from ...models import Mailbox
from ..core.dataloaders import load_related
from ..core.ids import to_global_id
from ..core.scalars import DateTime
from ..core.urls import plugin_url
from ..shop.dataloaders import ChannelByIdLoader
from ..shop.types import Channel
from ..tickets.dataloaders import ContactByIdLoader
from ..workflow.types import TicketContact
from .dataloaders import ReviewCountByMailboxIdLoader
from .enums import (
    MailboxAfterFetchEnum,
    MailboxFetchResultEnum,
    MailboxKindEnum,
    MailboxSecurityEnum,
)


class HelpdeskMailboxWebhookUrl(graphene.ObjectType):
    esp = graphene.String(
        required=True,
        description="The e-mail service, as django-anymail names it (`mailgun`, …).",
    )
    url = graphene.String(
        required=True,
        description="Where that service posts the mailbox's inbound messages.",
    )

    class Meta:
        description = "The inbound webhook URL of a mailbox for one e-mail service."


class HelpdeskMailbox(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the mailbox.")
    name = graphene.String(required=True, description="Name, for people.")
    address = graphene.String(
        required=True,
        description=(
            "The support address customers write to; mail from it counts as the "
            "helpdesk's own and is never taken in."
        ),
    )
    kind = graphene.Field(
        MailboxKindEnum, required=True, description="How its messages arrive."
    )
    channel = graphene.Field(
        Channel, required=True, description="The channel its tickets belong to."
    )
    contact = graphene.Field(
        TicketContact, description="The queue new tickets land in; null: none."
    )
    is_active = graphene.Boolean(
        required=True, description="Whether its messages are taken in."
    )
    language_code = graphene.String(
        required=True,
        description=(
            "The language of tickets from senders the shop does not know (a "
            "customer's or order's language wins)."
        ),
    )
    imap_host = graphene.String(
        required=True, description="The IMAP server's host name; empty for push."
    )
    imap_port = graphene.Int(required=True, description="The IMAP server's port.")
    imap_security = graphene.Field(
        MailboxSecurityEnum,
        required=True,
        description="How the connection is encrypted.",
    )
    imap_user = graphene.String(
        required=True, description="The user name it logs in with."
    )
    has_password = graphene.Boolean(
        required=True,
        description="Whether a password is stored (it is never shown).",
    )
    imap_folder = graphene.String(
        required=True, description="The folder new messages are fetched from."
    )
    after_fetch = graphene.Field(
        MailboxAfterFetchEnum,
        required=True,
        description="What happens to a fetched message on the server.",
    )
    move_to_folder = graphene.String(
        required=True,
        description="Where fetched messages are moved (with `afterFetch: MOVE`).",
    )
    max_message_size = graphene.Int(
        required=True,
        description="Larger messages (in bytes) are refused with a note for staff.",
    )
    tickets_per_sender_per_hour = graphene.Int(
        required=True,
        description=(
            "New tickets one sender may open per hour; more are held for review."
        ),
    )
    has_push_secret = graphene.Boolean(
        required=True,
        description=(
            "Whether the raw-MIME endpoint has a secret (shown only when made: "
            "`helpdeskMailboxPushSecretRotate`)."
        ),
    )
    push_url = graphene.String(
        required=True,
        description=(
            "Where a mail server or script POSTs raw messages (RFC 822) for this "
            "mailbox, with the push secret."
        ),
    )
    webhook_urls = graphene.List(
        graphene.NonNull(HelpdeskMailboxWebhookUrl),
        required=True,
        description=(
            "The inbound webhook URL for each e-mail service the helpdesk reads, to "
            "enter in that service's console."
        ),
    )
    last_fetch_at = DateTime(description="When it was last fetched; null: never.")
    last_fetch_result = graphene.Field(
        MailboxFetchResultEnum,
        required=True,
        description="How the last fetch went.",
    )
    last_fetch_error = graphene.String(
        required=True, description="Why the last fetch failed; empty otherwise."
    )
    last_fetch_count = graphene.Int(
        required=True, description="How many messages the last fetch took in."
    )
    review_count = graphene.Int(
        required=True,
        description=(
            "How many of its messages wait for staff: unverified senders, held and "
            "unreadable messages."
        ),
    )
    created_at = DateTime(required=True, description="When it was added.")
    updated_at = DateTime(required=True, description="Last change.")

    class Meta:
        description = (
            "A support mailbox customers write to, and how the helpdesk reads it "
            "(MANAGE_PLUGINS)."
        )

    @staticmethod
    def resolve_id(root: Mailbox, info: Any) -> str:
        return to_global_id("HelpdeskMailbox", root.pk)

    @staticmethod
    def resolve_channel(root: Mailbox, info: Any) -> Any:
        return load_related(info, root, "channel", ChannelByIdLoader)

    @staticmethod
    def resolve_contact(root: Mailbox, info: Any) -> Any:
        return load_related(info, root, "contact", ContactByIdLoader)

    @staticmethod
    def resolve_has_password(root: Mailbox, info: Any) -> bool:
        return bool(root.imap_password)

    @staticmethod
    def resolve_has_push_secret(root: Mailbox, info: Any) -> bool:
        return bool(root.push_secret_hash)

    @staticmethod
    def resolve_push_url(root: Mailbox, info: Any) -> str:
        return plugin_url(info.context.request, raw_push_path(root.uuid))

    @staticmethod
    def resolve_webhook_urls(
        root: Mailbox, info: Any
    ) -> list[HelpdeskMailboxWebhookUrl]:
        request = info.context.request
        return [
            HelpdeskMailboxWebhookUrl(
                esp=esp, url=plugin_url(request, esp_push_path(esp, root.uuid))
            )
            for esp in INBOUND_ESPS
        ]

    @staticmethod
    def resolve_review_count(root: Mailbox, info: Any) -> Any:
        return ReviewCountByMailboxIdLoader(info.context).load(root.pk)
