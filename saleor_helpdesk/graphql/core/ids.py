"""Relay global IDs, with Saleor's type names for Saleor's objects (`Order`, `User`, …),
so a storefront passes the IDs it already has.

An ID a client sends is decoded here and only here. `MODELS` names the model behind
every type a client may send an ID of; that model's primary key decides what a key
must look like (an integer within the column's range, a UUID, or a short text), so
the host's models decide: Saleor's or the stand-in's, which mirror Saleor's. An ID of
another type, or whose key is not of its model's kind, is refused with the same typed
`invalid` error as one that is no ID at all, before it can reach a lookup."""

import re
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.db import connection, models
from graphene.relay import Node

from ... import models as helpdesk
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...host.shop_models import (
    channel_model,
    order_line_model,
    order_model,
    page_model,
    user_model,
)

Key = int | UUID | str

MODELS: dict[str, Callable[[], type[models.Model]]] = {
    # Saleor's objects, as the host has them
    "Channel": channel_model,
    "Order": order_model,
    "OrderLine": order_line_model,
    "Page": page_model,
    "User": user_model,
    # the helpdesk's own
    "HelpdeskInboundEmail": lambda: helpdesk.InboundEmail,
    "HelpdeskMailbox": lambda: helpdesk.Mailbox,
    "HelpdeskWebhookDelivery": lambda: helpdesk.WebhookDelivery,
    "HelpdeskWebhookSubscription": lambda: helpdesk.WebhookSubscription,
    "ResponseTemplate": lambda: helpdesk.ResponseTemplate,
    "SupportAgent": lambda: helpdesk.SupportAgent,
    "Ticket": lambda: helpdesk.Ticket,
    "TicketAttachment": lambda: helpdesk.Attachment,
    "TicketCategory": lambda: helpdesk.Category,
    "TicketContact": lambda: helpdesk.Contact,
    "TicketPriority": lambda: helpdesk.Priority,
    "TicketStatus": lambda: helpdesk.TicketStatus,
    "TicketStatusTransition": lambda: helpdesk.StatusTransition,
    # time and effort
    "SupportContract": lambda: helpdesk.SupportContract,
    "TicketTimeEntry": lambda: helpdesk.TimeEntry,
    # issue 14: automation
    "AutomationRule": lambda: helpdesk.AutomationRule,
    "HelpdeskMacro": lambda: helpdesk.Macro,
    "HelpdeskTag": lambda: helpdesk.Tag,
    "BusinessCalendar": lambda: helpdesk.BusinessCalendar,
    "SlaPolicy": lambda: helpdesk.SlaPolicy,
}

_DIGITS = re.compile(r"[0-9]+")
_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)


def to_global_id(type_name: str, pk: object) -> str:
    return str(Node.to_global_id(type_name, str(pk)))


def key_field(type_name: str) -> Any:
    """The field that holds the keys of `type_name`'s model (a relation as primary key
    holds its target's keys)."""
    field: Any = MODELS[type_name]()._meta.pk
    while field.is_relation:
        field = field.target_field
    return field


def global_pk(value: str, expected: str, field: str = "id") -> Key:
    """The primary key inside `value`, if it is an ID of the expected type and its key
    is of the kind that type's model has; otherwise a typed `invalid` error on
    `field`."""
    try:
        type_name, raw = Node.from_global_id(value)
    except Exception:
        type_name, raw = "", ""
    key = _key(str(raw), key_field(expected)) if type_name == expected else None
    if key is None:
        raise field_error(
            field,
            f"Invalid ID: expected an ID of type {expected}.",
            HelpdeskErrorCode.INVALID,
        )
    return key


def int_pk(value: str, expected: str, field: str = "id") -> int:
    """`global_pk` for the caller that passes the key on as an integer."""
    key = global_pk(value, expected, field)
    if not isinstance(key, int):
        raise TypeError(f"{expected} keys are {type(key).__name__}, not int.")
    return key


def uuid_pk(value: str, expected: str, field: str = "id") -> UUID:
    """`global_pk` for the caller that passes the key on as a UUID."""
    key = global_pk(value, expected, field)
    if not isinstance(key, UUID):
        raise TypeError(f"{expected} keys are {type(key).__name__}, not UUID.")
    return key


def _key(raw: str, field: Any) -> Key | None:
    """`raw` as a key of `field`, or None when it cannot be one."""
    if isinstance(field, models.UUIDField):
        # Saleor writes UUIDs in their canonical form; Python's UUID() would also
        # take braces, a `urn:uuid:` prefix, signs and underscores.
        return UUID(raw) if _UUID.fullmatch(raw) else None
    if isinstance(field, models.IntegerField):
        # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
        if not _DIGITS.fullmatch(raw):
            return None
        number = int(raw)
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        in_range = (low is None or number >= low) and (high is None or number <= high)
        return number if in_range else None
    if isinstance(field, models.CharField):
        fits = raw and "\x00" not in raw and len(raw) <= (field.max_length or len(raw))
        return raw if fits else None
    raise TypeError(f"No IDs for primary keys of type {type(field).__name__}.")
