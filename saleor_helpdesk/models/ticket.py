from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper

from ..core.constants import (
    ComplaintDecision,
    ComplaintReason,
    Resolution,
    TicketKind,
    TicketSource,
)
from .config import Category, ChannelSettings, Contact, Priority, TicketStatus

# A PostgreSQL sequence (created by migration 0001) hands out ticket numbers: unique and
# increasing under any concurrency without serialising ticket creation on a lock. A
# rolled-back creation leaves a gap, which is harmless for a reference number.
TICKET_NUMBER_SEQUENCE = "saleor_helpdesk_ticket_number_seq"
TICKET_NUMBER_START = 10001


class NextTicketNumber(models.Func):
    """`nextval()` of the ticket number sequence, as the column's database default:
    PostgreSQL fills the number during the INSERT and returns it (no extra query)."""

    template = f"nextval('{TICKET_NUMBER_SEQUENCE}')"
    output_field = models.PositiveBigIntegerField()

    def __init__(self) -> None:
        super().__init__()

    def deconstruct(self) -> tuple[str, tuple[()], dict[str, object]]:
        return ("saleor_helpdesk.models.ticket.NextTicketNumber", (), {})


# The tickets lists show: a merged ticket lives on in the one it was merged into.
LISTED = Q(merged_into__isnull=True)


class TicketManager(models.Manager["Ticket"]):
    def get_queryset(self) -> models.QuerySet["Ticket"]:
        # The search vectors are read only inside SQL (matching, ranking): a page of
        # tickets need not carry kilobytes of tsvector per row, and saving a loaded
        # ticket never writes back a vector that another write has refreshed.
        return super().get_queryset().defer("search_all", "search_public")


class Ticket(models.Model):
    number = models.PositiveBigIntegerField(
        unique=True, editable=False, db_default=NextTicketNumber()
    )
    kind = models.CharField(
        max_length=32, choices=TicketKind.choices, default=TicketKind.QUESTION
    )
    subject = models.CharField(max_length=255)
    # Indexed with the number (Meta.indexes), for filters and grouped sorting.
    status = models.ForeignKey(
        TicketStatus, on_delete=models.PROTECT, related_name="tickets", db_index=False
    )
    # Indexed with the number (Meta.indexes), for filters and grouped sorting.
    priority = models.ForeignKey(
        Priority, on_delete=models.PROTECT, related_name="tickets", db_index=False
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.ForeignKey(
        "channel.Channel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_tickets",
        db_index=False,
    )
    customer_email = models.EmailField()
    customer_name = models.CharField(max_length=256, blank=True)
    order = models.ForeignKey(
        "order.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_tickets",
    )
    source = models.CharField(
        max_length=16, choices=TicketSource.choices, default=TicketSource.STOREFRONT
    )
    language_code = models.CharField(max_length=35, default="en")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_assigned_tickets",
        db_index=False,
    )
    due_date = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    cc_emails = ArrayField(models.EmailField(), default=list, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_tickets",
    )
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moved by every comment and change: the inbox's "last activity" column and sort.
    last_activity_at = models.DateTimeField(auto_now_add=True)
    # When the customer's personal data on this ticket was erased (on request, after
    # the account was deleted, or by the retention policy); the row stays for counts.
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    # Full-text search, written only by `tickets/search_index.refresh_search()`: every
    # comment for staff, public comments only for customers.
    search_all = SearchVectorField(null=True, editable=False)
    search_public = SearchVectorField(null=True, editable=False)
    # The earliest due instant of the ticket's running service-level targets (null:
    # none runs), kept by `sla/clock.py` for the inbox's "due in / overdue by".
    sla_due_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TicketManager()

    # In memory only (not a column): the channel policy an action already resolved,
    # for the side-effect planners of the same transaction.
    helpdesk_policy: "ChannelSettings | None" = None

    class Meta:
        ordering = ("-number",)
        indexes = [
            # Inbox tabs: status (group via join) per channel, newest activity first.
            models.Index(
                fields=["channel", "status", "-last_activity_at"],
                name="helpdesk_ticket_inbox_idx",
            ),
            models.Index(
                fields=["assignee", "status"], name="helpdesk_ticket_assignee_idx"
            ),
            models.Index(fields=["customer_email"], name="helpdesk_ticket_email_idx"),
            # Every sort the inbox offers reads its first page from an index: own
            # columns by (column, number), related ones (status, priority, assignee,
            # channel) group by group through (foreign key, number)
            # (`tickets/related_order.py`); the number breaks ties. Lists never show
            # merged tickets, so most are partial: the inbox counts tickets by an
            # index-only scan of the status index instead of reading the table.
            # Customer, assignee and channel stay whole (deleting a user or channel
            # finds its tickets through them) and carry the merge column, so they
            # count too without reading the table.
            models.Index(
                fields=["last_activity_at", "number"],
                name="helpdesk_ticket_activity_idx",
                condition=LISTED,
            ),
            # `ticketStatistics` reads a period's tickets from these alone (an
            # index-only scan): a year is a third of a million tickets, and the rows
            # themselves are wide (the search vectors).
            models.Index(
                fields=["created_at"],
                name="helpdesk_ticket_stats_idx",
                include=[
                    "id",
                    "kind",
                    "status",
                    "category",
                    "assignee",
                    "channel",
                    "first_response_at",
                    "resolved_at",
                ],
                condition=LISTED,
            ),
            models.Index(
                fields=["closed_at"],
                name="helpdesk_ticket_closed_idx",
                include=["id", "channel"],
                condition=LISTED & Q(closed_at__isnull=False),
            ),
            models.Index(
                fields=["due_date", "number"],
                name="helpdesk_ticket_due_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["subject", "number"],
                name="helpdesk_ticket_subject_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["customer_name", "customer_email", "number"],
                name="helpdesk_ticket_cust_sort_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["status", "number"],
                name="helpdesk_ticket_status_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["priority", "number"],
                name="helpdesk_ticket_priority_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["kind", "number"],
                name="helpdesk_ticket_kind_idx",
                condition=LISTED,
            ),
            models.Index(
                fields=["category", "number"],
                name="helpdesk_ticket_category_idx",
                include=["merged_into"],
            ),
            models.Index(
                fields=["customer", "number"],
                name="helpdesk_ticket_customer_idx",
                include=["merged_into"],
            ),
            models.Index(
                fields=["assignee", "number"],
                name="helpdesk_ticket_assign_nr_idx",
                include=["merged_into"],
            ),
            models.Index(
                fields=["channel", "number"],
                name="helpdesk_ticket_channel_idx",
                include=["merged_into"],
            ),
            # Overdue list: only open tickets carry a meaningful due date.
            models.Index(
                fields=["due_date"],
                name="helpdesk_ticket_due_open_idx",
                condition=Q(closed_at__isnull=True),
            ),
            # The inbox's SLA sort (both directions, tickets without a running
            # target last or first, as for the due date) and the breached filter.
            models.Index(
                fields=["sla_due_at", "number"],
                name="helpdesk_ticket_sla_due_idx",
                condition=LISTED,
            ),
            GinIndex(fields=["metadata"], name="helpdesk_ticket_meta_idx"),
            GinIndex(fields=["private_metadata"], name="helpdesk_ticket_pmeta_idx"),
            GinIndex(fields=["search_all"], name="helpdesk_ticket_search_all_idx"),
            GinIndex(fields=["search_public"], name="helpdesk_ticket_search_pub_idx"),
            # Fragments of an address or name (`icontains` compares in upper case).
            GinIndex(
                OpClass(Upper("customer_email"), name="gin_trgm_ops"),
                name="helpdesk_ticket_email_trgm_idx",
            ),
            GinIndex(
                OpClass(Upper("customer_name"), name="gin_trgm_ops"),
                name="helpdesk_ticket_name_trgm_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")),
                name="helpdesk_ticket_not_merged_into_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def is_closed(self) -> bool:
        return self.status.is_closed


class TicketLine(models.Model):
    """An order line a complaint is about, with how many pieces and why."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        "order.OrderLine", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Snapshot: a line edited or deleted in Saleor later must not blank the complaint.
    product_name = models.CharField(max_length=386, blank=True)
    product_sku = models.CharField(max_length=255, blank=True)
    quantity = models.PositiveIntegerField()
    reason = models.CharField(
        max_length=32, choices=ComplaintReason.choices, default=ComplaintReason.OTHER
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="helpdesk_line_quantity_positive"
            ),
            models.UniqueConstraint(
                fields=["ticket", "order_line"], name="helpdesk_line_once_per_ticket"
            ),
        ]


class Complaint(models.Model):
    """The complaint form of seed 004, kept beside its ticket."""

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, related_name="complaint"
    )
    # As the customer typed them from the invoice; the order FK on the ticket is the
    # verified link.
    customer_number = models.CharField(max_length=64, blank=True)
    order_number = models.CharField(max_length=64, blank=True)
    article_number = models.CharField(max_length=128, blank=True)
    description = models.TextField(blank=True)
    comment = models.TextField(blank=True)
    requested_resolution = models.CharField(
        max_length=16, choices=Resolution.choices, blank=True
    )
    decision = models.CharField(
        max_length=16,
        choices=ComplaintDecision.choices,
        default=ComplaintDecision.PENDING,
    )
    decision_note = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
