"""Who may see which tickets. The API's resolvers and every action use these, so a
customer never reaches another customer's ticket by any path, and no ticket is handed
to a staff user who could not open it."""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from ..core.actor import Actor, ActorKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..core.permissions import Perm
from ..host import get_host
from ..models import Ticket

if TYPE_CHECKING:
    from ..host.staff_access import StaffAccess


def visible_tickets(
    actor: Actor, queryset: QuerySet[Ticket] | None = None
) -> QuerySet[Ticket]:
    qs = Ticket.objects.all() if queryset is None else queryset
    if actor.kind == ActorKind.SYSTEM:
        return qs
    if actor.is_agent:
        if actor.channel_ids is None:
            return qs
        return qs.filter(channel_id__in=actor.channel_ids)
    if actor.kind == ActorKind.CUSTOMER and actor.user_id:
        return qs.filter(customer_id=actor.user_id)
    if actor.kind == ActorKind.GUEST and actor.guest_order_id and actor.guest_email:
        # Only the order's guest tickets: a registered customer's tickets on the same
        # order are not revealed to whoever holds the order token.
        return qs.filter(
            order_id=actor.guest_order_id,
            customer__isnull=True,
            customer_email__iexact=actor.guest_email,
        )
    if actor.kind == ActorKind.EMAIL and actor.guest_email:
        # The tickets the address is on; the sender's own account's too.
        on_ticket = Q(customer_email__iexact=actor.guest_email) | Q(
            cc_emails__contains=[actor.guest_email]
        )
        if actor.user_id:
            on_ticket |= Q(customer_id=actor.user_id)
        return qs.filter(on_ticket)
    return qs.none()


def not_found(field: str = "id") -> Exception:
    return field_error(field, "Ticket not found.", HelpdeskErrorCode.NOT_FOUND)


def require_agent(actor: Actor) -> None:
    if not actor.is_agent:
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_ORDERS permission to work tickets."
        )


def lock_ticket(actor: Actor, ticket_id: int, field: str = "id") -> Ticket:
    """The ticket, row-locked for the rest of the transaction, if the actor may see it.

    A ticket the actor may not see is reported as not found: its existence is not
    revealed.
    """
    # Locked by a query without joins, then read: a query that joins the status and
    # waits for the lock re-checks its join against the status row it read before
    # waiting (PostgreSQL's EvalPlanQual), so a ticket whose status another
    # transaction just changed would drop out and be "not found" (bin/load found it).
    locked = (
        visible_tickets(actor, Ticket.objects.select_for_update(of=("self",)))
        .filter(pk=ticket_id)
        .values_list("pk", flat=True)
        .first()
    )
    if locked is None:
        raise not_found(field)
    return Ticket.objects.select_related("status", "priority").get(pk=locked)


def staff_may_open(user_id: int, channel_id: int | None) -> bool:
    """Whether the shop lets this staff user open tickets of `channel_id` themselves
    (MANAGE_ORDERS in that channel)."""
    access = get_host().staff_access([user_id]).get(user_id)
    return access is not None and access.may_work(channel_id)


def require_staff_may_open(
    ticket: Ticket,
    user_id: int,
    field: str,
    known: "Mapping[int, StaffAccess] | None" = None,
) -> None:
    """Refuse to hand `ticket` to a staff user who could not open it themselves: the
    shop must grant them MANAGE_ORDERS in the ticket's channel (Saleor's permission
    groups and their channel restriction), whoever assigns it. `known`: the host's
    answer for this user, when the caller asked already (one ask for many tickets)."""
    if known is None:
        known = get_host().staff_access([user_id])
    access = known.get(user_id)
    if access is not None and access.may_work(ticket.channel_id):
        return
    if access is None or Perm.MANAGE_ORDERS.value not in access.permissions:
        message = (
            "This support agent cannot open tickets: they lack the MANAGE_ORDERS "
            "permission."
        )
    else:
        message = "This support agent has no access to the ticket's channel."
    raise field_error(field, message, HelpdeskErrorCode.CANNOT_SEE_TICKET)
