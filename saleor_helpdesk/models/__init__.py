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
from .effort import (
    ContractUnit,
    SupportContract,
    TicketPoints,
    TimeEntry,
    TimeSource,
    TimeTracker,
)
from .email import EmailMessage, EmailStatus, EmailTemplate
from .event import TicketEvent
from .mailbox import InboundEmail, InboundStatus, Mailbox
from .refund import RefundReasonMapping, TicketRefund, TicketRefundLine
from .satisfaction import RatingSource, SatisfactionRating, SatisfactionSettings
from .sms import SmsMessage
from .ticket import Complaint, Ticket, TicketLine
from .webhook import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "Attachment",
    "Category",
    "ChannelSettings",
    "Comment",
    "Complaint",
    "Contact",
    "ContractUnit",
    "CustomerResponsible",
    "EmailMessage",
    "EmailStatus",
    "EmailTemplate",
    "InboundEmail",
    "InboundStatus",
    "Mailbox",
    "Priority",
    "RatingSource",
    "RefundReasonMapping",
    "ResponseTemplate",
    "SatisfactionRating",
    "SatisfactionSettings",
    "SmsMessage",
    "StatusTransition",
    "SupportAgent",
    "SupportContract",
    "Ticket",
    "TicketEvent",
    "TicketLine",
    "TicketPoints",
    "TicketRefund",
    "TicketRefundLine",
    "TicketStatus",
    "TimeEntry",
    "TimeSource",
    "TimeTracker",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
