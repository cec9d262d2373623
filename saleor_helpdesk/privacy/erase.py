"""Erasing a person's personal data from their tickets.

The tickets stay as rows (statistics keep their counts: kind, category, status, dates,
order link, refund amounts); what identifies or was written by the customer goes:

- on the ticket: name, e-mail, CC addresses, subject, metadata, the account link;
- their comments' text and shown name; the complaint form's free text; line notes;
- every file on those tickets, staff files too (a return label or an invoice is about
  them as much as a photo), deleted from storage after commit; the row stays, marked
  removed;
- the e-mail and SMS outbox rows and webhook deliveries about those tickets;
- e-mails that came in on those tickets or from the person's address: the original
  message leaves storage; the row keeps only its Message-ID (so a refetch still finds
  it taken in) and its status;
- the customer's account id on the timeline (actor and parameters);
- the satisfaction rating's comment and who gave it (the score stays, for the
  statistics).

What staff wrote stays (it is the shop's record of its own work), with the customer's
name and addresses blanked where they occur in it. Irreversible: nothing is kept to
undo it. Each erased ticket gets a `personal_data_erased` event naming only the reason.
"""

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..core.actor import Actor
from ..core.constants import AuthorType, CommentMedium, TicketEventType
from ..models import (
    Attachment,
    Comment,
    Complaint,
    CustomerResponsible,
    EmailMessage,
    InboundEmail,
    SatisfactionRating,
    SmsMessage,
    SupportContract,
    Ticket,
    TicketEvent,
    TicketLine,
    TicketRefund,
    TimeEntry,
    WebhookDelivery,
)
from ..timeline import events
from ..timeline.side_effects import batched
from ..webhooks.payloads import gid

logger = logging.getLogger(__name__)

# What an erased ticket's subject reads, in every language.
ERASED_SUBJECT = "[erased]"
# What replaces the customer's name or address inside staff text.
ERASED_MARK = "[…]"
# Timeline parameters that name the customer's account.
_ACCOUNT_PARAMETERS = ("user_id",)


@dataclass(frozen=True)
class Person:
    """Whom to erase: their account's id (if they have or had one) and e-mail address.
    `names` are blanked inside staff text (the account's first and last name)."""

    user_id: int | None
    email: str | None
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ErasureResult:
    tickets: int
    attachments: int
    emails: int
    webhook_deliveries: int
    sms_messages: int = 0

    @property
    def nothing_to_erase(self) -> bool:
        return self.tickets == 0


NOTHING = ErasureResult(0, 0, 0, 0)


def tickets_of(person: Person) -> QuerySet[Ticket]:
    """The person's tickets: those of their account, and guest tickets (no account)
    under their address. A ticket of another account that merely names the address is
    not theirs."""
    wanted = Q(pk__in=[])
    if person.user_id is not None:
        wanted |= Q(customer_id=person.user_id)
    if person.email:
        wanted |= Q(customer__isnull=True, customer_email__iexact=person.email)
    return Ticket.objects.filter(wanted)


def erase_person(person: Person, *, actor: Actor, reason: str) -> ErasureResult:
    """Erase everything about `person`. Authorisation is the caller's (the action
    checks MANAGE_USERS; Saleor's deletion of the account is its own authority).

    A second call finds nothing left (the tickets no longer carry the account or the
    address) and returns `NOTHING`."""
    with transaction.atomic():
        ids = list(tickets_of(person).order_by("pk").values_list("pk", flat=True))
        result = erase_tickets(ids, actor=actor, reason=reason, person=person)
        if person.user_id is not None:
            CustomerResponsible.objects.filter(customer_id=person.user_id).delete()
        if person.email:
            erase_inbound_emails(
                InboundEmail.objects.filter(from_address__iexact=person.email)
            )
            # A guest's support contract is kept under their address only; their
            # tickets no longer carry it, so the contract could draw on nothing.
            SupportContract.objects.filter(
                customer__isnull=True, customer_email=person.email.lower()
            ).delete()
    return result


def erase_tickets(
    ticket_ids: Sequence[int],
    *,
    actor: Actor,
    reason: str,
    person: Person | None = None,
    still_wanted: Q | None = None,
) -> ErasureResult:
    """Erase the personal data on these tickets. Must run inside a transaction: the
    tickets are locked (in id order, like every action locks one) until it commits,
    and the files leave storage only after it did.

    `still_wanted` is re-checked under the lock (retention: still closed, still old
    enough); tickets already erased are skipped."""
    if not ticket_ids:
        return NOTHING
    locked = Ticket.objects.select_for_update(of=("self",)).filter(
        pk__in=ticket_ids, personal_data_erased_at__isnull=True
    )
    if still_wanted is not None:
        locked = locked.filter(still_wanted)
    tickets = list(locked.order_by("pk"))
    if not tickets:
        return NOTHING
    now = timezone.now()
    ids = [ticket.pk for ticket in tickets]
    account_ids = {t.customer_id for t in tickets if t.customer_id is not None}
    if person is not None and person.user_id is not None:
        account_ids.add(person.user_id)
    scrubbers = {ticket.pk: _scrubber(_terms(ticket, person)) for ticket in tickets}

    for ticket in tickets:
        ticket.subject = ERASED_SUBJECT
        ticket.customer = None
        ticket.customer_email = ""
        ticket.customer_name = ""
        ticket.cc_emails = []
        ticket.metadata = {}
        ticket.private_metadata = {}
        ticket.personal_data_erased_at = now
    Ticket.objects.bulk_update(
        tickets,
        [
            "subject",
            "customer",
            "customer_email",
            "customer_name",
            "cc_emails",
            "metadata",
            "private_metadata",
            "personal_data_erased_at",
        ],
    )
    _erase_comments(ids, scrubbers, account_ids)
    _erase_complaints(ids, scrubbers)
    TicketLine.objects.filter(ticket_id__in=ids).exclude(note="").update(note="")
    _scrub_refunds(ids, scrubbers)
    _scrub_time_notes(ids, scrubbers)
    SatisfactionRating.objects.filter(ticket_id__in=ids).update(
        comment="", customer=None, customer_email=""
    )
    _erase_timeline(ids, account_ids)
    attachments = remove_files(
        Attachment.objects.filter(ticket_id__in=ids), now=now, keep_names=False
    )
    emails, _ = EmailMessage.objects.filter(ticket_id__in=ids).delete()
    texts, _ = SmsMessage.objects.filter(ticket_id__in=ids).delete()
    erase_inbound_emails(InboundEmail.objects.filter(ticket_id__in=ids))
    deliveries = purge_webhook_deliveries(ids)
    with batched():
        events.save_events(
            *(
                events.personal_data_erased_event(
                    ticket=ticket, actor=actor, reason=reason, save=False
                )
                for ticket in tickets
            )
        )
    return ErasureResult(
        tickets=len(tickets),
        attachments=attachments,
        emails=emails,
        webhook_deliveries=deliveries,
        sms_messages=texts,
    )


def remove_files(attachments: QuerySet[Attachment], *, now, keep_names: bool) -> int:
    """Mark the files removed and delete them from storage once the transaction
    commits (a rolled-back erasure keeps them). Returns how many."""
    rows = list(
        attachments.filter(removed_at__isnull=True).select_for_update(of=("self",))
    )
    if not rows:
        return 0
    names = [row.file.name for row in rows if row.file.name]
    storage = Attachment._meta.get_field("file").storage
    for row in rows:
        row.file = ""
        row.sha256 = ""
        row.removed_at = now
        if not keep_names:
            row.display_name = ""
            row.uploaded_by_user = None
    Attachment.objects.bulk_update(
        rows, ["file", "sha256", "removed_at", "display_name", "uploaded_by_user"]
    )
    delete_after_commit(storage, names)
    return len(rows)


def delete_after_commit(storage: Any, names: list[str]) -> None:
    """Delete files from storage once the transaction commits (a rolled-back erasure
    keeps them)."""

    def delete_from_storage() -> None:
        for name in names:
            try:
                storage.delete(name)
            except Exception:  # one failure must not keep the other files
                logger.exception("Helpdesk could not delete the file %s.", name)

    transaction.on_commit(delete_from_storage)


def erase_inbound_emails(rows: QuerySet[InboundEmail]) -> int:
    """Blank what identifies the sender and delete the original after commit; the
    Message-ID stays, so the message is never taken in again."""
    found = list(rows.select_for_update(of=("self",)).only("pk", "raw"))
    if not found:
        return 0
    names = [row.raw.name for row in found if row.raw]
    storage = InboundEmail._meta.get_field("raw").storage
    InboundEmail.objects.filter(pk__in=[row.pk for row in found]).update(
        from_address="", from_name="", subject="", note="", raw=""
    )
    delete_after_commit(storage, names)
    return len(found)


def purge_webhook_deliveries(ticket_ids: Iterable[int]) -> int:
    """Delivery rows (and their attempt logs) about these tickets: by the delivery's
    ticket, and by the ticket its payload names (rows written before deliveries had
    a ticket)."""
    ids = list(ticket_ids)
    gids = [gid("Ticket", pk) for pk in ids]
    deleted, per_model = WebhookDelivery.objects.filter(
        Q(ticket_id__in=ids) | Q(payload__ticket__id__in=gids)
    ).delete()
    return per_model.get(WebhookDelivery._meta.label, 0)


def _terms(ticket: Ticket, person: Person | None) -> set[str]:
    terms = {ticket.customer_email, ticket.customer_name, *ticket.cc_emails}
    if person is not None:
        terms |= {person.email or "", *person.names}
    words = set()
    for term in terms:
        if term and "@" not in term:
            # "Anna Schmidt" also as "Schmidt" ("Sehr geehrte Frau Schmidt").
            words |= {part for part in term.split() if len(part) >= 3}
    return {term for term in terms | words if term and len(term) >= 3}


def _scrubber(terms: set[str]) -> Callable[[str], str]:
    if not terms:
        return lambda text: text
    # Longest first, so "Anna Schmidt" goes as one before "Anna" could.
    alternatives = "|".join(
        re.escape(term) for term in sorted(terms, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return lambda text: pattern.sub(ERASED_MARK, text) if text else text


def _erase_comments(
    ids: list[int],
    scrubbers: dict[int, Callable[[str], str]],
    account_ids: set[int],
) -> None:
    comments = list(Comment.objects.filter(ticket_id__in=ids))
    for comment in comments:
        by_customer = (
            comment.author_type == AuthorType.CUSTOMER
            or (
                comment.author_user_id is not None
                and comment.author_user_id in account_ids
            )
            # What came by e-mail came from outside, also when it waits as an internal
            # note (an unverified sender, the files an e-mail could not attach).
            or comment.medium == CommentMedium.EMAIL
        )
        if by_customer:
            comment.body = ""
            comment.author_name = ""
            comment.author_user = None
        else:
            comment.body = scrubbers[comment.ticket_id](comment.body)
            comment.author_name = scrubbers[comment.ticket_id](comment.author_name)
    Comment.objects.bulk_update(comments, ["body", "author_name", "author_user"])


def _erase_complaints(
    ids: list[int], scrubbers: dict[int, Callable[[str], str]]
) -> None:
    complaints = list(Complaint.objects.filter(ticket_id__in=ids))
    for complaint in complaints:
        # The form is the customer's: their customer and order numbers as typed, the
        # article, what happened. The decision note is staff's.
        complaint.customer_number = ""
        complaint.order_number = ""
        complaint.article_number = ""
        complaint.description = ""
        complaint.comment = ""
        complaint.decision_note = scrubbers[complaint.ticket_id](
            complaint.decision_note
        )
    Complaint.objects.bulk_update(
        complaints,
        [
            "customer_number",
            "order_number",
            "article_number",
            "description",
            "comment",
            "decision_note",
        ],
    )


def _scrub_refunds(ids: list[int], scrubbers: dict[int, Callable[[str], str]]) -> None:
    refunds = list(TicketRefund.objects.filter(ticket_id__in=ids))
    for refund in refunds:
        refund.reason = scrubbers[refund.ticket_id](refund.reason)
        refund.failure_message = scrubbers[refund.ticket_id](refund.failure_message)
    TicketRefund.objects.bulk_update(refunds, ["reason", "failure_message"])


def _scrub_time_notes(
    ids: list[int], scrubbers: dict[int, Callable[[str], str]]
) -> None:
    # Staff write them like internal notes ("call with Mrs Schmidt"): scrubbed alike;
    # the time itself stays for the statistics and the contract.
    entries = list(TimeEntry.objects.filter(ticket_id__in=ids).exclude(note=""))
    for entry in entries:
        entry.note = scrubbers[entry.ticket_id](entry.note)
    TimeEntry.objects.bulk_update(entries, ["note"])


def _erase_timeline(ids: list[int], account_ids: set[int]) -> None:
    if account_ids:
        TicketEvent.objects.filter(ticket_id__in=ids, user_id__in=account_ids).update(
            user=None
        )
    changed = []
    for event in TicketEvent.objects.filter(
        ticket_id__in=ids,
        type__in=[
            TicketEventType.CUSTOMER_REGISTERED,
            TicketEventType.CUSTOMER_LINKED,
            TicketEventType.EMAIL_FAILED,
            TicketEventType.SMS_FAILED,
            TicketEventType.ATTACHMENT_ADDED,
            TicketEventType.ATTACHMENT_REMOVED,
        ],
    ):
        for name in _ACCOUNT_PARAMETERS:
            event.parameters.pop(name, None)
        if event.type in (TicketEventType.EMAIL_FAILED, TicketEventType.SMS_FAILED):
            # A mail server's or SMS provider's refusal quotes the recipient.
            event.parameters["error"] = ""
        if "name" in event.parameters:
            # File names often carry the customer's name ("Rechnung Schmidt.pdf").
            event.parameters["name"] = ""
        changed.append(event)
    TicketEvent.objects.bulk_update(changed, ["parameters"])
