"""Which ticket a message answers: the ways a reply names its ticket.

Three signs, strongest first:

1. A signed per-ticket reply address, `support+<token>@shop.example`, among the
   recipients. The token is the ticket id with an HMAC of it (key: `SECRET_KEY` with a
   salt of its own), so it cannot be guessed or altered. It uses lowercase letters and
   digits only, because some mail systems lowercase local parts, and is read in any
   case.
2. One of our Message-IDs in In-Reply-To or References. The helpdesk writes
   `helpdesk.<number>.<32 hex>@<domain>` for each e-mail and names the ticket's thread
   root `helpdesk.ticket.<number>@<domain>` (see `notifications/headers.py`). Anyone
   can copy these into a message, so they are a claim, not a proof: the caller checks
   the sender.
3. The `[#number]` token in the subject.

`thread_candidates()` returns every sign found, in that order (a ticket named in two
ways appears twice, once for each); the caller looks the tickets up and decides.
"""

import base64
import re
from collections.abc import Collection
from dataclasses import dataclass
from email.utils import parseaddr
from enum import StrEnum

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from ..notifications.headers import OUR_MESSAGE_ID, SUBJECT_TOKEN
from .message import InboundMessage

SALT = "saleor_helpdesk.inbound.reply-address"
# 16 base32 characters: 80 bits of the HMAC. A guess has to be sent as an e-mail, so
# 2^80 is far out of reach while the address stays short.
MAC_LENGTH = 16
SEPARATOR = "+"
_TOKEN = re.compile(rf"^([0-9a-z]{{1,13}})([a-z2-7]{{{MAC_LENGTH}}})$")


class Via(StrEnum):
    REPLY_ADDRESS = "reply-address"
    IN_REPLY_TO = "in-reply-to"
    REFERENCES = "references"
    SUBJECT = "subject"


@dataclass(frozen=True)
class OurMessageId:
    """One of the helpdesk's own Message-IDs, taken apart. `is_thread_root` ids name
    the ticket only; the others are the id of one sent e-mail (an outbox row)."""

    message_id: str
    ticket_number: int
    domain: str
    is_thread_root: bool


@dataclass(frozen=True)
class TicketCandidate:
    """One sign of the ticket a message answers. A reply address carries the ticket's
    id; Message-IDs and the subject token carry its number."""

    via: Via
    ticket_id: int | None = None
    ticket_number: int | None = None
    # Our e-mail's Message-ID (without angle brackets) when the sign was one.
    message_id: str | None = None


@dataclass(frozen=True)
class ThreadCandidates:
    candidates: tuple[TicketCandidate, ...]

    def __bool__(self) -> bool:
        return bool(self.candidates)

    @property
    def first(self) -> TicketCandidate | None:
        return self.candidates[0] if self.candidates else None

    def via(self, via: Via) -> tuple[TicketCandidate, ...]:
        return tuple(c for c in self.candidates if c.via == via)

    @property
    def ticket_ids(self) -> list[int]:
        """Ticket ids from signed reply addresses, strongest first."""
        return list(dict.fromkeys(c.ticket_id for c in self.candidates if c.ticket_id))

    @property
    def ticket_numbers(self) -> list[int]:
        """Ticket numbers from Message-IDs and the subject, strongest first."""
        return list(
            dict.fromkeys(c.ticket_number for c in self.candidates if c.ticket_number)
        )

    @property
    def message_ids(self) -> list[str]:
        """Our e-mails' Message-IDs the message answers, without angle brackets (the
        outbox's `EmailMessage.message_id` keeps them: look up `f"<{id}>"`)."""
        return list(
            dict.fromkeys(c.message_id for c in self.candidates if c.message_id)
        )


def thread_candidates(
    msg: InboundMessage, our_domains: Collection[str] | None = None
) -> ThreadCandidates:
    """Every sign of a ticket in `msg`, strongest first and without repeats.

    `our_domains` limits Message-IDs to the helpdesk's own domains (the
    `HELPDESK_EMAIL_DOMAIN`); without it any domain counts.
    """
    found: list[TicketCandidate] = []
    for recipient in msg.recipients:
        ticket_id = ticket_from_reply_address(recipient.address)
        if ticket_id is not None:
            found.append(TicketCandidate(Via.REPLY_ADDRESS, ticket_id=ticket_id))
    headers = [(Via.IN_REPLY_TO, [msg.in_reply_to] if msg.in_reply_to else [])]
    # The last reference is the message answered, the first the thread's start.
    headers.append((Via.REFERENCES, list(reversed(msg.references))))
    for via, ids in headers:
        for value in ids:
            ours = parse_our_message_id(value, our_domains)
            if ours is not None:
                found.append(
                    TicketCandidate(
                        via,
                        ticket_number=ours.ticket_number,
                        message_id=None if ours.is_thread_root else ours.message_id,
                    )
                )
    for number in subject_ticket_numbers(msg.subject):
        found.append(TicketCandidate(Via.SUBJECT, ticket_number=number))
    return ThreadCandidates(tuple(_without_repeats(found)))


def _without_repeats(found: list[TicketCandidate]) -> list[TicketCandidate]:
    return list(dict.fromkeys(found))


def parse_our_message_id(
    value: str, our_domains: Collection[str] | None = None
) -> OurMessageId | None:
    """The ticket a Message-ID of ours names, or None for any other id."""
    message_id = value.strip().strip("<>")
    match = OUR_MESSAGE_ID.match(message_id)
    if match is None:
        return None
    domain = match["domain"].lower()
    if our_domains is not None and domain not in {d.lower() for d in our_domains}:
        return None
    root = match["root"]
    return OurMessageId(
        message_id=message_id,
        ticket_number=int(root if root is not None else match["number"]),
        domain=domain,
        is_thread_root=root is not None,
    )


def subject_ticket_numbers(subject: str) -> list[int]:
    """The numbers of every `[#number]` token in a subject, in order."""
    return list(dict.fromkeys(int(n) for n in SUBJECT_TOKEN.findall(subject or "")))


# --- the signed reply address ---------------------------------------------------------


def reply_address(ticket_id: int, base_address: str) -> str:
    """`support@shop.example` → `support+<token>@shop.example` for one ticket."""
    if not isinstance(ticket_id, int) or isinstance(ticket_id, bool) or ticket_id < 1:
        raise ValueError("A ticket id is a positive integer.")
    local, at, domain = parseaddr(base_address)[1].rpartition("@")
    if not at or not local or not domain:
        raise ValueError(f"Not an e-mail address: {base_address!r}.")
    return f"{local}{SEPARATOR}{reply_token(ticket_id)}@{domain}"


def reply_token(ticket_id: int) -> str:
    return _base36(ticket_id) + _mac(ticket_id, settings.SECRET_KEY)


def ticket_from_reply_address(address: str) -> int | None:
    """The ticket id of a reply address, or None when the address carries no token or
    the token was not signed with this shop's key (forged or altered)."""
    local = parseaddr(address or "")[1].rpartition("@")[0]
    if SEPARATOR not in local:
        return None
    return ticket_from_token(local.rpartition(SEPARATOR)[2])


def ticket_from_token(token: str) -> int | None:
    match = _TOKEN.match(token.strip().lower())
    if match is None:
        return None
    ticket_id = int(match[1], 36)
    if ticket_id < 1:
        return None
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    for key in keys:
        if constant_time_compare(_mac(ticket_id, key), match[2]):
            return ticket_id
    return None


def _mac(ticket_id: int, key: str | bytes) -> str:
    """Base32 of Django's salted HMAC-SHA256 of the ticket id: the salt keeps any other
    signature made with the same secret from standing in for it."""
    digest = salted_hmac(SALT, str(ticket_id), secret=key, algorithm="sha256").digest()
    return base64.b32encode(digest).decode().lower()[:MAC_LENGTH]


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"
