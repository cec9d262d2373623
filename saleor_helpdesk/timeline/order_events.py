"""What happened to an order or a customer in the shop, on the tickets it concerns.

These functions take plain ids and values, not the host's objects, so they can be fed
by Saleor's plugin hooks today and by Saleor's app webhooks later (Saleor marks plugin
order hooks as deprecated). `host/hooks.py` is the thin door the plugin calls.
"""

from uuid import UUID

from django.db import transaction

from ..core.actor import Actor
from ..core.constants import OrderHappening
from ..models import Ticket, TicketEvent
from . import events


def record_order_happening(
    *, order_id: UUID | str, order_number: int, happening: OrderHappening
) -> int:
    """One timeline event on every ticket of the order (merged ones live on in the
    ticket they were merged into, which has its own row). Returns how many."""
    ticket_ids = list(
        Ticket.objects.filter(order_id=order_id, merged_into__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not ticket_ids:
        return 0
    rows = [
        events.order_event_mirrored_event(
            ticket=Ticket(pk=ticket_id),
            actor=Actor.system(),
            order_event=happening.value,
            order_number=order_number,
            save=False,
        )
        for ticket_id in ticket_ids
    ]
    with transaction.atomic():
        events.save_events(*rows)
    return len(rows)


def guest_tickets_of(email: str):
    return Ticket.objects.filter(
        customer__isnull=True, customer_email__iexact=email.strip()
    )


def record_customer_registered(*, user_id: int, email: str) -> int:
    """A customer signed up with the e-mail of earlier guest tickets: say so on them.
    They are not linked yet: the address is not proven to be theirs until confirmed."""
    ticket_ids = list(guest_tickets_of(email).values_list("pk", flat=True))
    rows: list[TicketEvent] = [
        events.customer_registered_event(
            ticket=Ticket(pk=ticket_id), user_id=user_id, save=False
        )
        for ticket_id in ticket_ids
    ]
    if rows:
        events.save_events(*rows)
    return len(rows)


def link_guest_tickets(*, user: object, email: str) -> int:
    """The customer confirmed their e-mail: their guest tickets become theirs, so they
    see them when signed in. Returns how many were linked."""
    user_id = getattr(user, "pk", None)
    with transaction.atomic():
        ticket_ids = list(
            guest_tickets_of(email).select_for_update().values_list("pk", flat=True)
        )
        if not ticket_ids:
            return 0
        Ticket.objects.filter(pk__in=ticket_ids).update(customer=user)
        events.save_events(
            *(
                events.customer_linked_event(
                    ticket=Ticket(pk=ticket_id), user_id=user_id, save=False
                )
                for ticket_id in ticket_ids
            )
        )
    return len(ticket_ids)
