"""Webhooks to consumers: subscriptions, the delivery outbox and its attempts.

A delivery row is written in the same transaction as the change it reports (see
`webhooks/planner.py`), so a rolled-back change sends nothing and a committed one is
never lost: a worker sends whatever is due, also after a crash.

A subscription reads tickets as its *reader*: the staff user or app who last saved what
it sends (see `webhooks/readers.py`).
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q


class WebhookSigning(models.TextChoices):
    HMAC = "hmac", "HMAC-SHA256 with the subscription's secret"
    SALEOR = "saleor", "Saleor's detached JWS (the shop's key)"


class WebhookReaderKind(models.TextChoices):
    NONE = "", "Nobody (saved before readers were recorded)"
    STAFF = "staff", "A staff user"
    APP = "app", "An app"
    SYSTEM = "system", "The shop's own code (management commands)"


class WebhookDeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class WebhookSubscription(models.Model):
    name = models.CharField(max_length=255)
    target_url = models.URLField(max_length=2048)
    # Topics such as "ticket.created"; see `webhooks/payloads.py` TOPICS.
    events = ArrayField(models.CharField(max_length=64), default=list)
    # Ids of Saleor channels; empty means every channel (and tickets without one).
    channel_ids = ArrayField(models.IntegerField(), default=list, blank=True)
    is_active = models.BooleanField(default=True)
    include_internal_comments = models.BooleanField(default=False)
    signing = models.CharField(
        max_length=16, choices=WebhookSigning.choices, default=WebhookSigning.HMAC
    )
    # Shown once, when the subscription is created; used to sign with HMAC.
    secret = models.CharField(max_length=128, blank=True)
    # Whose access limits what it sends: re-checked whenever deliveries are planned and
    # sent. A reader deleted later leaves the kind with no user or app: nothing is sent.
    reader_kind = models.CharField(
        max_length=16,
        choices=WebhookReaderKind.choices,
        default=WebhookReaderKind.NONE,
        blank=True,
    )
    reader_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reader_app = models.ForeignKey(
        "app.App", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    # The ticket it reports: who may read the payload is who may read this ticket.
    ticket = models.ForeignKey(
        "saleor_helpdesk.Ticket",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The event's id as the consumer sees it: the same on every retry and redelivery.
    event_id = models.UUIDField(default=uuid.uuid4, editable=False)
    topic = models.CharField(max_length=64)
    payload = models.JSONField()
    status = models.CharField(
        max_length=16,
        choices=WebhookDeliveryStatus.choices,
        default=WebhookDeliveryStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(null=True, blank=True)
    last_response_excerpt = models.CharField(max_length=500, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [
            # The worker's "due" query: pending (or stuck sending) rows by due time.
            models.Index(
                fields=["next_attempt_at"],
                name="helpdesk_webhook_due_idx",
                condition=Q(
                    status__in=[
                        WebhookDeliveryStatus.PENDING,
                        WebhookDeliveryStatus.SENDING,
                    ]
                ),
            ),
            models.Index(
                fields=["subscription", "-created_at"],
                name="helpdesk_webhook_sub_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_id"],
                name="helpdesk_webhook_event_once",
            )
        ]


class WebhookAttempt(models.Model):
    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveIntegerField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    response_excerpt = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("delivery", "number", "pk")
