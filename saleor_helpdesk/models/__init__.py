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
from .mailbox import InboundEmail, InboundStatus, Mailbox
from .refund import RefundReasonMapping, TicketRefund, TicketRefundLine
from .sla import BusinessCalendar, BusinessCalendarChannel, SlaPolicy, SlaTarget
from .sms import SmsMessage
from .ticket import Complaint, Ticket, TicketLine
from .webhook import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "Attachment",
    "BusinessCalendar",
    "BusinessCalendarChannel",
    "Category",
    "ChannelSettings",
    "Comment",
    "Complaint",
    "Contact",
    "CustomerResponsible",
    "EmailMessage",
    "EmailStatus",
    "EmailTemplate",
    "InboundEmail",
    "InboundStatus",
    "Mailbox",
    "Priority",
    "RefundReasonMapping",
    "ResponseTemplate",
    "SlaPolicy",
    "SlaTarget",
    "SmsMessage",
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
