"""The Reply-To of our e-mails to customers: the ticket's signed reply address
(`support+<token>@…`, `inbound/threading.py`) made from the support mailbox of the
ticket's channel, so an answer from the customer's mail program comes back to the
ticket. Without an active mailbox for the channel, replies go to the sender address
(nobody reads a Reply-To the helpdesk does not take mail in from).

Chosen when the e-mail is sent, by the worker, not when it is planned: the request that
made the change pays no query for it, and a mailbox enabled in between counts.
"""

from django.db.models import Subquery

from ..inbound.threading import reply_address
from ..models import Mailbox, Ticket


def ticket_reply_address(ticket_id: int) -> str | None:
    """The ticket's reply address, or None when its channel has no active mailbox
    (one query)."""
    base = (
        Mailbox.objects.filter(
            is_active=True,
            channel_id=Subquery(
                Ticket.objects.filter(pk=ticket_id).values("channel_id")[:1]
            ),
        )
        .order_by("pk")
        .values_list("address", flat=True)
        .first()
    )
    return reply_address(ticket_id, base) if base else None
