"""The helpdesk's configuration, kept as data so merchants edit it through the API."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..core.constants import RetentionAction, StatusGroup, TicketKind
from .labels import Labelled


class TicketStatus(Labelled):
    """A workflow state. `group` tells the inbox tab and the clocks what it means."""

    slug = models.SlugField(max_length=64, unique=True)
    group = models.CharField(max_length=16, choices=StatusGroup.choices)
    # Internal states (PrestaShop's "waiting 1 / waiting 2") show the customer the label of
    # `customer_status` instead, so a customer never reads the team's internal wording.
    is_internal = models.BooleanField(default=False)
    customer_status = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_initial = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    # While a ticket is in this status its service-level clocks stand still (the team
    # waits for the customer). Migration 0012 sets it for the waiting group.
    pauses_sla = models.BooleanField(default=False)

    class Meta:
        ordering = ("position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["is_initial"],
                condition=Q(is_initial=True),
                name="helpdesk_status_one_initial",
            )
        ]

    def __str__(self) -> str:
        return self.slug

    @property
    def is_closed(self) -> bool:
        return self.group == StatusGroup.CLOSED

    def customer_facing(self) -> "TicketStatus":
        """The status a customer is shown for this one: its `customer_status` when
        this status is internal and has one, otherwise this status itself.

        It reads `customer_status`, so load that with the status
        (`select_related("customer_status")` or the status loader) and this costs no
        query.
        """
        if self.is_internal and self.customer_status_id is not None:
            return self.customer_status or self
        return self

    def customer_label(self, language_code: str | None = None) -> str:
        """The label a customer reads for this status, in their language (with the
        fallbacks of `label`)."""
        return self.customer_facing().label(language_code)


class StatusTransition(models.Model):
    """An allowed move between two statuses, and who may make it."""

    source = models.ForeignKey(
        TicketStatus, on_delete=models.CASCADE, related_name="transitions_out"
    )
    target = models.ForeignKey(
        TicketStatus, on_delete=models.CASCADE, related_name="transitions_in"
    )
    staff_allowed = models.BooleanField(default=True)
    customer_allowed = models.BooleanField(default=False)
    # Moves the system makes by itself (a customer reply reopens, a refund closes).
    system_allowed = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"], name="helpdesk_transition_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="helpdesk_transition_not_to_itself",
            ),
        ]


class Priority(Labelled):
    slug = models.SlugField(max_length=64, unique=True)
    # Target resolution time: a new ticket's due date is created_at + this.
    resolution_hours = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    is_default = models.BooleanField(default=False)

    class Meta:
        ordering = ("position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="helpdesk_priority_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.slug

    @property
    def resolution_time(self) -> timedelta | None:
        if self.resolution_hours is None:
            return None
        return timedelta(hours=self.resolution_hours)


class Category(Labelled):
    """A category offered for one kind of ticket (a complaint's "Problem mit der Lieferung")."""

    slug = models.SlugField(max_length=64)
    kind = models.CharField(max_length=32, choices=TicketKind.choices)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ("kind", "position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "slug"], name="helpdesk_category_unique_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.slug}"


class Contact(Labelled):
    """A queue a customer can address (PrestaShop's "Kontakte": customer service, …)."""

    slug = models.SlugField(max_length=64, unique=True)
    email = models.EmailField(blank=True)
    description = models.TextField(blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ("position", "pk")

    def __str__(self) -> str:
        return self.slug


class ResponseTemplate(models.Model):
    """A canned reply in one language; `body` may hold {{ placeholders }}."""

    name = models.CharField(max_length=128)
    language_code = models.CharField(max_length=35, default="en")
    subject = models.CharField(max_length=255, blank=True)
    body = models.TextField()
    kind = models.CharField(
        max_length=32, choices=TicketKind.choices, blank=True, default=""
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "language_code")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "language_code"],
                name="helpdesk_template_unique_name_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language_code})"


DEFAULT_ALLOWED_CONTENT_TYPES = [
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "application/pdf",
    "text/plain",
]


def default_allowed_content_types() -> list[str]:
    return list(DEFAULT_ALLOWED_CONTENT_TYPES)


class ChannelSettings(models.Model):
    """Policies for one channel; the row with no channel holds the shop's defaults."""

    channel = models.OneToOneField(
        "channel.Channel",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    attachments_allowed = models.BooleanField(default=True)
    max_attachment_size = models.PositiveIntegerField(default=10 * 1024 * 1024)
    max_attachments_per_comment = models.PositiveSmallIntegerField(default=5)
    max_attachments_per_ticket = models.PositiveSmallIntegerField(default=30)
    allowed_content_types = models.JSONField(default=default_allowed_content_types)
    guest_tickets_allowed = models.BooleanField(default=True)
    customer_may_close = models.BooleanField(default=True)
    customer_may_reopen = models.BooleanField(default=True)
    # Days after closing in which a customer may still reopen; null: always.
    reopen_window_days = models.PositiveIntegerField(null=True, blank=True, default=30)
    auto_close_on_full_refund = models.BooleanField(default=False)
    sender_email = models.EmailField(blank=True)
    sender_name = models.CharField(max_length=128, blank=True)
    signature = models.TextField(blank=True)
    default_responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Retention (see `privacy/retention.py`): closed tickets older than this many
    # months (counted from closing) are anonymised or deleted; null: kept.
    ticket_retention_months = models.PositiveSmallIntegerField(null=True, blank=True)
    ticket_retention_action = models.CharField(
        max_length=16,
        choices=RetentionAction.choices,
        default=RetentionAction.ANONYMIZE,
    )
    # Files of closed tickets are removed from storage this many months after closing;
    # null: kept as long as their ticket.
    attachment_retention_months = models.PositiveSmallIntegerField(
        null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["channel"],
                condition=Q(channel__isnull=True),
                name="helpdesk_one_shop_default_settings",
            )
        ]


class SupportAgent(models.Model):
    """A staff user who can be assigned tickets, and the queues they serve."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    is_active = models.BooleanField(default=True)
    contacts = models.ManyToManyField(Contact, blank=True, related_name="agents")
    signature = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class CustomerResponsible(models.Model):
    """The staff user who looks after one customer (seed 001: "Verantwortlicher")."""

    customer = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
