from typing import Any

from django.db.models import Count, QuerySet

from ...models import InboundEmail, Mailbox
from ...models.mailbox import NEEDS_REVIEW
from ..core.dataloaders import BaseLoader, ByIdLoader


class MailboxByIdLoader(ByIdLoader):
    context_key = "helpdesk_mailbox_by_id"

    def queryset(self) -> QuerySet[Any]:
        return Mailbox.objects.all()


class ReviewCountByMailboxIdLoader(BaseLoader):
    """How many of each mailbox's messages wait for staff (`NEEDS_REVIEW`)."""

    context_key = "helpdesk_review_count_by_mailbox"

    def batch_load(self, keys: list[Any]) -> list[int]:
        counts = dict(
            InboundEmail.objects.filter(mailbox_id__in=keys, status__in=NEEDS_REVIEW)
            .values("mailbox_id")
            .annotate(n=Count("pk"))
            .values_list("mailbox_id", "n")
        )
        return [counts.get(key, 0) for key in keys]
