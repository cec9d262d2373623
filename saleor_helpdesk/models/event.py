from typing import Any

from django.conf import settings
from django.db import models

from ..core.constants import TicketEventType
from .ticket import Ticket


class TicketEvent(models.Model):
    """One row per change on a ticket: the timeline. Written only through `timeline/events.py`."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=32, choices=TicketEventType.choices)
    date = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    parameters = models.JSONField(default=dict, blank=True)

    # In memory only (not a column): the comment a comment event was written for.
    helpdesk_comment: Any = None
    # In memory only: the depth of the rule chain that wrote it (0: not a rule).
    automation_depth: int = 0

    class Meta:
        ordering = ("date", "pk")
        indexes = [
            models.Index(fields=["ticket", "date"], name="helpdesk_event_timeline_idx")
        ]
