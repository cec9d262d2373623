"""Phone numbers on the shop's addresses, read by Saleor's names (both hosts).

Saleor keeps a number in `Address.phone`, a `PhoneNumberField`: E.164 text when Saleor
validated the number, the text as typed when validation was skipped
(`validation_skipped`), empty when there is none; `Address.country` is the address's
country code. An order points at its `shipping_address` and `billing_address`, a user
at their `default_shipping_address` and `default_billing_address`. `values_list`
returns the stored text on the stand-in host and Saleor's `PhoneNumber` inside Saleor,
whose `str()` is that same text (the E.164 form, or the typed text of a number Saleor
could not read), so `str()` reads both alike. Nothing here imports Saleor.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from .base import AddressPhones, StoredPhone
from .shop_models import order_model, user_model

ORDER_ADDRESSES = ("shipping_address", "billing_address")
USER_ADDRESSES = ("default_shipping_address", "default_billing_address")


def _columns(relations: Sequence[str]) -> list[str]:
    return [
        f"{relation}__{name}" for relation in relations for name in ("phone", "country")
    ]


def _phones(row: Sequence[Any]) -> tuple[StoredPhone, ...]:
    """(phone, country) pairs of a row, without the empty ones."""
    found = []
    for number, country in zip(row[::2], row[1::2], strict=True):
        text = str(number or "").strip()
        if text:
            found.append(StoredPhone(number=text, country=str(country or "")))
    return tuple(found)


def address_phones_of(
    order_ids: Iterable[Any], user_ids: Iterable[int]
) -> AddressPhones:
    orders: dict[Any, tuple[StoredPhone, ...]] = {}
    users: dict[int, tuple[StoredPhone, ...]] = {}
    wanted_orders = set(order_ids)
    wanted_users = set(user_ids)
    if wanted_orders:
        rows = (
            order_model()
            .objects.filter(pk__in=wanted_orders)
            .values_list("pk", *_columns(ORDER_ADDRESSES))
        )
        orders = {row[0]: phones for row in rows if (phones := _phones(row[1:]))}
    if wanted_users:
        rows = (
            user_model()
            .objects.filter(pk__in=wanted_users)
            .values_list("pk", *_columns(USER_ADDRESSES))
        )
        users = {row[0]: phones for row in rows if (phones := _phones(row[1:]))}
    return AddressPhones(orders=orders, users=users)
