"""What a rule tests, and the facts about tickets it tests them against.

A rule's conditions are a JSON list; all must hold. Each condition is
`{"field": <ConditionField>, "operator": <Operator>, "values": [<str>, …]}`:

- `kind`, `category`, `complaint_reason`, `channel`, `language`, `contact`,
  `priority`, `status`, `status_group`, `order_status`, `order_payment`,
  `order_event` with `in` / `not_in` and one or more values: slugs (category,
  contact, priority, status, channel), the enum values (kind, complaint reason, status
  group, order event), language codes, Saleor's order status and charge status values.
  `complaint_reason` holds when any complained line has one of the reasons.
  `order_event` reads the trigger's context (the order event that arrived).
- `tags` with `any` / `all` / `none` and tag slugs.
- `text` with `contains` / `not_contains` and one value: the subject and the public
  messages, case-insensitive.
- `customer_order_count`, `customer_total_spent`, `order_total`, `idle_hours`,
  `rating` with `gt` / `gte` / `lt` / `lte` / `eq` and one number. `idle_hours` is the
  time since the ticket's last activity; `rating` reads the trigger's context (a
  satisfaction rating, passed by whoever fires `SATISFACTION_RATED`). A ticket without
  an order, or a trigger without a rating, does not match a condition on them.

Values are strings (numbers too: "200.00"), so the list round-trips through JSON and
the API unchanged.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags

from ..core.constants import (
    CommentVisibility,
    ComplaintReason,
    OrderHappening,
    StatusGroup,
    TicketKind,
)
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.customer_orders import OrderTotals, customer_order_totals
from ..models import Comment, Ticket, TicketLine, TicketTag

MAX_CONDITIONS = 30
MAX_VALUES = 50
MAX_VALUE_LENGTH = 255


class ConditionField(StrEnum):
    KIND = "kind"
    CATEGORY = "category"
    COMPLAINT_REASON = "complaint_reason"
    CHANNEL = "channel"
    LANGUAGE = "language"
    CONTACT = "contact"
    PRIORITY = "priority"
    STATUS = "status"
    STATUS_GROUP = "status_group"
    TAGS = "tags"
    TEXT = "text"
    CUSTOMER_ORDER_COUNT = "customer_order_count"
    CUSTOMER_TOTAL_SPENT = "customer_total_spent"
    ORDER_TOTAL = "order_total"
    ORDER_STATUS = "order_status"
    ORDER_PAYMENT = "order_payment"
    ORDER_EVENT = "order_event"
    IDLE_HOURS = "idle_hours"
    RATING = "rating"


class Operator(StrEnum):
    IN = "in"
    NOT_IN = "not_in"
    ANY = "any"
    ALL = "all"
    NONE = "none"
    CONTAINS = "contains"
    NOT_CONTAINS = "not_contains"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    EQ = "eq"


CHOICE = (Operator.IN, Operator.NOT_IN)
NUMBER = (Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.EQ)

OPERATORS: dict[ConditionField, tuple[Operator, ...]] = {
    ConditionField.TAGS: (Operator.ANY, Operator.ALL, Operator.NONE),
    ConditionField.TEXT: (Operator.CONTAINS, Operator.NOT_CONTAINS),
    **{
        f: NUMBER
        for f in (
            ConditionField.CUSTOMER_ORDER_COUNT,
            ConditionField.CUSTOMER_TOTAL_SPENT,
            ConditionField.ORDER_TOTAL,
            ConditionField.IDLE_HOURS,
            ConditionField.RATING,
        )
    },
}

# Fields whose values must be one of a fixed set.
FIXED_VALUES: dict[ConditionField, Sequence[str]] = {
    ConditionField.KIND: TicketKind.values,
    ConditionField.COMPLAINT_REASON: ComplaintReason.values,
    ConditionField.STATUS_GROUP: StatusGroup.values,
    ConditionField.ORDER_EVENT: OrderHappening.values,
}

# What loading the facts costs: only what some condition needs is read.
NEEDS_LINES = {ConditionField.COMPLAINT_REASON}
NEEDS_TAGS = {ConditionField.TAGS}
NEEDS_TEXT = {ConditionField.TEXT}
NEEDS_CUSTOMER = {
    ConditionField.CUSTOMER_ORDER_COUNT,
    ConditionField.CUSTOMER_TOTAL_SPENT,
}


def operators_for(field_: ConditionField) -> tuple[Operator, ...]:
    return OPERATORS.get(field_, CHOICE)


def _invalid(index: int, message: str) -> Exception:
    return field_error(
        "conditions", f"Condition {index + 1}: {message}", HelpdeskErrorCode.INVALID
    )


def _number(value: str, index: int) -> Decimal:
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        raise _invalid(index, f"'{value}' is not a number.") from None
    if not number.is_finite():
        raise _invalid(index, f"'{value}' is not a number.")
    return number


def clean_conditions(raw: Any) -> list[dict[str, Any]]:
    """The conditions as stored, or a typed error on `conditions` naming the first bad
    one. References (slugs) need not exist: a rule about a category deleted later
    simply stops matching, as a filter would."""
    if not isinstance(raw, list):
        raise field_error(
            "conditions", "Conditions must be a list.", HelpdeskErrorCode.INVALID
        )
    if len(raw) > MAX_CONDITIONS:
        raise field_error(
            "conditions",
            f"At most {MAX_CONDITIONS} conditions.",
            HelpdeskErrorCode.INVALID,
        )
    cleaned = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _invalid(index, "give a field, an operator and values.")
        try:
            field_ = ConditionField(str(item.get("field")))
        except ValueError:
            raise _invalid(index, f"unknown field '{item.get('field')}'.") from None
        try:
            operator = Operator(str(item.get("operator")))
        except ValueError:
            raise _invalid(
                index, f"unknown operator '{item.get('operator')}'."
            ) from None
        if operator not in operators_for(field_):
            allowed = ", ".join(operators_for(field_))
            raise _invalid(
                index, f"'{field_}' takes the operators {allowed}, not '{operator}'."
            )
        values = item.get("values")
        if not isinstance(values, list) or not all(
            isinstance(value, str) for value in values
        ):
            raise _invalid(index, "values must be a list of strings.")
        values = [value.strip() for value in values if value.strip()]
        if not values:
            raise _invalid(index, "give at least one value.")
        if len(values) > MAX_VALUES or any(
            len(value) > MAX_VALUE_LENGTH for value in values
        ):
            raise _invalid(index, "too many or too long values.")
        single = operator in NUMBER or field_ == ConditionField.TEXT
        if single and len(values) != 1:
            raise _invalid(index, f"'{field_}' takes exactly one value.")
        if operator in NUMBER:
            number = _number(values[0], index)
            if number < 0:
                raise _invalid(index, "the number must not be negative.")
        if fixed := FIXED_VALUES.get(field_):
            unknown = [value for value in values if value not in fixed]
            if unknown:
                raise _invalid(
                    index,
                    f"'{unknown[0]}' is not one of {', '.join(fixed)}.",
                )
        if field_ == ConditionField.LANGUAGE:
            values = [value.lower().replace("_", "-") for value in values]
        cleaned.append(
            {"field": field_.value, "operator": operator.value, "values": values}
        )
    return cleaned


@dataclass
class Facts:
    """What conditions read about one ticket, for one trigger."""

    ticket: Ticket
    context: dict[str, Any] = field(default_factory=dict)
    now: datetime = field(default_factory=timezone.now)
    reasons: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    text: str = ""
    customer: OrderTotals = field(default_factory=OrderTotals)

    def value(self, field_: ConditionField) -> Any:
        """The ticket's value for `field_`; None when it has none (no order, …)."""
        ticket = self.ticket
        order = ticket.order
        match field_:
            case ConditionField.KIND:
                return ticket.kind
            case ConditionField.CATEGORY:
                return ticket.category.slug if ticket.category else None
            case ConditionField.CHANNEL:
                return ticket.channel.slug if ticket.channel else None
            case ConditionField.LANGUAGE:
                return (ticket.language_code or "").lower()
            case ConditionField.CONTACT:
                return ticket.contact.slug if ticket.contact else None
            case ConditionField.PRIORITY:
                return ticket.priority.slug
            case ConditionField.STATUS:
                return ticket.status.slug
            case ConditionField.STATUS_GROUP:
                return ticket.status.group
            case ConditionField.ORDER_STATUS:
                return order.status if order is not None else None
            case ConditionField.ORDER_PAYMENT:
                return order.charge_status if order is not None else None
            case ConditionField.ORDER_TOTAL:
                return order.total_gross_amount if order is not None else None
            case ConditionField.ORDER_EVENT:
                return self.context.get("order_event")
            case ConditionField.CUSTOMER_ORDER_COUNT:
                return Decimal(self.customer.count)
            case ConditionField.CUSTOMER_TOTAL_SPENT:
                return self.customer.total_spent
            case ConditionField.IDLE_HOURS:
                idle = self.now - ticket.last_activity_at
                return Decimal(idle.total_seconds()) / 3600
            case ConditionField.RATING:
                rating = self.context.get("rating")
                return None if rating is None else Decimal(str(rating))
        return None


def _compare(actual: Any, operator: Operator, expected: Decimal) -> bool:
    if actual is None:
        return False
    actual = Decimal(actual)
    match operator:
        case Operator.GT:
            return actual > expected
        case Operator.GTE:
            return actual >= expected
        case Operator.LT:
            return actual < expected
        case Operator.LTE:
            return actual <= expected
        case _:
            return actual == expected


def holds(condition: dict[str, Any], facts: Facts) -> bool:
    field_ = ConditionField(condition["field"])
    operator = Operator(condition["operator"])
    values: list[str] = condition["values"]
    if field_ == ConditionField.TAGS:
        wanted = set(values)
        if operator == Operator.ANY:
            return bool(wanted & facts.tags)
        if operator == Operator.ALL:
            return wanted <= facts.tags
        return not wanted & facts.tags
    if field_ == ConditionField.TEXT:
        found = values[0].casefold() in facts.text
        return found if operator == Operator.CONTAINS else not found
    if operator in NUMBER:
        return _compare(facts.value(field_), operator, Decimal(values[0]))
    if field_ == ConditionField.COMPLAINT_REASON:
        present = bool(facts.reasons & set(values))
    else:
        present = facts.value(field_) in values
    return present if operator == Operator.IN else not present


def matches(conditions: Iterable[dict[str, Any]], facts: Facts) -> bool:
    return all(holds(condition, facts) for condition in conditions)


def fields_used(condition_lists: Iterable[Iterable[dict[str, Any]]]) -> set[str]:
    return {c["field"] for conditions in condition_lists for c in conditions}


TICKET_RELATIONS = ("status", "priority", "category", "contact", "channel", "order")


def load_facts(
    tickets: Sequence[Ticket],
    needed: set[str],
    context: dict[str, Any] | None = None,
) -> list[Facts]:
    """Facts for each ticket (loaded with `TICKET_RELATIONS`), reading only what the
    `needed` fields ask for: at most one query each for complaint lines, tags, public
    messages and customers' orders, whatever the number of tickets."""
    ids = [ticket.pk for ticket in tickets]
    now = timezone.now()
    reasons: dict[int, set[str]] = {}
    tags: dict[int, set[str]] = {}
    texts: dict[int, list[str]] = {}
    if needed & NEEDS_LINES and ids:
        for ticket_id, reason in TicketLine.objects.filter(
            ticket_id__in=ids
        ).values_list("ticket_id", "reason"):
            reasons.setdefault(ticket_id, set()).add(reason)
    if needed & NEEDS_TAGS and ids:
        for ticket_id, slug in TicketTag.objects.filter(ticket_id__in=ids).values_list(
            "ticket_id", "tag__slug"
        ):
            tags.setdefault(ticket_id, set()).add(slug)
    if needed & NEEDS_TEXT and ids:
        for ticket_id, body in Comment.objects.filter(
            ticket_id__in=ids, visibility=CommentVisibility.PUBLIC
        ).values_list("ticket_id", "body"):
            texts.setdefault(ticket_id, []).append(body)
    by_user: dict[int, OrderTotals] = {}
    by_email: dict[str, OrderTotals] = {}
    if needed & NEEDS_CUSTOMER and ids:
        by_user, by_email = customer_order_totals(
            [t.customer_id for t in tickets if t.customer_id],
            [t.customer_email for t in tickets if not t.customer_id],
        )
    facts = []
    for ticket in tickets:
        if ticket.customer_id:
            customer = by_user.get(ticket.customer_id, OrderTotals())
        else:
            customer = by_email.get(ticket.customer_email.lower(), OrderTotals())
        text = " ".join([ticket.subject, *texts.get(ticket.pk, [])])
        facts.append(
            Facts(
                ticket=ticket,
                context=dict(context or {}),
                now=now,
                reasons=reasons.get(ticket.pk, set()),
                tags=tags.get(ticket.pk, set()),
                text=_plain(text).casefold(),
                customer=customer,
            )
        )
    return facts


def _plain(html: str) -> str:
    """Message bodies are sanitised HTML: match the words, not the markup."""
    return strip_tags(html)


# Conditions a database filter can test as well: the schedule and the dry run narrow
# their candidates with them (the rest is tested in memory).
SQL_LOOKUPS: dict[ConditionField, str] = {
    ConditionField.KIND: "kind__in",
    ConditionField.CATEGORY: "category__slug__in",
    ConditionField.CHANNEL: "channel__slug__in",
    ConditionField.LANGUAGE: "language_code__in",
    ConditionField.CONTACT: "contact__slug__in",
    ConditionField.PRIORITY: "priority__slug__in",
    ConditionField.STATUS: "status__slug__in",
    ConditionField.STATUS_GROUP: "status__group__in",
    ConditionField.ORDER_STATUS: "order__status__in",
    ConditionField.ORDER_PAYMENT: "order__charge_status__in",
}


def sql_filter(conditions: Iterable[dict[str, Any]]) -> Q:
    """A filter no ticket matching `conditions` fails (it may let more through)."""
    query = Q()
    for condition in conditions:
        lookup = SQL_LOOKUPS.get(ConditionField(condition["field"]))
        if lookup is None:
            continue
        if condition["operator"] == Operator.IN:
            query &= Q(**{lookup: condition["values"]})
    return query
