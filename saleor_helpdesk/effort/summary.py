"""What a ticket cost: its time in total and per person, its entries, its points and
its contract's remaining budget. Staff only (MANAGE_ORDERS): customers never see it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from ..core.actor import Actor
from ..models import Ticket, TicketPoints, TimeEntry
from ..tickets.access import not_found, require_agent, visible_tickets
from .contracts import Budget, budget_of, contract_for


@dataclass(frozen=True)
class PersonTime:
    user_id: int | None
    seconds: int


@dataclass(frozen=True)
class TicketTime:
    ticket: Ticket
    total_seconds: int
    people: list[PersonTime]
    entries: list[TimeEntry]
    points: Decimal | None
    budget: Budget | None


def ticket_time(actor: Actor, ticket_id: int) -> TicketTime:
    require_agent(actor)
    ticket = visible_tickets(actor).filter(pk=ticket_id).first()
    if ticket is None:
        raise not_found("ticket")
    people = [
        PersonTime(row["user_id"], row["seconds"])
        for row in TimeEntry.objects.filter(ticket=ticket)
        .values("user_id")
        .annotate(seconds=Sum("seconds"))
        .order_by("-seconds", "user_id")
    ]
    entries = list(
        TimeEntry.objects.filter(ticket=ticket).order_by("-started_at", "-pk")
    )
    points = (
        TicketPoints.objects.filter(ticket=ticket)
        .values_list("points", flat=True)
        .first()
    )
    contract = contract_for(ticket)
    return TicketTime(
        ticket=ticket,
        total_seconds=sum(person.seconds for person in people),
        people=people,
        entries=entries,
        points=points,
        budget=budget_of(contract) if contract is not None else None,
    )
