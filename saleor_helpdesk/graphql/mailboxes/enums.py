"""The mailbox API's enums, made from the models' choices (values stay the stored
strings)."""

from enum import Enum

import graphene

from ...models.mailbox import (
    AfterFetch,
    FetchResult,
    InboundStatus,
    MailboxKind,
    MailboxSecurity,
)
from ..core.enums import _enum

MailboxKindEnum = _enum(
    MailboxKind,
    "HelpdeskMailboxKindEnum",
    "How a mailbox's messages reach the helpdesk: fetched over IMAP, or pushed by an "
    "e-mail service or a mail server.",
)
MailboxSecurityEnum = _enum(
    MailboxSecurity,
    "HelpdeskMailboxSecurityEnum",
    "How the connection to an IMAP server is encrypted: SSL (IMAPS, usually port "
    "993), STARTTLS (usually port 143), or NONE (local servers only).",
)
MailboxAfterFetchEnum = _enum(
    AfterFetch,
    "HelpdeskMailboxAfterFetchEnum",
    "What happens to a message on the IMAP server once it was taken in.",
)
# "Not fetched yet" is stored as the empty string, which is no enum member name.
MailboxFetchResultEnum = graphene.Enum.from_enum(
    Enum(
        "HelpdeskMailboxFetchResultEnum",
        {
            "NEVER": FetchResult.NEVER.value,
            "OK": FetchResult.OK.value,
            "FAILED": FetchResult.FAILED.value,
        },
    ),
    description="How a mailbox's last fetch went.",
)
InboundEmailStatusEnum = _enum(
    InboundStatus,
    "HelpdeskInboundEmailStatusEnum",
    "What became of a message that reached a mailbox.",
)
