"""Time and effort: time entries per ticket and person, the open tracking interval of
each staff user (heartbeats), points set on a ticket, and support contracts.

None of these is a column on the ticket table (it must scale to millions of rows and
is changed only through `actions/`): effort lives in tables of its own that point at
the ticket.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .ticket import Ticket


class TimeSource(models.TextChoices):
    AUTOMATIC = "automatic", "Measured while the ticket was open"
    MANUAL = "manual", "Entered by hand"


class ContractUnit(models.TextChoices):
    HOURS = "hours", "Hours"
    POINTS = "points", "Points"


class TimeEntry(models.Model):
    """Time one person spent on one ticket: `seconds` from `started_at`.

    Automatic entries are written and extended by heartbeats (`effort/tracking.py`);
    for one staff user they never overlap, so summing them counts each wall-clock
    second at most once. Manual entries (a phone call) carry a note.
    """

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="time_entries"
    )
    # SET_NULL: a deleted staff account's time still counts for the ticket.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(max_length=16, choices=TimeSource.choices)
    started_at = models.DateTimeField()
    seconds = models.PositiveIntegerField(default=0)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("started_at", "pk")
        indexes = [
            models.Index(
                fields=["ticket", "started_at"], name="helpdesk_time_ticket_idx"
            ),
            # Statistics and the export read a period's entries.
            models.Index(fields=["started_at"], name="helpdesk_time_period_idx"),
            models.Index(fields=["user", "started_at"], name="helpdesk_time_user_idx"),
        ]


class TimeTracker(models.Model):
    """The one open tracking interval of a staff user: which ticket gets the time, since
    when, and the last heartbeat. Row-locked by every heartbeat of that user, so two
    tabs never count the same second twice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    ticket = models.ForeignKey(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The automatic entry being extended; null until the interval has a second in it.
    entry = models.ForeignKey(
        TimeEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    last_beat_at = models.DateTimeField(null=True, blank=True)
    # The tab that sent the last heartbeat (chosen by the Dashboard, opaque here).
    tab = models.CharField(max_length=64, blank=True)


class SupportContract(models.Model):
    """A customer's support budget (seed 003: point- and time-based support work).

    The customer is a Saleor user or, for guests, an e-mail address. A ticket draws
    on the contract of its customer that was valid on the day the ticket was opened:
    hours from its time entries, points from the points set on it (or the contract's
    `points_per_ticket`). `warned_at` is set when the remaining budget first falls to
    the threshold, and cleared when it rises above it again, so each crossing warns
    once.
    """

    name = models.CharField(max_length=128)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Lower-case; only for a guest (no account). Blank when `customer` is set.
    customer_email = models.EmailField(blank=True)
    unit = models.CharField(max_length=8, choices=ContractUnit.choices)
    budget = models.DecimalField(max_digits=10, decimal_places=2)
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    warning_threshold = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    points_per_ticket = models.DecimalField(max_digits=8, decimal_places=2, default=1)
    is_active = models.BooleanField(default=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-valid_from", "-pk")
        indexes = [
            models.Index(fields=["customer"], name="helpdesk_contract_customer_idx"),
            models.Index(fields=["customer_email"], name="helpdesk_contract_email_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(customer__isnull=False) & Q(customer_email=""))
                | (Q(customer__isnull=True) & ~Q(customer_email="")),
                name="helpdesk_contract_one_customer",
            )
        ]


class TicketPoints(models.Model):
    """Points staff set on one ticket (a points contract draws them instead of the
    contract's `points_per_ticket`)."""

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, related_name="helpdesk_points"
    )
    points = models.DecimalField(max_digits=8, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)
