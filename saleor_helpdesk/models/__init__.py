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
from .event import TicketEvent
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
    "Priority",
    "ResponseTemplate",
    "StatusTransition",
    "SupportAgent",
    "Ticket",
    "TicketEvent",
    "TicketLine",
    "TicketStatus",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
