"""Taking in one e-mail: the one path after every way in (IMAP fetch, an e-mail
service's webhook, the raw-MIME endpoint).

`receive_email` is idempotent on the Message-ID: the `InboundEmail` row is written in
the same transaction as the comment or ticket it makes, under a unique Message-ID, so a
refetch, a redelivered webhook or a worker killed after the commit finds the row and
changes nothing. Customer messages are written through `add_comment` and
`create_ticket`, so events, e-mails and webhooks follow exactly as for the API.

What is decided here, in this order:
1. Larger than the mailbox allows: refused (headers kept, a note for staff).
2. Unreadable: kept for staff to look at (never an error: it must not block the
   messages behind it).
3. From one of our own addresses: ignored (a loop).
4. Written by a machine (auto-reply, out-of-office, bulk, list, bounce, report):
   no ticket and no e-mail from us; a bounce marks the e-mail of ours it reports
   failed.
5. A reply to a ticket (signed reply address, our Message-IDs, `[#number]`): from an
   address on the ticket (its customer, a CC, the customer's account), the customer's
   reply; from any other address, an internal note marked unverified, for staff to
   accept or reject (mail is easy to forge).
6. Otherwise a new ticket in the mailbox's channel and queue, linked to the customer
   whose account has the sender's address, and to an order the message names when
   that order is the sender's; held for review when the sender opened too many
   tickets in the last hour.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import parseaddr
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..content.attachments import check_files, human_size
from ..content.sanitize import MAX_BODY_LENGTH
from ..core.actor import Actor
from ..core.constants import DRAFT_ORDER_STATUS, CommentMedium, TicketSource
from ..host.shop_models import order_model, user_model
from ..inbound.content import reply_content, text_as_html
from ..inbound.machines import Automatic, automatic_reason, bounced_message_id
from ..inbound.message import InboundMessage, parse_message
from ..inbound.orders import order_numbers
from ..inbound.threading import thread_candidates, ticket_from_reply_address
from ..models import (
    ChannelSettings,
    EmailMessage,
    EmailStatus,
    InboundEmail,
    InboundStatus,
    Mailbox,
    Ticket,
)
from ..tickets.access import visible_tickets
from ..tickets.policies import channel_settings
from ..timeline import events
from .attachments import removing_files_on_error, written_files
from .comments import add_comment
from .common import MAX_CC
from .create import MAX_SUBJECT_LENGTH, NewTicket, create_ticket
from .status import check_customer_may_reopen

logger = logging.getLogger(__name__)

# The head of a message too large to take in: enough for its headers.
HEAD_BYTES = 64 * 1024
NO_SUBJECT = "(no subject)"
SHORTENED = "[… shortened: the whole message is in the original e-mail]"
# Languages whose reply headers ("Am … schrieb …", "On … wrote:") are cut off.
LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Received:
    inbound: InboundEmail
    # False when the Message-ID was taken in before: nothing was changed now.
    created: bool


def receive_email(
    raw: bytes,
    *,
    mailbox: Mailbox,
    via: str,
    review: bool = False,
    size: int | None = None,
) -> Received:
    """Take one raw RFC 5322 message in (see the module docstring). Never raises for
    what a message says; only for a database or storage failure, after which nothing
    was written and the same call may be made again. `review`: staff accepted a held
    message, so the sender's hourly limit does not apply. `size`: the whole message's
    size when `raw` is only its header (a fetch does not download what it refuses)."""
    size = len(raw) if size is None else max(size, len(raw))
    too_large = size > mailbox.max_message_size
    msg = parse_message(_head(raw) if too_large else raw)
    existing = InboundEmail.objects.filter(message_id=msg.message_id).first()
    if existing is not None:
        return Received(existing, created=False)
    row = InboundEmail(
        mailbox=mailbox,
        message_id=msg.message_id,
        via=via[:32],
        from_address=msg.from_address[:320],
        from_name=msg.from_name[:256],
        subject=msg.subject[:998],
        sent_at=msg.date,
        size=size,
    )
    try:
        with removing_files_on_error(), transaction.atomic():
            if too_large:
                _refuse_too_large(row, mailbox)
            else:
                _keep_raw(row, raw)
                _Intake(msg, row, mailbox, review=review).run()
            row.save()
    except IntegrityError:
        # Another worker took the same message in at the same moment: theirs counts.
        existing = InboundEmail.objects.filter(message_id=msg.message_id).first()
        if existing is None:
            raise
        return Received(existing, created=False)
    return Received(row, created=True)


def keep_unprocessable(
    raw: bytes, *, mailbox: Mailbox, via: str, error: str
) -> InboundEmail | None:
    """Keep for staff a message whose intake failed even when tried again (a bug, or
    data the database refuses), so that it is not lost unseen: recorded as
    `malformed` with the error and its original. None when even that fails (the
    caller has logged the error)."""
    msg = parse_message(_head(raw))
    try:
        with removing_files_on_error(), transaction.atomic():
            row, created = InboundEmail.objects.get_or_create(
                message_id=msg.message_id,
                defaults={
                    "mailbox": mailbox,
                    "via": via[:32],
                    "status": InboundStatus.MALFORMED,
                    "from_address": msg.from_address[:320],
                    "from_name": msg.from_name[:256],
                    "subject": msg.subject[:998],
                    "sent_at": msg.date,
                    "size": len(raw),
                    "note": f"Could not be taken in: {error}"[:4000],
                },
            )
            if created:
                _keep_raw(row, raw)
                row.save(update_fields=["raw"])
    except Exception:  # the caller reports the intake's own failure
        logger.exception("A message that failed its intake could not be kept either.")
        return None
    return row


def take_in_again(row: InboundEmail, reviewer: Any) -> None:
    """Staff accepted a held message: take it in now as if the sender's hourly limit
    did not apply. Runs inside the caller's transaction, with `row` locked."""
    mailbox = row.mailbox
    if mailbox is None or not row.raw:
        raise ValueError("The message's mailbox or original is gone.")
    with row.raw.open("rb") as handle:
        raw = handle.read()
    _Intake(parse_message(raw), row, mailbox, review=True).run()
    row.reviewed_by = reviewer
    row.reviewed_at = timezone.now()
    row.save()


def _keep_raw(row: InboundEmail, raw: bytes) -> None:
    row.raw.save("message.eml", ContentFile(raw), save=False)
    journal = written_files()
    if journal is not None:
        journal.append((row.raw.storage, row.raw.name))


def _head(raw: bytes) -> bytes:
    head = raw[:HEAD_BYTES]
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = head.find(separator)
        if end != -1:
            return head[: end + len(separator)]
    return head


def _refuse_too_large(row: InboundEmail, mailbox: Mailbox) -> None:
    row.status = InboundStatus.TOO_LARGE
    row.note = (
        f"The message is {human_size(row.size)}, more than this mailbox takes "
        f"({human_size(mailbox.max_message_size)}); it was not taken in. Ask the "
        "sender to send the files in smaller parts."
    )


def own_addresses() -> set[str]:
    """Every address the helpdesk sends from or receives at: mail from one of them is
    the helpdesk's own coming back."""
    found = {
        address.lower() for address in Mailbox.objects.values_list("address", flat=True)
    }
    found.update(
        address.lower()
        for address in ChannelSettings.objects.exclude(sender_email="").values_list(
            "sender_email", flat=True
        )
    )
    default = parseaddr(settings.DEFAULT_FROM_EMAIL or "")[1]
    if default:
        found.add(default.lower())
    return found


@dataclass
class _Intake:
    msg: InboundMessage
    row: InboundEmail
    mailbox: Mailbox
    review: bool = False
    refused_files: list[str] = field(default_factory=list)
    actor: Actor = field(init=False)

    def run(self) -> None:
        msg = self.msg
        if msg.malformed:
            self._set(
                InboundStatus.MALFORMED,
                "The message could not be read as sent ("
                + ", ".join(msg.defects)
                + "). The original is kept; open it to see what it says.",
            )
            return
        reason = automatic_reason(msg, self._own)
        if reason == Automatic.OWN_ADDRESS:
            self._set(
                InboundStatus.OWN, "Sent from one of the helpdesk's own addresses."
            )
            return
        if reason is not None:
            self._machine(reason)
            return
        try:
            with transaction.atomic():
                self._person()
        except ValidationError as error:
            # What the actions refuse (a channel that is gone, a shop that takes no
            # files at all, …) keeps the message for staff instead of failing the
            # fetch: the messages behind it must still come in.
            self.row.ticket = None
            self.row.comment = None
            self._set(
                InboundStatus.MALFORMED,
                "The message could not be taken in: " + _message(error),
            )

    def _person(self) -> None:
        """A person's message: a reply, an unverified reply, or a new ticket."""
        msg = self.msg
        sender = msg.from_address.strip().lower()
        user = user_model().objects.filter(email__iexact=sender, is_active=True).first()
        self.actor = Actor.email_sender(sender, user, msg.from_name)
        ticket = self._answered_ticket()
        if ticket is not None and self._may_answer(ticket):
            self._reply(ticket)
        elif ticket is not None:
            self._unverified(ticket)
        else:
            self._new_ticket()

    @cached_property
    def _own(self) -> set[str]:
        return own_addresses()

    def _set(self, status: str, note: str = "") -> None:
        self.row.status = status
        if note:
            self.row.note = note

    # --- machines --------------------------------------------------------------

    def _machine(self, reason: Automatic) -> None:
        bounced = bounced_message_id(self.msg)
        if bounced is None:
            self._set(
                InboundStatus.AUTOMATIC,
                f"Written by a machine ({reason.value}): no ticket, no answer.",
            )
            return
        self._set(InboundStatus.BOUNCE, f"Bounce of {bounced}.")
        ours = (
            EmailMessage.objects.select_for_update()
            .select_related("ticket")
            .filter(message_id=f"<{bounced}>")
            .first()
        )
        if ours is None:
            self.row.note += " Not an e-mail of ours."
            return
        diagnostic = self._diagnostic()
        if ours.status != EmailStatus.FAILED:
            EmailMessage.objects.filter(pk=ours.pk).update(
                status=EmailStatus.FAILED,
                last_error=f"Bounced: {diagnostic}"[:2000],
            )
            events.email_failed_event(
                ticket=ours.ticket,
                notification=ours.notification,
                error=f"Bounced: {diagnostic}",
            )
        self.row.ticket = ours.ticket

    def _diagnostic(self) -> str:
        report = self.msg.report
        if report is not None:
            for status in report.recipients:
                if status.action == "failed":
                    return " ".join(
                        part
                        for part in (status.recipient, status.status, status.diagnostic)
                        if part
                    )
        return self.msg.subject or "undeliverable"

    # --- replies ---------------------------------------------------------------

    def _answered_ticket(self) -> Ticket | None:
        """The ticket the message answers: the strongest sign that names a ticket
        that exists, followed to the ticket it was merged into."""
        candidates = thread_candidates(self.msg)
        by_id = {t.pk: t for t in Ticket.objects.filter(pk__in=candidates.ticket_ids)}
        by_number = {
            t.number: t
            for t in Ticket.objects.filter(number__in=candidates.ticket_numbers)
        }
        for candidate in candidates.candidates:
            found = (
                by_id.get(candidate.ticket_id)
                if candidate.ticket_id is not None
                else by_number.get(candidate.ticket_number or 0)
            )
            if found is not None:
                return _merge_target(found)
        return None

    def _may_answer(self, ticket: Ticket) -> bool:
        return visible_tickets(self.actor).filter(pk=ticket.pk).exists()

    def _reply(self, ticket: Ticket) -> None:
        if ticket.status.is_closed:
            try:
                check_customer_may_reopen(ticket)
            except ValidationError:
                # The shop does not reopen this ticket for the customer: the message
                # starts a new one, as it would from the storefront.
                self._new_ticket(follow_up_of=ticket)
                return
        policy = channel_settings(ticket.channel_id)
        files = self._files(policy, ticket.attachments.count())
        body = self._body()
        comment = add_comment(
            self.actor, ticket.pk, body or self._placeholder(files), attachments=files
        )
        self.row.ticket_id = ticket.pk
        self.row.comment = comment
        self._set(InboundStatus.PROCESSED)
        self._note_refused(ticket)

    def _unverified(self, ticket: Ticket) -> None:
        policy = channel_settings(ticket.channel_id)
        files = self._files(policy, ticket.attachments.count())
        sender = self.msg.from_address or "an unknown address"
        body = self._body()
        note = add_comment(
            Actor.system(),
            ticket.pk,
            body or self._placeholder(files),
            internal=True,
            medium=CommentMedium.EMAIL,
            attachments=files,
        )
        note.author_name = (self.msg.from_name or sender)[:256]
        note.save(update_fields=["author_name"])
        self.row.ticket_id = ticket.pk
        self.row.comment = note
        self._set(
            InboundStatus.UNVERIFIED,
            f"Sent by {sender}, which is neither the ticket's customer nor one of its "
            "CC addresses. Kept as an internal note: accept it to add it to the "
            "customer's thread, or reject it.",
        )
        self._note_refused(ticket)

    # --- new tickets -----------------------------------------------------------

    def _new_ticket(self, follow_up_of: Ticket | None = None) -> None:
        mailbox = self.mailbox
        if not self.review and self._over_hourly_limit():
            self._set(
                InboundStatus.HELD,
                f"{self.actor.guest_email} opened {mailbox.tickets_per_sender_per_hour} "
                "or more tickets by e-mail within the last hour (the mailbox's limit): "
                "held for review so that auto-responders cannot mail us for ever.",
            )
            return
        policy = channel_settings(mailbox.channel_id)
        files = self._files(policy, 0)
        subject = " ".join((self.msg.subject or "").split())[:MAX_SUBJECT_LENGTH]
        body = self._body() or self._placeholder(files)
        ticket = create_ticket(
            self.actor,
            NewTicket(
                subject=subject or NO_SUBJECT,
                body=body,
                channel_id=mailbox.channel_id,
                contact_id=mailbox.contact_id,
                order_id=self._senders_order(),
                language_code=None if self.actor.user is not None else self._language(),
                source=TicketSource.EMAIL,
                cc_emails=self._cc(),
                attachments=files,
            ),
        )
        self.row.ticket = ticket
        self.row.comment = ticket.comments.first()
        self._set(InboundStatus.PROCESSED)
        if follow_up_of is not None:
            self.row.note = (
                f"A reply to the closed ticket #{follow_up_of.number}, which the shop "
                "does not reopen for customers: opened as a new ticket."
            )
        self._note_refused(ticket)

    def _over_hourly_limit(self) -> bool:
        since = timezone.now() - timedelta(hours=1)
        # Exact match: the intake stores senders in lower case, and the index on
        # the address serves an exact match only.
        opened = Ticket.objects.filter(
            customer_email=self.actor.guest_email,
            source=TicketSource.EMAIL,
            created_at__gte=since,
        ).count()
        return opened >= self.mailbox.tickets_per_sender_per_hour

    def _senders_order(self) -> Any:
        """The first order the message names that is the sender's (by the order's
        e-mail address or the sender's account); another customer's order number is
        ignored, not an error."""
        numbers = order_numbers(self.msg.subject, self._text)
        if not numbers:
            return None
        sender = self.actor.guest_email or ""
        orders = (
            order_model()
            .objects.filter(number__in=numbers, channel_id=self.mailbox.channel_id)
            .exclude(status=DRAFT_ORDER_STATUS)
        )
        for order in sorted(orders, key=lambda o: numbers.index(int(o.number))):
            if (order.user_email or "").lower() == sender or (
                self.actor.user_id is not None and order.user_id == self.actor.user_id
            ):
                return order.pk
        return None

    def _language(self) -> str:
        declared = (self.msg.header("Content-Language") or "").split(",")[0].strip()
        return (declared or self.mailbox.language_code)[:35].lower()

    def _cc(self) -> list[str]:
        """Other people the customer wrote to, so they hear our answers too; never
        our own addresses or reply addresses, never an address that is not one."""
        found: list[str] = []
        for address in self.msg.cc:
            email = address.address.strip().lower()
            if (
                email in found
                or email == self.actor.guest_email
                or email in self._own
                or ticket_from_reply_address(email) is not None
                or not _is_address(email)
            ):
                continue
            found.append(email)
        return found[:MAX_CC]

    # --- content ---------------------------------------------------------------

    @cached_property
    def _text(self) -> str:
        return reply_content(self.msg, LANGUAGES).text

    def _body(self) -> str:
        """The new text as comment HTML, shortened to what a comment holds (HTML
        escaping makes it longer than the text); the original has the rest."""
        text = self._text
        body = text_as_html(text)
        while len(body) > MAX_BODY_LENGTH and text:
            text = text[: len(text) * 9 // 10]
            body = text_as_html(text + "\n\n" + SHORTENED)
        return body

    def _placeholder(self, files: list[File]) -> str:
        if files:
            return text_as_html("(Attachments only.)")
        return text_as_html("(The message had no text.)")

    def _files(self, policy: ChannelSettings, on_ticket: int) -> list[File]:
        """The message's files that the shop's attachment rules take; the others are
        listed on the ticket (`_note_refused`), never dropped silently."""
        taken: list[File] = []
        for attachment in self.msg.attachments:
            if attachment.content_type in ("message/rfc822", "text/rfc822-headers"):
                continue
            upload = ContentFile(attachment.content, name=attachment.filename or "file")
            try:
                check_files(
                    [*taken, upload],
                    policy=policy,
                    already_on_ticket=on_ticket,
                )
            except ValidationError as error:
                self.refused_files.append(
                    f"{attachment.filename or 'file'}: {_message(error)}"
                )
                continue
            taken.append(upload)
        return taken

    def _note_refused(self, ticket: Ticket) -> None:
        if not self.refused_files:
            return
        listed = "\n".join(f"- {line}" for line in self.refused_files)
        text = "Files of this e-mail that were not attached:\n" + listed
        self.row.note = (self.row.note + "\n" + text).strip()
        add_comment(
            Actor.system(),
            ticket.pk,
            text_as_html(text),
            internal=True,
            medium=CommentMedium.EMAIL,
        )


def _is_address(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _merge_target(ticket: Ticket) -> Ticket:
    seen = {ticket.pk}
    while ticket.merged_into_id and ticket.merged_into_id not in seen:
        seen.add(ticket.merged_into_id)
        following = Ticket.objects.filter(pk=ticket.merged_into_id).first()
        if following is None:
            break
        ticket = following
    return ticket


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)
