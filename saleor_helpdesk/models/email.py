"""E-mails: the outbox (one row per message to send) and the merchant's overrides of the
shipped e-mail texts. See `saleor_helpdesk/notifications/`."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .ticket import Ticket


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutboxRow(models.Model):
    """What a row of an outbox (e-mail, SMS) carries to be sent, retried and failed:
    see `notifications/outbox.py`."""

    status = models.CharField(
        max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # When a pending message is due; while sending, when its claim expires.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class EmailMessage(OutboxRow):
    """One rendered e-mail, written in the transaction of the change it tells about and
    sent by a Celery task after commit (the outbox)."""

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="email_messages"
    )
    # The notification's key (`ticket_received`, `staff_reply`, …).
    notification = models.CharField(max_length=64)
    language = models.CharField(max_length=35)
    from_email = models.CharField(max_length=320)
    to = ArrayField(models.EmailField(), default=list)
    cc = ArrayField(models.EmailField(), default=list, blank=True)
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    body_html = models.TextField()
    message_id = models.CharField(max_length=255, unique=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [
            # The due query: unfinished messages by due time.
            models.Index(
                fields=["next_attempt_at"],
                name="helpdesk_email_due_idx",
                condition=Q(status__in=[EmailStatus.PENDING, EmailStatus.SENDING]),
            ),
            models.Index(
                fields=["ticket", "created_at"], name="helpdesk_email_ticket_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notification} #{self.pk} ({self.status})"


class EmailTemplate(models.Model):
    """The merchant's text for one notification in one language, replacing the shipped
    one. `body` is sanitised HTML with `{{ placeholders }}`; the plain-text part is made
    from it."""

    notification = models.CharField(max_length=64)
    language = models.CharField(max_length=35)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("notification", "language")
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "language"],
                name="helpdesk_email_template_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.notification} ({self.language})"
