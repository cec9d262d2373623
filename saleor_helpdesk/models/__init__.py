from .automation import (
    AutomationRule,
    Macro,
    QueueCursor,
    RuleRun,
    RuleTrigger,
)
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
from .sms import SmsMessage
from .tags import Tag, TicketTag
from .ticket import Complaint, Ticket, TicketLine
from .webhook import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "Attachment",
    "AutomationRule",
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
    "Macro",
    "Mailbox",
    "Priority",
    "QueueCursor",
    "RefundReasonMapping",
    "ResponseTemplate",
    "RuleRun",
    "RuleTrigger",
    "SmsMessage",
    "StatusTransition",
    "SupportAgent",
    "Tag",
    "Ticket",
    "TicketEvent",
    "TicketLine",
    "TicketRefund",
    "TicketRefundLine",
    "TicketStatus",
    "TicketTag",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
