from collections import defaultdict
from typing import Any

from django.db.models import Count, QuerySet

from ...core.constants import CommentVisibility
from ...models import (
    Attachment,
    Category,
    Comment,
    Contact,
    InboundEmail,
    Priority,
    TicketStatus,
)
from ...sms.numbers import numbers_for
from ...sms.transports import sms_enabled
from ...tickets.access import visible_tickets
from ..core.dataloaders import BaseLoader, ByIdLoader


class StatusByIdLoader(ByIdLoader):
    context_key = "helpdesk_status_by_id"

    def queryset(self) -> QuerySet[Any]:
        return TicketStatus.objects.select_related("customer_status")


class PriorityByIdLoader(ByIdLoader):
    context_key = "helpdesk_priority_by_id"

    def queryset(self) -> QuerySet[Any]:
        return Priority.objects.all()


class CategoryByIdLoader(ByIdLoader):
    context_key = "helpdesk_category_by_id"

    def queryset(self) -> QuerySet[Any]:
        return Category.objects.all()


class ContactByIdLoader(ByIdLoader):
    context_key = "helpdesk_contact_by_id"

    def queryset(self) -> QuerySet[Any]:
        return Contact.objects.all()


def _visible(queryset: QuerySet[Any], internal: bool) -> QuerySet[Any]:
    return (
        queryset if internal else queryset.filter(visibility=CommentVisibility.PUBLIC)
    )


class LastCommentByTicketIdLoader(BaseLoader):
    """The newest comment per ticket the caller may read (public ones for customers)."""

    context_key = "helpdesk_last_comment_by_ticket"

    def batch_load(self, keys: list[Any]) -> list[Any]:
        internal = self.context.actor.is_agent
        rows = (
            _visible(Comment.objects.filter(ticket_id__in=keys), internal)
            .order_by("ticket_id", "-created_at", "-pk")
            .distinct("ticket_id")
        )
        by_ticket = {row.ticket_id: row for row in rows}
        return [by_ticket.get(key) for key in keys]


class AttachmentCountByTicketIdLoader(BaseLoader):
    context_key = "helpdesk_attachment_count_by_ticket"

    def batch_load(self, keys: list[Any]) -> list[int]:
        internal = self.context.actor.is_agent
        counts = dict(
            _visible(Attachment.objects.filter(ticket_id__in=keys), internal)
            .values("ticket_id")
            .annotate(n=Count("pk"))
            .values_list("ticket_id", "n")
        )
        return [counts.get(key, 0) for key in keys]


class AttachmentsByCommentIdLoader(BaseLoader):
    context_key = "helpdesk_attachments_by_comment"

    def batch_load(self, keys: list[Any]) -> list[list[Any]]:
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in Attachment.objects.filter(comment_id__in=keys).order_by("pk"):
            grouped[row.comment_id].append(row)
        return [grouped[key] for key in keys]


class InboundEmailByCommentIdLoader(BaseLoader):
    """The message a comment came with, if it came by e-mail."""

    context_key = "helpdesk_inbound_email_by_comment"

    def batch_load(self, keys: list[Any]) -> list[Any]:
        rows = {
            row.comment_id: row
            for row in InboundEmail.objects.filter(comment_id__in=keys)
        }
        return [rows.get(key) for key in keys]


class InboundEmailsByTicketIdLoader(BaseLoader):
    context_key = "helpdesk_inbound_emails_by_ticket"

    def batch_load(self, keys: list[Any]) -> list[list[Any]]:
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in InboundEmail.objects.filter(ticket_id__in=keys).order_by(
            "created_at", "pk"
        ):
            grouped[row.ticket_id].append(row)
        return [grouped[key] for key in keys]


class VisibleTicketByIdLoader(BaseLoader):
    """Tickets by primary key, those the caller may see (others load as None)."""

    context_key = "helpdesk_visible_ticket_by_id"

    def batch_load(self, keys: list[Any]) -> list[Any]:
        rows = {
            row.pk: row
            for row in visible_tickets(self.context.actor).filter(pk__in=keys)
        }
        return [rows.get(key) for key in keys]


class SmsNumberLoader(BaseLoader):
    """The number a ticket's SMS would go to, by (order id, customer id); None for
    every key when SMS is not configured. Two queries for any number of tickets."""

    context_key = "helpdesk_sms_number"

    def batch_load(self, keys: list[Any]) -> list[str | None]:
        if not sms_enabled():
            return [None for _ in keys]
        found = numbers_for(keys)
        return [found[key] for key in keys]
