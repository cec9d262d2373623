"""Every write path of the helpdesk, one module per topic.

Each action follows the same pattern (Zulip's check/do): validate and authorise first,
then, inside one transaction, lock what concurrent edits collide on, change state, write
timeline events, and hand side effects (e-mails, webhooks) to `on_commit`, so nothing is
sent for a change that rolls back.
"""

from .assignment import assign_ticket, claim_ticket, unassign_ticket
from .attachments import add_attachments, remove_attachment
from .comments import add_comment
from .complaints import decide_complaint
from .create import NewComplaint, NewTicket, create_ticket
from .fields import (
    change_category,
    change_cc,
    change_due_date,
    change_priority,
)
from .forward import forward_ticket
from .merge import merge_tickets
from .orders import NewLine, link_order
from .sms import send_sms_reply
from .status import change_status, close_ticket, reopen_ticket
from .update import TicketChanges, TicketRefused, bulk_update_tickets, update_ticket

__all__ = [
    "NewComplaint",
    "NewLine",
    "NewTicket",
    "TicketChanges",
    "TicketRefused",
    "add_attachments",
    "add_comment",
    "assign_ticket",
    "bulk_update_tickets",
    "change_category",
    "change_cc",
    "change_due_date",
    "change_priority",
    "change_status",
    "claim_ticket",
    "close_ticket",
    "create_ticket",
    "decide_complaint",
    "forward_ticket",
    "link_order",
    "merge_tickets",
    "remove_attachment",
    "reopen_ticket",
    "send_sms_reply",
    "unassign_ticket",
    "update_ticket",
]
