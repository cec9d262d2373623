"""Mail written by machines: auto-replies, out-of-office notes, bounces, delivery
reports and bulk mail. None of them may open a ticket or make the helpdesk write back,
or two auto-responders would mail each other for ever.

The signs are the ones RFC 3834 (automatic responses), RFC 3464 (delivery status
notifications), RFC 2369/2919 (mailing lists) and Microsoft Exchange define, and the
sender names mail systems use for their reports.
"""

import re
from collections.abc import Collection
from enum import StrEnum

from .message import InboundMessage

_SYSTEM_SENDERS = frozenset({"mailer-daemon", "postmaster", "mail-daemon"})
_BULK_PRECEDENCE = frozenset({"bulk", "junk", "list"})
_SUPPRESS = frozenset({"all", "oof", "autoreply"})
_HEADER_MESSAGE_ID = re.compile(
    r"^[ \t>]*Message-ID:[ \t]*<([^<>\s]+)>", re.IGNORECASE | re.MULTILINE
)


class Automatic(StrEnum):
    """Why a message counts as written by a machine (the value is what the caller
    records)."""

    OWN_ADDRESS = "own-address"
    DELIVERY_REPORT = "delivery-report"
    MAILER_DAEMON = "mailer-daemon"
    AUTO_SUBMITTED = "auto-submitted"
    AUTOREPLY_HEADER = "autoreply-header"
    RESPONSE_SUPPRESS = "auto-response-suppress"
    PRECEDENCE = "precedence"
    MAILING_LIST = "mailing-list"
    NULL_RETURN_PATH = "null-return-path"


def automatic_reason(
    msg: InboundMessage, own_addresses: Collection[str] = ()
) -> Automatic | None:
    """Why `msg` was written by a machine, or None for a person's mail.

    `own_addresses` are the helpdesk's sender addresses: mail from them is the
    helpdesk's own mail coming back.
    """
    sender = msg.from_address.strip().lower()
    if sender and sender in {address.strip().lower() for address in own_addresses}:
        return Automatic.OWN_ADDRESS
    if msg.content_type == "multipart/report" or msg.report is not None:
        return Automatic.DELIVERY_REPORT
    if sender.rpartition("@")[0] in _SYSTEM_SENDERS:
        return Automatic.MAILER_DAEMON
    auto_submitted = _word(msg.header("Auto-Submitted"))
    if auto_submitted and auto_submitted != "no":
        return Automatic.AUTO_SUBMITTED
    if msg.header("X-Autoreply") is not None or msg.header("X-Autorespond") is not None:
        return Automatic.AUTOREPLY_HEADER
    suppress = msg.header("X-Auto-Response-Suppress") or ""
    if {word.strip().lower() for word in suppress.split(",")} & _SUPPRESS:
        return Automatic.RESPONSE_SUPPRESS
    if _word(msg.header("Precedence")) in _BULK_PRECEDENCE:
        return Automatic.PRECEDENCE
    if msg.header("List-Id") is not None or msg.header("List-Unsubscribe") is not None:
        return Automatic.MAILING_LIST
    return_path = msg.header("Return-Path")
    if return_path is not None and return_path.replace(" ", "") in ("<>", ""):
        return Automatic.NULL_RETURN_PATH
    return None


def bounced_message_id(msg: InboundMessage) -> str | None:
    """The Message-ID (without angle brackets) of the e-mail that `msg` reports as
    undeliverable, or None when `msg` is no bounce.

    A delivery status notification counts when at least one recipient failed (a
    "delayed" report is not a bounce); the id is read from the returned message or its
    returned headers. A report from a mail system that does not follow RFC 3464 (a
    MAILER-DAEMON sender, no status part) counts with the first Message-ID header in
    its text or its returned message. The caller checks that the id is one of its own
    e-mails before marking anything (the outbox keeps ids in angle brackets).
    """
    report = msg.report
    if report is not None and report.recipients:
        if not any(status.action == "failed" for status in report.recipients):
            return None
        return report.original_message_id
    if report is not None and report.report_type not in ("", "delivery-status"):
        # A read receipt or an abuse report names a message that was delivered.
        return None
    if report is not None and report.original_message_id:
        return report.original_message_id
    if msg.from_address.strip().lower().rpartition("@")[0] not in _SYSTEM_SENDERS:
        return None
    for text in _returned_texts(msg):
        found = _HEADER_MESSAGE_ID.search(text)
        if found:
            return found[1]
    return None


def _returned_texts(msg: InboundMessage) -> list[str]:
    texts = [msg.text or ""]
    for attachment in msg.attachments:
        if attachment.content_type in ("message/rfc822", "text/rfc822-headers"):
            texts.append(attachment.content[:65536].decode("utf-8", errors="replace"))
    return texts


def _word(value: str | None) -> str:
    """The first word of a header value, lowercased (`auto-replied; by=x` →
    `auto-replied`)."""
    return (value or "").split(";")[0].strip().lower()
