from .comment import Attachment, Comment
from .config import (
    Category,
    ChannelSettings,
    Contact,
    CustomerResponsible,
    Priority,
    ResponseTemplate,
    StatusTransition,
    SupportAgent,
    TicketStatus,
)
from .email import EmailMessage, EmailStatus, EmailTemplate
from .event import TicketEvent
from .refund import RefundReasonMapping, TicketRefund, TicketRefundLine
from .ticket import Complaint, Ticket, TicketLine
from .webhook import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "Attachment",
    "Category",
    "ChannelSettings",
    "Comment",
    "Complaint",
    "Contact",
    "CustomerResponsible",
    "EmailMessage",
    "EmailStatus",
    "EmailTemplate",
    "Priority",
    "RefundReasonMapping",
    "ResponseTemplate",
    "StatusTransition",
    "SupportAgent",
    "Ticket",
    "TicketEvent",
    "TicketLine",
    "TicketRefund",
    "TicketRefundLine",
    "TicketStatus",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
