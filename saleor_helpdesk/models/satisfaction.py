"""The satisfaction survey: one rating per ticket, and its settings per channel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .ticket import Ticket

MIN_SCORE = 1
MAX_SCORE = 5
DEFAULT_LINK_VALIDITY_DAYS = 30


class RatingSource(models.TextChoices):
    """The door a rating came through."""

    EMAIL_LINK = "email_link", "The link in the closing e-mail"
    STOREFRONT = "storefront", "The storefront (signed-in customer)"
    GUEST = "guest", "The storefront (guest with the order's token)"


class SatisfactionRating(models.Model):
    """How the customer rated the handling of one ticket. At most one per ticket (the
    unique ticket), so a second submission, even a concurrent one, is refused."""

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, related_name="satisfaction_rating"
    )
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    source = models.CharField(max_length=16, choices=RatingSource.choices)
    # Who rated: the customer's account, else the address the survey was sent to.
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    customer_email = models.EmailField(blank=True)
    # Copied from the ticket when the rating is recorded: the statistics count the
    # agent who handled it and the channel it came in, not who holds it later.
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.ForeignKey(
        "channel.Channel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=MIN_SCORE) & Q(score__lte=MAX_SCORE),
                name="helpdesk_rating_score_range",
            )
        ]
        indexes = [
            # The statistics read a period, per agent or per channel.
            models.Index(fields=["created_at"], name="helpdesk_rating_date_idx"),
            models.Index(
                fields=["agent", "created_at"], name="helpdesk_rating_agent_idx"
            ),
            models.Index(
                fields=["channel", "created_at"], name="helpdesk_rating_channel_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.score}"


class SatisfactionSettings(models.Model):
    """The survey's settings for one channel; the row with no channel holds the shop's
    defaults. Kept apart from `ChannelSettings` so the survey's columns live with it."""

    channel = models.OneToOneField(
        "channel.Channel",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    survey_enabled = models.BooleanField(default=True)
    # How long the links in a closing e-mail stay usable.
    link_validity_days = models.PositiveSmallIntegerField(
        default=DEFAULT_LINK_VALIDITY_DAYS
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["channel"],
                condition=Q(channel__isnull=True),
                name="helpdesk_one_shop_default_satisfaction",
            ),
            models.CheckConstraint(
                condition=Q(link_validity_days__gte=1) & Q(link_validity_days__lte=365),
                name="helpdesk_satisfaction_validity_range",
            ),
        ]
