"""Who may see which tickets. The API's resolvers and every action use these, so a
customer never reaches another customer's ticket by any path."""

from django.db.models import QuerySet

from .actor import Actor, ActorKind
from .error_codes import HelpdeskErrorCode
from .errors import HelpdeskPermissionDenied, field_error
from .models import Ticket


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
    ticket = (
        visible_tickets(actor, Ticket.objects.select_for_update(of=("self",)))
        .select_related("status", "priority")
        .filter(pk=ticket_id)
        .first()
    )
    if ticket is None:
        raise not_found(field)
    return ticket
