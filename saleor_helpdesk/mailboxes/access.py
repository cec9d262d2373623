"""Who may see which mailboxes and which messages they took in.

A mailbox's settings are the helpdesk's configuration: MANAGE_PLUGINS, in the
channels the caller may access. A message that reached a ticket is part of that
ticket: staff who work it (MANAGE_ORDERS and its channel) see it. A message without a
ticket (held, refused, a bounce, an auto-reply) is the mailbox's: staff who work
tickets or manage the settings see it, in the mailbox's channel. Customers, guests
and e-mail senders see none of this.
"""

from django.db.models import Q, QuerySet

from ..core.actor import Actor, ActorKind
from ..core.errors import HelpdeskPermissionDenied
from ..core.permissions import Perm
from ..models import InboundEmail, Mailbox
from ..tickets.access import visible_tickets

_PRIVILEGED = (ActorKind.STAFF, ActorKind.APP, ActorKind.SYSTEM)


def may_manage_mailboxes(actor: Actor) -> bool:
    return actor.kind in _PRIVILEGED and actor.has_perm(Perm.MANAGE_PLUGINS)


def may_read_inbound(actor: Actor) -> bool:
    return actor.is_agent or may_manage_mailboxes(actor)


def visible_mailboxes(actor: Actor) -> QuerySet[Mailbox]:
    if not may_manage_mailboxes(actor):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_PLUGINS permission to see the helpdesk's mailboxes."
        )
    mailboxes = Mailbox.objects.all()
    if actor.channel_ids is None:
        return mailboxes
    return mailboxes.filter(channel_id__in=actor.channel_ids)


def visible_inbound_emails(actor: Actor) -> QuerySet[InboundEmail]:
    """The messages `actor` may read (none for callers outside the shop's staff)."""
    emails = InboundEmail.objects.all()
    if not may_read_inbound(actor):
        return emails.none()
    without_ticket = Q(ticket__isnull=True)
    if actor.channel_ids is not None:
        without_ticket &= Q(mailbox__channel_id__in=actor.channel_ids)
    if not actor.is_agent:
        return emails.filter(without_ticket)
    return emails.filter(
        without_ticket | Q(ticket_id__in=visible_tickets(actor).values("pk"))
    )


def require_inbound_reader(actor: Actor) -> None:
    if not may_read_inbound(actor):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_ORDERS or MANAGE_PLUGINS permission to see the "
            "e-mails the helpdesk took in."
        )
