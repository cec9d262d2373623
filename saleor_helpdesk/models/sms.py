"""Short replies by SMS: one row per text to send, written in the transaction of the
reply and sent by a Celery task after commit (the outbox, as for e-mail). See
`saleor_helpdesk/sms/`."""

from django.db import models
from django.db.models import Q

from .comment import Comment
from .email import EmailStatus, OutboxRow
from .ticket import Ticket


class SmsMessage(OutboxRow):
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="sms_messages"
    )
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sms_messages",
    )
    # E.164, from the customer's order or address.
    to = models.CharField(max_length=32)
    body = models.TextField()
    # The provider's id for the text, once it took it.
    provider_message_id = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="helpdesk_sms_due_idx",
                condition=Q(status__in=[EmailStatus.PENDING, EmailStatus.SENDING]),
            ),
        ]

    def __str__(self) -> str:
        return f"SMS #{self.pk} ({self.status})"
