"""The configuration a new shop starts with: statuses and transitions, priorities,
categories per kind, contacts. Plain data plus one writer that takes the model classes,
so migration 0002 (historical models) and the demo (live models) share it."""

from typing import Any

from ..core.constants import StatusGroup

# (slug, group, internal, customer-facing status, en, de)
DEFAULT_STATUSES = [
    ("new", StatusGroup.NEW, False, None, "New", "Neu"),
    ("open", StatusGroup.OPEN, False, None, "Open", "Offen"),
    ("in_progress", StatusGroup.OPEN, False, None, "In progress", "In Bearbeitung"),
    (
        "waiting_customer",
        StatusGroup.WAITING,
        False,
        None,
        "Waiting for customer",
        "Warten auf Kunde",
    ),
    ("answered", StatusGroup.WAITING, False, None, "Answered", "Beantwortet"),
    ("waiting_1", StatusGroup.WAITING, True, "in_progress", "Waiting 1", "Warten 1"),
    ("waiting_2", StatusGroup.WAITING, True, "in_progress", "Waiting 2", "Warten 2"),
    ("closed", StatusGroup.CLOSED, False, None, "Closed", "Geschlossen"),
]
_WORKING = [
    "new",
    "open",
    "in_progress",
    "waiting_customer",
    "answered",
    "waiting_1",
    "waiting_2",
]
# (source, target, staff, customer, system)
_TRANSITIONS: list[tuple[str, str, bool, bool, bool]] = [
    # Staff move freely between working states; nothing goes back to "new".
    *[
        (s, t, True, False, False)
        for s in _WORKING
        for t in _WORKING
        if s != t and t != "new"
    ],
    # A customer reply on a waiting ticket reopens it (a system move).
    *[
        (s, "open", True, False, True)
        for s in ("waiting_customer", "answered", "waiting_1", "waiting_2")
    ],
    # Anyone may close an unfinished ticket (customers only where the channel allows).
    *[(s, "closed", True, True, True) for s in _WORKING],
    # Reopen.
    ("closed", "open", True, True, True),
]


def _transition_table() -> dict[tuple[str, str], tuple[bool, bool, bool]]:
    table: dict[tuple[str, str], tuple[bool, bool, bool]] = {}
    for source, target, staff, customer, system in _TRANSITIONS:
        old = table.get((source, target), (False, False, False))
        table[(source, target)] = (
            old[0] or staff,
            old[1] or customer,
            old[2] or system,
        )
    return table


DEFAULT_TRANSITIONS = _transition_table()

# (slug, hours to resolve, default, en, de)
DEFAULT_PRIORITIES = [
    ("low", 120, False, "Low", "Niedrig"),
    ("normal", 48, True, "Normal", "Normal"),
    ("high", 24, False, "High", "Hoch"),
    ("urgent", 4, False, "Urgent", "Dringend"),
]

# (kind, slug, en, de)
DEFAULT_CATEGORIES = [
    ("question", "product", "Product question", "Frage zum Produkt"),
    ("question", "shipping", "Shipping", "Versand"),
    ("question", "payment", "Payment", "Zahlung"),
    ("question", "account", "My account", "Mein Konto"),
    ("complaint", "delivery", "Problem with the delivery", "Problem mit der Lieferung"),
    ("complaint", "defect", "Defective item", "Defekter Artikel"),
    ("complaint", "wrong_item", "Wrong item", "Falscher Artikel"),
    ("complaint", "damaged", "Damaged in transit", "Transportschaden"),
    ("refund_request", "withdrawal", "Withdrawal", "Widerruf"),
    (
        "refund_request",
        "overcharged",
        "Charged twice or too much",
        "Doppelt oder zu viel berechnet",
    ),
    (
        "order_problem",
        "not_arrived",
        "Order not arrived",
        "Bestellung nicht angekommen",
    ),
    ("order_problem", "change_order", "Change my order", "Bestellung ändern"),
    ("other", "other", "Other", "Sonstiges"),
]

# (slug, en, de)
DEFAULT_CONTACTS = [
    ("customer-service", "Customer service", "Kundenservice"),
    ("webmaster", "Webmaster", "Webmaster"),
]


def install_defaults(
    *,
    status_model: Any,
    transition_model: Any,
    priority_model: Any,
    category_model: Any,
    contact_model: Any,
) -> None:
    """Write the defaults; rows that exist are left as the merchant edited them."""
    statuses = {}
    # Migration 0002's historical model predates the SLA pause (migration 0012 sets it).
    has_pause = any(f.name == "pauses_sla" for f in status_model._meta.fields)
    for position, (slug, group, internal, _c, en, de) in enumerate(DEFAULT_STATUSES):
        defaults = {
            "name": en,
            "translations": {"en": en, "de": de},
            "group": group,
            "is_internal": internal,
            "is_initial": slug == "new",
            "position": position,
        }
        if has_pause:
            defaults["pauses_sla"] = group == StatusGroup.WAITING and not internal
        statuses[slug], _ = status_model.objects.get_or_create(
            slug=slug, defaults=defaults
        )
    for slug, _g, _i, customer_slug, _en, _de in DEFAULT_STATUSES:
        status = statuses[slug]
        if customer_slug and status.customer_status_id is None:
            status.customer_status = statuses[customer_slug]
            status.save(update_fields=["customer_status"])
    for (source, target), (staff, customer, system) in DEFAULT_TRANSITIONS.items():
        transition_model.objects.get_or_create(
            source=statuses[source],
            target=statuses[target],
            defaults={
                "staff_allowed": staff,
                "customer_allowed": customer,
                "system_allowed": system,
            },
        )
    for position, (slug, hours, default, en, de) in enumerate(DEFAULT_PRIORITIES):
        priority_model.objects.get_or_create(
            slug=slug,
            defaults={
                "name": en,
                "translations": {"en": en, "de": de},
                "resolution_hours": hours,
                "is_default": default,
                "position": position,
            },
        )
    for position, (kind, slug, en, de) in enumerate(DEFAULT_CATEGORIES):
        category_model.objects.get_or_create(
            kind=kind,
            slug=slug,
            defaults={
                "name": en,
                "translations": {"en": en, "de": de},
                "position": position,
            },
        )
    for position, (slug, en, de) in enumerate(DEFAULT_CONTACTS):
        contact_model.objects.get_or_create(
            slug=slug,
            defaults={
                "name": en,
                "translations": {"en": en, "de": de},
                "position": position,
            },
        )
