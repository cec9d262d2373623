"""Support contracts (seed 003: "punktbasierte Support-Verträge"): a customer's budget
in hours or points that their tickets draw down, and the warning when it runs low.

Which tickets draw on a contract: the tickets of its customer (the Saleor user, or for
a guest contract the e-mail address) opened while it was valid (`valid_from` to
`valid_until`, both days inclusive, in the shop's time zone). When two contracts of a
customer are valid on that day, the one that started last applies.

- An hours contract draws every time entry of those tickets (automatic and manual).
- A points contract draws the points staff set on each ticket, or the contract's
  `points_per_ticket` for a ticket nobody set points on.

Managing contracts is customer data: staff (or apps) with MANAGE_USERS, the
permission Saleor's own customer pages ask for. Whoever works tickets
(MANAGE_ORDERS) sees the remaining budget of a ticket's contract and sets points on a
ticket.

The warning: when a draw-down leaves the remaining budget at or below the contract's
threshold, the contract's `warned_at` is set by a conditional UPDATE (so two draw-downs
at the same moment warn once), and only the one that set it writes the timeline event
and the e-mail. When the remaining budget rises above the threshold again (budget
raised, entries removed), `warned_at` is cleared: the next crossing warns again.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, Sum
from django.db.models.functions import Lower
from django.utils import timezone

from ..core.actor import Actor, ActorKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..core.permissions import Perm
from ..host.shop_models import user_model
from ..models import (
    ContractUnit,
    SupportContract,
    Ticket,
    TicketPoints,
)
from ..tickets.access import require_agent, visible_tickets
from ..timeline import events
from .notifications import plan_budget_low_email

MAX_AMOUNT = Decimal("99999999.99")
MAX_POINTS = Decimal("999999.99")
MAX_NAME = 128
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Budget:
    contract: SupportContract
    used: Decimal
    remaining: Decimal

    @property
    def low(self) -> bool:
        return self.remaining <= self.contract.warning_threshold


def require_contract_manager(actor: Actor) -> None:
    if actor.kind not in (
        ActorKind.STAFF,
        ActorKind.APP,
        ActorKind.SYSTEM,
    ) or not actor.has_perm(Perm.MANAGE_USERS):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_USERS permission to manage support contracts."
        )


def _opened_on(ticket: Ticket) -> date:
    return timezone.localdate(ticket.created_at)


def _customer_match(ticket: Ticket) -> Q:
    by_email = Q(customer__isnull=True, customer_email=ticket.customer_email.lower())
    if ticket.customer_id is None:
        return by_email
    return Q(customer_id=ticket.customer_id) | by_email


def contract_for(ticket: Ticket, *, lock: bool = False) -> SupportContract | None:
    """The contract `ticket` draws on, if any (one query); `lock`: row-locked for the
    rest of the transaction."""
    if ticket.customer_id is None and not ticket.customer_email:
        return None
    day = _opened_on(ticket)
    contracts = SupportContract.objects.filter(_customer_match(ticket), is_active=True)
    if lock:
        contracts = contracts.select_for_update()
    return (
        contracts.filter(valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .order_by("-valid_from", "-pk")
        .first()
    )


@dataclass(frozen=True)
class _TicketRow:
    customer_id: int | None
    email: str
    day: date
    seconds: int
    points: Decimal | None


def _applies(contract: SupportContract, ticket: _TicketRow) -> bool:
    """Whether `contract` is one of the ticket's customer's, valid on its day."""
    if contract.customer_id is not None:
        same = contract.customer_id == ticket.customer_id
    else:
        same = ticket.customer_id is None and contract.customer_email == ticket.email
    return (
        same
        and contract.valid_from <= ticket.day
        and (contract.valid_until is None or ticket.day <= contract.valid_until)
    )


def budgets_of(contracts: Sequence[SupportContract]) -> dict[int, Budget]:
    """The budgets of `contracts`, in two queries however many there are: the active
    contracts of their customers (a later one takes a ticket's day from an earlier
    one) and those customers' tickets with their seconds and points. Each ticket is
    then given to its contract by the rule of `contract_for`."""
    if not contracts:
        return {}
    user_ids = {c.customer_id for c in contracts if c.customer_id is not None}
    emails = {c.customer_email for c in contracts if c.customer_id is None}
    of_customers = Q(customer_id__in=user_ids) | Q(
        customer__isnull=True, customer_email__in=emails
    )
    candidates = list(SupportContract.objects.filter(of_customers, is_active=True))
    wanted = Q(customer_id__in=user_ids)
    if emails:
        wanted |= Q(customer__isnull=True, email_lower__in=emails)
    rows = (
        Ticket.objects.annotate(email_lower=Lower("customer_email"))
        .filter(wanted)
        .values(
            "pk", "customer_id", "email_lower", "created_at", "helpdesk_points__points"
        )
        .annotate(seconds=Sum("time_entries__seconds"))
        .order_by()
    )
    drawn: dict[int, list[_TicketRow]] = {c.pk: [] for c in contracts}
    for row in rows:
        ticket = _TicketRow(
            customer_id=row["customer_id"],
            email=row["email_lower"],
            day=timezone.localdate(row["created_at"]),
            seconds=row["seconds"] or 0,
            points=row["helpdesk_points__points"],
        )
        valid = [c for c in candidates if _applies(c, ticket)]
        if valid:
            chosen = max(valid, key=lambda c: (c.valid_from, c.pk))
            if chosen.pk in drawn:
                drawn[chosen.pk].append(ticket)
    budgets = {}
    for contract in contracts:
        tickets = drawn[contract.pk]
        if contract.unit == ContractUnit.HOURS:
            seconds = sum(t.seconds for t in tickets)
            spent = (Decimal(seconds) / Decimal(3600)).quantize(CENT)
        else:
            spent = sum(
                (
                    t.points if t.points is not None else contract.points_per_ticket
                    for t in tickets
                ),
                Decimal(0),
            ).quantize(CENT)
        budgets[contract.pk] = Budget(
            contract, spent, (contract.budget - spent).quantize(CENT)
        )
    return budgets


def budget_of(contract: SupportContract) -> Budget:
    return budgets_of([contract])[contract.pk]


def check_budget(ticket: Ticket) -> Budget | None:
    """After `ticket` drew on its contract: warn once when the remaining budget has
    fallen to the threshold; re-arm the warning when it is above again. Call inside
    the transaction of the draw-down.

    The contract is row-locked first, so draw-downs of one contract are checked one
    after the other: the later one reads the earlier one's committed entries, and two
    entries that cross the threshold only together still warn (once)."""
    contract = contract_for(ticket, lock=True)
    if contract is None:
        return None
    budget = budget_of(contract)
    if budget.low:
        warned = SupportContract.objects.filter(
            pk=contract.pk, warned_at__isnull=True
        ).update(warned_at=timezone.now())
        if warned:
            events.contract_budget_low_event(
                ticket=ticket,
                contract_id=contract.pk,
                unit=contract.unit,
                budget=str(contract.budget),
                remaining=str(budget.remaining),
                threshold=str(contract.warning_threshold),
            )
            plan_budget_low_email(ticket, contract, budget.remaining)
    elif contract.warned_at is not None:
        SupportContract.objects.filter(pk=contract.pk).update(warned_at=None)
    return budget


def check_new_tickets(ticket_ids: list[int]) -> None:
    """New tickets draw their default points at once: warn for their contracts."""
    for ticket in Ticket.objects.filter(pk__in=ticket_ids).select_related(
        "customer", "assignee", "channel"
    ):
        with transaction.atomic():
            check_budget(ticket)


# --- points on a ticket ------------------------------------------------------------------


def set_ticket_points(
    actor: Actor, ticket_id: int, points: Decimal | None
) -> tuple[Ticket, Decimal | None]:
    """Set (or with None clear) the points `ticket_id` draws from a points contract."""
    require_agent(actor)
    if points is not None and not Decimal(0) <= points <= MAX_POINTS:
        raise field_error(
            "points",
            f"Points are between 0 and {MAX_POINTS}.",
            HelpdeskErrorCode.INVALID,
        )
    if points is not None:
        points = points.quantize(CENT)
    ticket = visible_tickets(actor).filter(pk=ticket_id).first()
    if ticket is None:
        raise field_error("ticket", "Ticket not found.", HelpdeskErrorCode.NOT_FOUND)
    with transaction.atomic():
        row = TicketPoints.objects.select_for_update().filter(ticket=ticket).first()
        old = row.points if row is not None else None
        if old == points:
            return ticket, points
        if points is None:
            TicketPoints.objects.filter(ticket=ticket).delete()
        elif row is None:
            TicketPoints.objects.create(ticket=ticket, points=points)
        else:
            row.points = points
            row.save(update_fields=["points", "updated_at"])
        events.points_set_event(
            ticket=ticket,
            actor=actor,
            old=None if old is None else str(old),
            new=None if points is None else str(points),
        )
        check_budget(ticket)
    return ticket, points


# --- managing contracts ------------------------------------------------------------------

FIELDS = (
    "name",
    "customer_id",
    "customer_email",
    "unit",
    "budget",
    "valid_from",
    "valid_until",
    "warning_threshold",
    "points_per_ticket",
    "is_active",
)


def _clean(contract: SupportContract) -> None:
    contract.name = (contract.name or "").strip()
    if not contract.name or len(contract.name) > MAX_NAME:
        raise field_error(
            "name",
            f"Give the contract a name of 1 to {MAX_NAME} characters.",
            HelpdeskErrorCode.REQUIRED
            if not contract.name
            else HelpdeskErrorCode.INVALID,
        )
    contract.customer_email = (contract.customer_email or "").strip().lower()
    if contract.customer_id is not None:
        if not user_model().objects.filter(pk=contract.customer_id).exists():
            raise field_error(
                "customer", "Customer not found.", HelpdeskErrorCode.NOT_FOUND
            )
        contract.customer_email = ""
    elif not contract.customer_email:
        raise field_error(
            "customer",
            "Name the customer: their account, or an e-mail address for a guest.",
            HelpdeskErrorCode.REQUIRED,
        )
    else:
        try:
            validate_email(contract.customer_email)
        except ValidationError:
            raise field_error(
                "customer_email",
                "Enter a valid e-mail address.",
                HelpdeskErrorCode.INVALID_EMAIL,
            ) from None
    if not contract.unit:
        raise field_error("unit", "Choose hours or points.", HelpdeskErrorCode.REQUIRED)
    if contract.unit not in ContractUnit.values:
        raise field_error("unit", "Unknown unit.", HelpdeskErrorCode.INVALID)
    if contract.budget is None:
        raise field_error("budget", "Give the budget.", HelpdeskErrorCode.REQUIRED)
    for field, value, low in (
        ("budget", contract.budget, Decimal("0.01")),
        ("warning_threshold", contract.warning_threshold, Decimal(0)),
        ("points_per_ticket", contract.points_per_ticket, Decimal(0)),
    ):
        if value is None or not low <= value <= MAX_AMOUNT:
            raise field_error(
                field,
                f"Enter an amount between {low} and {MAX_AMOUNT}.",
                HelpdeskErrorCode.INVALID,
            )
    if contract.warning_threshold >= contract.budget:
        raise field_error(
            "warning_threshold",
            "The warning threshold must be below the budget.",
            HelpdeskErrorCode.INVALID,
        )
    if contract.points_per_ticket > MAX_POINTS:
        raise field_error(
            "points_per_ticket",
            f"Points are between 0 and {MAX_POINTS}.",
            HelpdeskErrorCode.INVALID,
        )
    if contract.valid_from is None:
        raise field_error(
            "valid_from",
            "Give the first day of the contract.",
            HelpdeskErrorCode.REQUIRED,
        )
    if contract.valid_until is not None and contract.valid_until < contract.valid_from:
        raise field_error(
            "valid_until",
            "The contract ends before it starts.",
            HelpdeskErrorCode.INVALID_PERIOD,
        )
    contract.budget = contract.budget.quantize(CENT)
    contract.warning_threshold = contract.warning_threshold.quantize(CENT)
    contract.points_per_ticket = contract.points_per_ticket.quantize(CENT)


def create_contract(actor: Actor, data: dict[str, Any]) -> SupportContract:
    require_contract_manager(actor)
    contract = SupportContract(
        warning_threshold=Decimal(0), points_per_ticket=Decimal(1), is_active=True
    )
    for field in FIELDS:
        if field in data and data[field] is not None:
            setattr(contract, field, data[field])
    _clean(contract)
    contract.save()
    return contract


def update_contract(
    actor: Actor, contract_id: int, data: dict[str, Any]
) -> SupportContract:
    """Change the given fields (`None` clears `valid_until`; other fields keep their
    value when not given). A change that lifts the remaining budget above the
    threshold re-arms the warning; one that lowers it below warns at the next
    draw-down (a timeline event needs the ticket that drew)."""
    require_contract_manager(actor)
    with transaction.atomic():
        contract = (
            SupportContract.objects.select_for_update().filter(pk=contract_id).first()
        )
        if contract is None:
            raise field_error("id", "Contract not found.", HelpdeskErrorCode.NOT_FOUND)
        for field in FIELDS:
            if field not in data:
                continue
            if data[field] is None and field not in ("valid_until",):
                continue
            setattr(contract, field, data[field])
        if (
            "customer_email" in data
            and data["customer_email"]
            and "customer_id" not in data
        ):
            contract.customer_id = None
        if data.get("customer_id") is not None:
            contract.customer_email = ""
        _clean(contract)
        contract.save()
        if contract.warned_at is not None and not budget_of(contract).low:
            contract.warned_at = None
            contract.save(update_fields=["warned_at"])
    return contract


def delete_contract(actor: Actor, contract_id: int) -> SupportContract:
    require_contract_manager(actor)
    contract = SupportContract.objects.filter(pk=contract_id).first()
    if contract is None:
        raise field_error("id", "Contract not found.", HelpdeskErrorCode.NOT_FOUND)
    contract.delete()
    contract.pk = contract_id
    return contract
