"""The notifications: one key per kind of e-mail, stored on outbox rows and templates."""

from django.db import models


class Notification(models.TextChoices):
    # to the customer (and the ticket's CC addresses)
    TICKET_RECEIVED = "ticket_received", "Ticket received (to the customer)"
    STAFF_REPLY = "staff_reply", "A public staff reply (to the customer)"
    STATUS_CHANGED = "status_changed", "Status changed (to the customer)"
    DUE_DATE_CHANGED = "due_date_changed", "Due date changed (to the customer)"
    COMPLAINT_DECIDED = "complaint_decided", "Complaint decided (to the customer)"
    REFUND_REQUESTED = "refund_requested", "Refund requested (to the customer)"
    REFUND_COMPLETED = "refund_completed", "Refund completed (to the customer)"
    TICKET_CLOSED = "ticket_closed", "Ticket closed (to the customer)"
    # to staff
    STAFF_NEW_TICKET = "staff_new_ticket", "New ticket in a queue (to staff)"
    STAFF_CUSTOMER_REPLY = (
        "staff_customer_reply",
        "Customer reply on an assigned ticket (to staff)",
    )
    STAFF_ASSIGNED = "staff_assigned", "Ticket assigned (to staff)"
    STAFF_CONTRACT_LOW = (
        "staff_contract_low",
        "Support contract running low (to staff)",
    )
    STAFF_SLA_AT_RISK = "staff_sla_at_risk", "Service level at risk (to staff)"
    STAFF_SLA_BREACHED = "staff_sla_breached", "Service level breached (to staff)"
    # to an outside address that staff forward a ticket to
    TICKET_FORWARDED = (
        "ticket_forwarded",
        "Ticket forwarded (to an outside address)",
    )


CUSTOMER_NOTIFICATIONS = frozenset(
    {
        Notification.TICKET_RECEIVED,
        Notification.STAFF_REPLY,
        Notification.STATUS_CHANGED,
        Notification.DUE_DATE_CHANGED,
        Notification.COMPLAINT_DECIDED,
        Notification.REFUND_REQUESTED,
        Notification.REFUND_COMPLETED,
        Notification.TICKET_CLOSED,
    }
)
