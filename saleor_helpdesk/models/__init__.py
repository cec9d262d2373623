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
from .sla import BusinessCalendar, BusinessCalendarChannel, SlaPolicy, SlaTarget
from .sms import SmsMessage
from .tags import Tag, TicketTag
from .ticket import Complaint, Ticket, TicketLine
from .webhook import WebhookAttempt, WebhookDelivery, WebhookSubscription

__all__ = [
    "Attachment",
    "AutomationRule",
    "BusinessCalendar",
    "BusinessCalendarChannel",
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
    "Macro",
    "Mailbox",
    "Priority",
    "QueueCursor",
    "RatingSource",
    "RefundReasonMapping",
    "ResponseTemplate",
    "RuleRun",
    "RuleTrigger",
    "SatisfactionRating",
    "SatisfactionSettings",
    "SlaPolicy",
    "SlaTarget",
    "SmsMessage",
    "StatusTransition",
    "SupportAgent",
    "SupportContract",
    "Tag",
    "Ticket",
    "TicketEvent",
    "TicketLine",
    "TicketPoints",
    "TicketRefund",
    "TicketRefundLine",
    "TicketStatus",
    "TicketTag",
    "TimeEntry",
    "TimeSource",
    "TimeTracker",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
