"""Tags: free labels staff put on tickets, for filters, statistics and rules.

Staff only: customers never see a ticket's tags, by any path.
"""

from django.db import models

from .ticket import Ticket


class Tag(models.Model):
    name = models.CharField(max_length=64, unique=True)
    slug = models.SlugField(max_length=64, unique=True)
    # "#RRGGBB"; the Dashboard draws the tag's chip in it.
    colour = models.CharField(max_length=7, default="#6b7280")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.slug


class TicketTag(models.Model):
    """A ticket carries a tag. The primary key pair is (ticket, tag) for a ticket's
    tags; (tag, ticket) serves the `tags` filter and the per-tag counts, which at a
    million tickets must read an index, not the table."""

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "tag"], name="helpdesk_ticket_tag_unique"
            )
        ]
        indexes = [
            models.Index(fields=["tag", "ticket"], name="helpdesk_tag_ticket_idx")
        ]
