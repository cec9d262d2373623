"""Everything the helpdesk holds about one person, as a zip: `export.json` and their
tickets' files (GDPR art. 15 access and art. 20 portability).

What is in it: each ticket of theirs (see `erase.tickets_of`) with its fields, the
complaint form and lines, every message (internal notes too, marked `internal`: notes
about a person are their personal data; the merchant reviews the file before handing it
over, art. 15(4)), every file, refunds, the e-mails and SMS sent about it and the
timeline's event types and dates. Staff appear as "staff", never by name (other people's data).

The zip is streamed: files go out chunk by chunk and tickets are read in batches, so
memory stays bounded whatever the customer holds.
"""

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

from django.utils import timezone

from ..core.constants import CommentVisibility
from ..models import Attachment, Ticket
from ..webhooks.payloads import gid
from .erase import Person, tickets_of

FORMAT = "saleor-helpdesk-export/1"
BATCH_SIZE = 100
# Photos and PDFs are compressed already: stored as they are.
_STORED_TYPES = ("image/", "application/pdf")


class _Sink:
    """A write-only file for `ZipFile` that hands out what was written so far. It has
    no `tell()`, so `ZipFile` writes a stream (data descriptors, no seeking back)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def export_person(person: Person, now: datetime | None = None) -> Iterator[bytes]:
    """The zip's bytes, in chunks."""
    now = now or timezone.now()
    sink = _Sink()
    files: list[tuple[str, Attachment]] = []
    tickets = [
        _ticket(ticket, files) for ticket in _batched(tickets_of(person).order_by("pk"))
    ]
    document = {
        "format": FORMAT,
        "exported_at": now.isoformat(),
        "person": {
            "customer_id": gid("User", person.user_id) if person.user_id else None,
            "email": person.email,
        },
        "tickets": tickets,
    }
    with ZipFile(sink, "w", compression=ZIP_DEFLATED) as archive:
        archive.writestr(
            _info("export.json", now, ZIP_DEFLATED),
            json.dumps(document, ensure_ascii=False, indent=2),
        )
        yield sink.take()
        for path, attachment in files:
            compression = (
                ZIP_STORED
                if attachment.content_type.startswith(_STORED_TYPES)
                else ZIP_DEFLATED
            )
            with (
                attachment.file.open("rb") as source,
                archive.open(
                    _info(path, attachment.created_at, compression), "w"
                ) as out,
            ):
                for chunk in source.chunks():
                    out.write(chunk)
                    yield sink.take()
    yield sink.take()


def _info(name: str, when: datetime, compression: int) -> ZipInfo:
    info = ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = compression
    return info


def _batched(tickets: Any) -> Iterator[Ticket]:
    ids = list(tickets.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = (
            Ticket.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
            .select_related("status", "priority", "category", "channel", "order")
            .prefetch_related(
                "comments",
                "attachments",
                "lines",
                "refunds",
                "email_messages",
                "sms_messages",
                "events",
                "complaint",
            )
            .order_by("pk")
        )
        yield from batch


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _author(kind: str) -> str:
    # Staff, apps and the system are named by kind only: they are not the subject.
    return kind


def _file(attachment: Attachment, number: int, files: list) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": attachment.display_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "internal": attachment.visibility == CommentVisibility.INTERNAL,
        "uploaded_by": _author(attachment.uploaded_by_type),
        "created_at": _iso(attachment.created_at),
        "removed_at": _iso(attachment.removed_at),
        "file": None,
    }
    if attachment.removed_at is None and attachment.file.name:
        path = f"attachments/{number}/{attachment.uuid}{attachment.extension}"
        entry["file"] = path
        files.append((path, attachment))
    return entry


def _ticket(ticket: Ticket, files: list) -> dict[str, Any]:
    attachments = list(ticket.attachments.all())
    by_comment: dict[int | None, list[Attachment]] = {}
    for attachment in attachments:
        by_comment.setdefault(attachment.comment_id, []).append(attachment)
    complaint = getattr(ticket, "complaint", None)
    order = ticket.order
    return {
        "id": gid("Ticket", ticket.pk),
        "number": ticket.number,
        "kind": ticket.kind,
        "subject": ticket.subject,
        "status": ticket.status.slug,
        "priority": ticket.priority.slug,
        "category": ticket.category.slug if ticket.category else None,
        "channel": ticket.channel.slug if ticket.channel else None,
        "order": {"id": gid("Order", order.pk), "number": order.number}
        if order
        else None,
        "source": ticket.source,
        "language": ticket.language_code,
        "customer_email": ticket.customer_email,
        "customer_name": ticket.customer_name,
        "cc_emails": list(ticket.cc_emails),
        "metadata": ticket.metadata,
        "created_at": _iso(ticket.created_at),
        "closed_at": _iso(ticket.closed_at),
        "personal_data_erased_at": _iso(ticket.personal_data_erased_at),
        "complaint": {
            "customer_number": complaint.customer_number,
            "order_number": complaint.order_number,
            "article_number": complaint.article_number,
            "description": complaint.description,
            "comment": complaint.comment,
            "requested_resolution": complaint.requested_resolution,
            "decision": complaint.decision,
            "decision_note": complaint.decision_note,
            "decided_at": _iso(complaint.decided_at),
        }
        if complaint is not None
        else None,
        "lines": [
            {
                "product": line.product_name,
                "sku": line.product_sku,
                "quantity": line.quantity,
                "reason": line.reason,
                "note": line.note,
            }
            for line in ticket.lines.all()
        ],
        "messages": [
            {
                "created_at": _iso(comment.created_at),
                "author": _author(comment.author_type),
                "internal": comment.is_internal,
                "medium": comment.medium,
                "body_html": comment.body,
                "attachments": [
                    _file(a, ticket.number, files)
                    for a in by_comment.get(comment.pk, [])
                ],
            }
            for comment in ticket.comments.all()
        ],
        "attachments": [
            _file(a, ticket.number, files) for a in by_comment.get(None, [])
        ],
        "refunds": [
            {
                "amount": str(refund.amount),
                "currency": refund.currency,
                "state": refund.state,
                "reason": refund.reason,
                "created_at": _iso(refund.created_at),
                "completed_at": _iso(refund.completed_at),
            }
            for refund in ticket.refunds.all()
        ],
        "emails": [
            {
                "notification": message.notification,
                "to": list(message.to),
                "cc": list(message.cc),
                "subject": message.subject,
                "body_text": message.body_text,
                "status": message.status,
                "created_at": _iso(message.created_at),
                "sent_at": _iso(message.sent_at),
            }
            for message in ticket.email_messages.all()
        ],
        "sms": [
            {
                "to": text.to,
                "body": text.body,
                "status": text.status,
                "created_at": _iso(text.created_at),
                "sent_at": _iso(text.sent_at),
            }
            for text in ticket.sms_messages.all()
        ],
        "timeline": [
            {"type": event.type, "date": _iso(event.date)}
            for event in ticket.events.all()
        ],
    }
