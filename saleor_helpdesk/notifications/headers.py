"""Headers of helpdesk e-mails: threading, the subject token, loop protection, and
header values that can never carry a line break.

- Message-ID: `<helpdesk.{number}.{uuid}@{domain}>`, fixed when the message is planned,
  so a retried or duplicated send carries the same id.
- In-Reply-To / References: the ticket's thread root `<helpdesk.ticket.{number}@{domain}>`
  (deterministic; no message carries it as its own id), so mail clients thread every
  e-mail of a ticket together and an inbound reply names its ticket.
- The subject starts with `[#{number}]`, the token an inbound feature can match.
- `Auto-Submitted: auto-generated` (RFC 3834), so auto-responders stay quiet.
"""

import re
import uuid
from email.utils import formataddr, parseaddr

from ..core import conf

# CR, LF and every other control character: none of them may reach a header.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")

# The ticket number in a subject, as `subject_line` writes it. Ticket numbers are
# PostgreSQL bigints: at most 19 digits.
SUBJECT_TOKEN = re.compile(r"\[#(\d{1,19})\]")

# The Message-IDs `new_message_id` and `thread_id` write, without angle brackets: what
# an inbound reply's In-Reply-To and References name (`inbound/threading.py`).
OUR_MESSAGE_ID = re.compile(
    r"^helpdesk\.(?:(?P<number>\d{1,19})\.(?P<uuid>[0-9a-f]{32})"
    r"|ticket\.(?P<root>\d{1,19}))@(?P<domain>[^@\s]+)$",
    re.IGNORECASE,
)


def clean_header(value: str) -> str:
    """One line: control characters (CR/LF first of all) become a single space."""
    return _CONTROL.sub(" ", value or "").strip()


def mail_domain(from_email: str) -> str:
    """The domain of Message-IDs: HELPDESK_EMAIL_DOMAIN, else the sender's."""
    configured = conf.text("HELPDESK_EMAIL_DOMAIN")
    if configured:
        return clean_header(configured)
    address = parseaddr(from_email)[1]
    domain = address.rpartition("@")[2] if "@" in address else ""
    return clean_header(domain) or "helpdesk.invalid"


def new_message_id(ticket_number: int, domain: str) -> str:
    return f"<helpdesk.{ticket_number}.{uuid.uuid4().hex}@{domain}>"


def thread_id(ticket_number: int, domain: str) -> str:
    return f"<helpdesk.ticket.{ticket_number}@{domain}>"


def subject_line(ticket_number: int, subject: str) -> str:
    return clean_header(f"[#{ticket_number}] {clean_header(subject)}")[:998]


def sender(address: str, name: str) -> str:
    """`Name <address>` with both parts on one line."""
    address = clean_header(address)
    name = clean_header(name)
    return formataddr((name, address)) if name else address


def headers_for(
    *, ticket_number: int, message_id: str, domain: str, reply_to: str
) -> dict[str, str]:
    root = thread_id(ticket_number, domain)
    headers = {
        "Message-ID": message_id,
        "In-Reply-To": root,
        "References": root,
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
        "X-Helpdesk-Ticket": str(ticket_number),
        "Reply-To": reply_to,
    }
    return {name: clean_header(value) for name, value in headers.items()}
