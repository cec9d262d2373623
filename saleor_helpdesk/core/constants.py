"""Enumerations shared by the domain, the API and the e-mails.

Values are stored in the database: never rename one, add a new value instead.
"""

from django.db import models

# Saleor's `OrderStatus.DRAFT`: a draft is not an order yet, so no ticket may name it.
DRAFT_ORDER_STATUS = "draft"


class TicketKind(models.TextChoices):
    QUESTION = "question", "Question"
    COMPLAINT = "complaint", "Complaint"
    REFUND_REQUEST = "refund_request", "Refund request"
    ORDER_PROBLEM = "order_problem", "Order problem"
    OTHER = "other", "Other"


class TicketSource(models.TextChoices):
    STOREFRONT = "storefront", "Storefront"
    EMAIL = "email", "E-mail"
    STAFF = "staff", "Staff"
    PHONE = "phone", "Phone"
    API = "api", "API"
    SYSTEM = "system", "System"


class StatusGroup(models.TextChoices):
    """What a status means to the inbox tabs and to the clocks (first response, SLA)."""

    NEW = "new", "New"
    OPEN = "open", "Open"
    WAITING = "waiting", "Waiting"
    CLOSED = "closed", "Closed"


class AuthorType(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    STAFF = "staff", "Staff"
    APP = "app", "App"
    SYSTEM = "system", "System"


class CommentVisibility(models.TextChoices):
    PUBLIC = "public", "Public reply"
    INTERNAL = "internal", "Internal note"


class CommentMedium(models.TextChoices):
    STOREFRONT = "storefront", "Storefront"
    DASHBOARD = "dashboard", "Dashboard"
    EMAIL = "email", "E-mail"
    PHONE = "phone", "Phone note"
    SMS = "sms", "SMS"
    API = "api", "API"


class Resolution(models.TextChoices):
    """What a customer asks for on a complaint, and what the merchant grants."""

    REFUND = "refund", "Refund"
    REPLACEMENT = "replacement", "Replacement"
    REPAIR = "repair", "Repair"
    CREDIT = "credit", "Store credit"


class ComplaintDecision(models.TextChoices):
    PENDING = "pending", "Pending"
    REFUND = "refund", "Refund"
    REPLACEMENT = "replacement", "Replacement"
    REPAIR = "repair", "Repair"
    CREDIT = "credit", "Store credit"
    REJECTED = "rejected", "Rejected"


class ComplaintReason(models.TextChoices):
    DEFECTIVE = "defective", "Defective"
    DAMAGED_IN_TRANSIT = "damaged_in_transit", "Damaged in transit"
    WRONG_ITEM = "wrong_item", "Wrong item"
    MISSING_ITEM = "missing_item", "Missing item"
    NOT_AS_DESCRIBED = "not_as_described", "Not as described"
    NOT_DELIVERED = "not_delivered", "Not delivered"
    OTHER = "other", "Other"


class TicketEventType(models.TextChoices):
    CREATED = "created", "Ticket created"
    STATUS_CHANGED = "status_changed", "Status changed"
    ASSIGNED = "assigned", "Assigned"
    UNASSIGNED = "unassigned", "Unassigned"
    PRIORITY_CHANGED = "priority_changed", "Priority changed"
    CATEGORY_CHANGED = "category_changed", "Category changed"
    DUE_DATE_CHANGED = "due_date_changed", "Due date changed"
    CC_CHANGED = "cc_changed", "CC changed"
    COMMENT_ADDED = "comment_added", "Reply added"
    NOTE_ADDED = "note_added", "Internal note added"
    ATTACHMENT_ADDED = "attachment_added", "Attachment added"
    ATTACHMENT_REMOVED = "attachment_removed", "Attachment removed"
    ORDER_LINKED = "order_linked", "Order linked"
    COMPLAINT_DECIDED = "complaint_decided", "Complaint decided"
    REFUND_REQUESTED = "refund_requested", "Refund requested"
    REFUND_UPDATED = "refund_updated", "Refund updated"
    ORDER_EVENT = "order_event", "Order event"
    CUSTOMER_REGISTERED = "customer_registered", "Customer registered"
    CUSTOMER_LINKED = "customer_linked", "Linked to the customer's account"
    EMAIL_SENT = "email_sent", "E-mail sent"
    EMAIL_FAILED = "email_failed", "E-mail failed"
    SMS_SENT = "sms_sent", "SMS sent"
    SMS_FAILED = "sms_failed", "SMS failed"
    MERGED = "merged", "Merged into another ticket"
    MERGED_FROM = "merged_from", "Another ticket merged in"
    FORWARDED = "forwarded", "Forwarded"
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"
    PERSONAL_DATA_ERASED = "personal_data_erased", "Personal data erased"
    ATTACHMENTS_EXPIRED = "attachments_expired", "Files removed after retention period"
    RATED = "rated", "Rated by the customer"
    # Time and effort (`effort/`), staff only like every event.
    TIME_LOGGED = "time_logged", "Time logged"
    TIME_ENTRY_CHANGED = "time_entry_changed", "Time entry changed"
    TIME_ENTRY_REMOVED = "time_entry_removed", "Time entry removed"
    POINTS_SET = "points_set", "Support points set"
    CONTRACT_BUDGET_LOW = "contract_budget_low", "Support contract running low"
    # Issue 14, automation: a rule's actions ran (or were refused), a macro was
    # applied, a ticket's tags changed.
    RULE_APPLIED = "rule_applied", "Automation rule applied"
    MACRO_APPLIED = "macro_applied", "Macro applied"
    TAGS_CHANGED = "tags_changed", "Tags changed"
    SLA_AT_RISK = "sla_at_risk", "Service level at risk"
    SLA_BREACHED = "sla_breached", "Service level breached"


class RefundState(models.TextChoices):
    """A ticket's refund as it travels through Saleor: `requested` is written before
    Saleor is asked (so a crash in between is found again), `pending` once Saleor has
    sent it to the payment app, then `succeeded` or `failed` from the app's answer."""

    REQUESTED = "requested", "Requested"
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class RefundMethod(models.TextChoices):
    TRANSACTION = "transaction", "Transactions API (granted refund)"
    PAYMENT = "payment", "Payment (legacy)"


class OrderHappening(models.TextChoices):
    """What Saleor told the helpdesk about an order (its plugin hooks)."""

    CONFIRMED = "confirmed", "Order confirmed"
    FULLY_PAID = "fully_paid", "Order fully paid"
    FULFILLMENT_CREATED = "fulfillment_created", "Fulfilment created"
    FULFILLED = "fulfilled", "Order fulfilled"
    REFUNDED = "refunded", "Order refunded"
    FULLY_REFUNDED = "fully_refunded", "Order fully refunded"
    CANCELLED = "cancelled", "Order cancelled"


class RetentionAction(models.TextChoices):
    """What the retention policy does with a closed ticket past its period."""

    ANONYMIZE = "anonymize", "Anonymise (keep the ticket for statistics)"
    DELETE = "delete", "Delete the ticket"


class ErasureReason(models.TextChoices):
    """Why a ticket's personal data was erased (on its timeline event)."""

    REQUEST = "request", "On request"
    ACCOUNT_DELETED = "account_deleted", "The customer's account was deleted"
    RETENTION = "retention", "Retention period passed"


class SlaMetric(models.TextChoices):
    """What a service-level target measures."""

    FIRST_RESPONSE = "first_response", "First response"
    NEXT_RESPONSE = "next_response", "Next response"
    RESOLUTION = "resolution", "Resolution"


class SlaState(models.TextChoices):
    """Where a ticket (or one of its targets) stands against its service level."""

    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    BREACHED = "breached", "Breached"
    PAUSED = "paused", "Paused"
    MET = "met", "Met"
