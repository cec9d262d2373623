"""E-mail in: the shop's support mailboxes and every message that came through them.

A `Mailbox` is one support address customers write to. Its messages arrive either by
IMAP (the helpdesk fetches them, `mailboxes/`) or pushed by an e-mail service's inbound
webhook or a raw-MIME pipe (`http/inbound/`); both hand the bytes to
`actions/inbound.py`, which records each message once as an `InboundEmail`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..content.storage import attachment_storage
from .comment import Comment
from .config import Contact
from .ticket import Ticket

# Larger messages are refused with a note for staff (photos from a phone camera are a
# few MB each; 25 MB is what Gmail and Outlook let a sender attach).
DEFAULT_MAX_MESSAGE_SIZE = 25 * 1024 * 1024


class MailboxKind(models.TextChoices):
    IMAP = "imap", "IMAP mailbox the helpdesk fetches"
    PUSH = "push", "Pushed by an e-mail service or a mail server"


class MailboxSecurity(models.TextChoices):
    SSL = "ssl", "TLS (IMAPS, usually port 993)"
    STARTTLS = "starttls", "STARTTLS (usually port 143)"
    NONE = "none", "None (local servers only)"


class AfterFetch(models.TextChoices):
    MARK_READ = "mark_read", "Mark as read"
    MOVE = "move", "Move to a folder"


class FetchResult(models.TextChoices):
    NEVER = "", "Not fetched yet"
    OK = "ok", "Fetched"
    FAILED = "failed", "Failed"


class Mailbox(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=128)
    # The support address customers write to; our e-mails' per-ticket Reply-To is made
    # from it (`support+<token>@…`). Mail from it is our own and never taken in.
    address = models.EmailField(unique=True)
    kind = models.CharField(
        max_length=8, choices=MailboxKind.choices, default=MailboxKind.IMAP
    )
    channel = models.ForeignKey(
        "channel.Channel", on_delete=models.CASCADE, related_name="+"
    )
    # The queue new tickets from this mailbox land in.
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(default=False)
    # The language of tickets opened by senders the shop does not know (their
    # confirmation e-mail); a customer's or order's language wins.
    language_code = models.CharField(max_length=35, default="en")

    imap_host = models.CharField(max_length=255, blank=True)
    imap_port = models.PositiveIntegerField(default=993)
    imap_security = models.CharField(
        max_length=8, choices=MailboxSecurity.choices, default=MailboxSecurity.SSL
    )
    imap_user = models.CharField(max_length=255, blank=True)
    # Fernet token (`core/secrets.py`); never returned by the API.
    imap_password = models.TextField(blank=True)
    imap_folder = models.CharField(max_length=255, default="INBOX")
    after_fetch = models.CharField(
        max_length=16, choices=AfterFetch.choices, default=AfterFetch.MARK_READ
    )
    move_to_folder = models.CharField(max_length=255, blank=True)
    # Where fetching resumes: the folder's UIDVALIDITY and the last UID taken in.
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)

    # SHA-256 of the secret the raw-MIME endpoint asks for (shown once, when made).
    push_secret_hash = models.CharField(max_length=64, blank=True)

    max_message_size = models.PositiveIntegerField(default=DEFAULT_MAX_MESSAGE_SIZE)
    # New tickets one sender may open per hour; more are held for review, so two
    # auto-responders cannot mail each other for ever.
    tickets_per_sender_per_hour = models.PositiveSmallIntegerField(default=5)

    last_fetch_at = models.DateTimeField(null=True, blank=True)
    last_fetch_result = models.CharField(
        max_length=8, choices=FetchResult.choices, default=FetchResult.NEVER, blank=True
    )
    last_fetch_error = models.TextField(blank=True)
    last_fetch_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"


class InboundStatus(models.TextChoices):
    # Written to a ticket as the customer's message (a new ticket or a reply).
    PROCESSED = "processed", "Taken in"
    # A reply from an address the ticket does not know: an internal note for staff.
    UNVERIFIED = "unverified", "Unverified sender, waiting for review"
    ACCEPTED = "accepted", "Accepted by staff"
    REJECTED = "rejected", "Rejected by staff"
    # Throttled: the sender opened too many tickets this hour.
    HELD = "held", "Held for review"
    # Auto-reply, out-of-office, bulk or list mail: no ticket, no e-mail from us.
    AUTOMATIC = "automatic", "Automatic message, ignored"
    # A bounce or delivery report; the e-mail of ours it reports is marked failed.
    BOUNCE = "bounce", "Bounce or delivery report"
    # From one of our own addresses (a loop).
    OWN = "own", "From our own address, ignored"
    TOO_LARGE = "too_large", "Larger than the mailbox allows, refused"
    MALFORMED = "malformed", "Could not be read, kept for staff"


# What staff still have to look at.
NEEDS_REVIEW = (InboundStatus.UNVERIFIED, InboundStatus.HELD, InboundStatus.MALFORMED)


def raw_message_path(instance: "InboundEmail", filename: str) -> str:
    return f"helpdesk/inbound/{instance.uuid}.eml"


class InboundEmail(models.Model):
    """One message as it arrived, once: the Message-ID is unique, so a refetch, a
    redelivered webhook or a crash after the commit never takes it in twice."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mailbox = models.ForeignKey(
        Mailbox,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    # Without angle brackets, as `inbound/message.py` reads it (longer ids hashed);
    # `<sha256 of the bytes>@sha256.invalid` for a message that has none.
    message_id = models.CharField(max_length=255, unique=True)
    # How it came: "imap", "raw", or the e-mail service's name ("mailgun", …).
    via = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=InboundStatus.choices)
    from_address = models.CharField(max_length=320, blank=True)
    from_name = models.CharField(max_length=256, blank=True)
    subject = models.CharField(max_length=998, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    # The whole message as it came (not kept for one refused as too large); staff can
    # read it from the ticket.
    raw = models.FileField(
        upload_to=raw_message_path,
        storage=attachment_storage,
        max_length=255,
        blank=True,
    )
    ticket = models.ForeignKey(
        Ticket,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbound_emails",
    )
    comment = models.OneToOneField(
        Comment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbound_email",
    )
    # Why it was held, refused or ignored; files that were not attached, and why.
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [
            # The throttle: tickets one sender opened in the last hour.
            models.Index(
                fields=["from_address", "created_at"],
                name="helpdesk_inbound_sender_idx",
            ),
            # The review list of a mailbox.
            models.Index(
                fields=["mailbox", "-created_at"],
                name="helpdesk_inbound_review_idx",
                condition=Q(status__in=NEEDS_REVIEW),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} ({self.status})"
