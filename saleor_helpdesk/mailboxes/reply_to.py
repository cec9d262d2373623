"""The Reply-To of our e-mails to customers: the ticket's signed reply address
(`support+<token>@…`, `inbound/threading.py`) made from the support mailbox of the
ticket's channel, so an answer from the customer's mail program comes back to the
ticket. Without an active mailbox for the channel, replies go to the sender address as
before (nobody reads a Reply-To the helpdesk does not fetch)."""

from collections.abc import Iterable

from ..inbound.threading import reply_address
from ..models import Mailbox


def reply_bases(channel_ids: Iterable[int | None]) -> dict[int, str]:
    """The support address per channel: its first active mailbox (lowest id)."""
    wanted = {pk for pk in channel_ids if pk is not None}
    if not wanted:
        return {}
    found: dict[int, str] = {}
    for channel_id, address in (
        Mailbox.objects.filter(channel_id__in=wanted, is_active=True)
        .order_by("pk")
        .values_list("channel_id", "address")
    ):
        found.setdefault(channel_id, address)
    return found


def ticket_reply_to(ticket_id: int, base: str | None) -> str | None:
    return reply_address(ticket_id, base) if base else None
