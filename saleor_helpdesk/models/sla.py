"""Service levels: business calendars, SLA policies and each ticket's targets.

The arithmetic (what is business time) lives in `sla/businesstime.py`; these rows hold
the merchant's configuration and each ticket's running clocks."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from ..core.constants import SlaMetric, TicketKind
from .config import Category, Priority


class BusinessCalendar(models.Model):
    """When the team works: weekly hours in a time zone, minus public holidays (the
    `holidays` library, by country and subdivision) and extra closed dates.

    The calendar with `is_default` serves the shop; `channels` name the channels that
    use this calendar instead (a channel has at most one)."""

    name = models.CharField(max_length=128, unique=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    # [{"weekday": 0..6 (Monday first), "start": "09:00", "end": "17:00"}, …];
    # "24:00" ends a day. Kept as data: validated by `sla.businesstime.parse_hours`.
    hours = models.JSONField(default=list, blank=True)
    holiday_country = models.CharField(max_length=3, blank=True)
    holiday_subdivision = models.CharField(max_length=16, blank=True)
    closed_dates = ArrayField(models.DateField(), default=list, blank=True)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="helpdesk_calendar_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name


class BusinessCalendarChannel(models.Model):
    """A channel that keeps its own calendar (one per channel)."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="channel_links"
    )
    channel = models.OneToOneField(
        "channel.Channel", on_delete=models.CASCADE, related_name="+"
    )


class SlaPolicy(models.Model):
    """Targets for the tickets it matches: the first active policy (by position) whose
    set criteria (priority, channel, kind, category) all equal the ticket's."""

    name = models.CharField(max_length=128)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    channel = models.ForeignKey(
        "channel.Channel",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(
        max_length=32, choices=TicketKind.choices, blank=True, default=""
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Business minutes; null: no such target.
    first_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    next_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True)
    # A target is at risk once this share (percent) of its business time is used.
    at_risk_percent = models.PositiveSmallIntegerField(default=80)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("position", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(at_risk_percent__gte=1, at_risk_percent__lte=100),
                name="helpdesk_sla_policy_at_risk_percent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def minutes_for(self, metric: str) -> int | None:
        return {
            SlaMetric.FIRST_RESPONSE: self.first_response_minutes,
            SlaMetric.NEXT_RESPONSE: self.next_response_minutes,
            SlaMetric.RESOLUTION: self.resolution_minutes,
        }[SlaMetric(metric)]


# A target that is still counted: neither met nor cancelled.
OPEN_TARGET = Q(met_at__isnull=True, cancelled_at__isnull=True)
# A target whose clock runs now (open and not paused).
RUNNING_TARGET = OPEN_TARGET & Q(running_since__isnull=False)


class SlaTarget(models.Model):
    """One target of one ticket: its clock and what became of it.

    The clock counts business seconds: `consumed_seconds` before `running_since`, plus
    the business time since `running_since` while it runs. `due_at` and `at_risk_at`
    are the instants the running clock reaches the target and the at-risk share (null
    while paused). Next-response targets repeat: a ticket has one row per customer
    message that waits for an answer."""

    ticket = models.ForeignKey(
        "saleor_helpdesk.Ticket", on_delete=models.CASCADE, related_name="sla_targets"
    )
    metric = models.CharField(max_length=16, choices=SlaMetric.choices)
    policy = models.ForeignKey(
        SlaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_minutes = models.PositiveIntegerField()
    at_risk_percent = models.PositiveSmallIntegerField(default=80)
    started_at = models.DateTimeField()
    consumed_seconds = models.FloatField(default=0)
    running_since = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    at_risk_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    at_risk_notified_at = models.DateTimeField(null=True, blank=True)
    breach_notified_at = models.DateTimeField(null=True, blank=True)
    # A target that no longer applies (policy changed, ticket merged).
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("started_at", "pk")
        indexes = [
            # The periodic check: running targets by the next instant to look at.
            models.Index(
                fields=["due_at"],
                name="helpdesk_sla_due_idx",
                condition=RUNNING_TARGET & Q(breached_at__isnull=True),
            ),
            models.Index(
                fields=["at_risk_at"],
                name="helpdesk_sla_risk_idx",
                # Also the inbox's "at risk" filter, so notified ones stay in.
                condition=RUNNING_TARGET,
            ),
            # Statistics read a period's targets by their start.
            models.Index(fields=["started_at"], name="helpdesk_sla_started_idx"),
        ]
        constraints = [
            # Also the index by which a ticket's open targets are read.
            models.UniqueConstraint(
                fields=["ticket", "metric"],
                condition=OPEN_TARGET,
                name="helpdesk_sla_one_open_per_metric",
            )
        ]
