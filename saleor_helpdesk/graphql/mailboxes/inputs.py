"""The mailbox form as API input, and its translation into the domain's fields.

Only the fields a client sent are passed on, so an update changes just those. An
explicit null means "no contact" for `contact` and "unchanged" everywhere else; an
empty `imapPassword` keeps the stored password."""

from typing import Any, cast

import graphene

from ...actions.config import MailboxFields
from ..config.mutations.common import sent
from ..core.ids import int_pk
from .enums import MailboxAfterFetchEnum, MailboxKindEnum, MailboxSecurityEnum


class HelpdeskMailboxInput(graphene.InputObjectType):
    name = graphene.String(description="Name, for people.")
    address = graphene.String(
        description="The support address customers write to (unique)."
    )
    kind = graphene.Argument(
        MailboxKindEnum, description="Fetched over IMAP (default), or pushed."
    )
    channel = graphene.ID(
        description="ID of the channel its tickets belong to (required on creation)."
    )
    contact = graphene.ID(
        description="ID of the contact (queue) new tickets land in; null: none."
    )
    language_code = graphene.String(
        description="The language of tickets from senders the shop does not know."
    )
    imap_host = graphene.String(description="The IMAP server's host name.")
    imap_port = graphene.Int(description="The IMAP server's port (1 to 65535).")
    imap_security = graphene.Argument(
        MailboxSecurityEnum, description="How the connection is encrypted."
    )
    imap_user = graphene.String(description="The user name to log in with.")
    imap_password = graphene.String(
        description=(
            "The password (or app password), stored encrypted and never shown; empty "
            "or left out: the stored one stays (it must be given again when the host "
            "or the user name changes)."
        )
    )
    imap_folder = graphene.String(
        description="The folder new messages are fetched from (default INBOX)."
    )
    after_fetch = graphene.Argument(
        MailboxAfterFetchEnum,
        description="Mark fetched messages read (default) or move them.",
    )
    move_to_folder = graphene.String(
        description="Where fetched messages go with `afterFetch: MOVE`."
    )
    max_message_size = graphene.Int(
        description="Larger messages (in bytes) are refused with a note for staff."
    )
    tickets_per_sender_per_hour = graphene.Int(
        description="New tickets one sender may open per hour before being held."
    )

    class Meta:
        description = "The fields of a support mailbox; only those sent change."


def mailbox_fields(given: dict[str, Any]) -> MailboxFields:
    fields = sent(
        given,
        "name",
        "address",
        "kind",
        "language_code",
        "imap_host",
        "imap_port",
        "imap_security",
        "imap_user",
        "imap_password",
        "imap_folder",
        "after_fetch",
        "move_to_folder",
        "max_message_size",
        "tickets_per_sender_per_hour",
    )
    if given.get("channel") is not None:
        fields["channel_id"] = int_pk(given["channel"], "Channel", "channel")
    if "contact" in given:
        contact = given["contact"]
        fields["contact_id"] = (
            int_pk(contact, "TicketContact", "contact") if contact else None
        )
    return cast(MailboxFields, fields)
