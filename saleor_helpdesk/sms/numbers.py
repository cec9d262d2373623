"""Which number a ticket's SMS goes to, in E.164.

In this order, the first number that is valid and can take a text: the ticket's order
(its shipping address, then its billing address), then the customer's account (default
shipping, then default billing address). A number written without its country code is
read in its address's country (`030 1234567` in a German address is `+49301234567`).
A landline, a toll-free or premium number, and anything that is not a valid number are
passed over: an SMS cannot reach them.
"""

from collections.abc import Iterable
from typing import Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from ..host import StoredPhone, get_host
from ..models import Ticket

# (order id, customer id) of a ticket: what its number depends on.
NumberKey = tuple[Any, int | None]

NO_TEXT = {
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.PREMIUM_RATE,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.UAN,
    PhoneNumberType.VOICEMAIL,
}


def e164(stored: StoredPhone) -> str | None:
    """The number in E.164 if it is valid and can take a text; else None."""
    region = stored.country.strip().upper() or None
    try:
        parsed = phonenumbers.parse(stored.number, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    if phonenumbers.number_type(parsed) in NO_TEXT:
        return None
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def numbers_for(keys: Iterable[NumberKey]) -> dict[NumberKey, str | None]:
    """The SMS number per (order id, customer id); two queries at most for any
    number of keys."""
    wanted = set(keys)
    phones = get_host().address_phones(
        order_ids={order for order, _ in wanted if order is not None},
        user_ids={user for _, user in wanted if user is not None},
    )
    found: dict[NumberKey, str | None] = {}
    for order_id, user_id in wanted:
        candidates = [
            *(phones.orders.get(order_id, ()) if order_id is not None else ()),
            *(phones.users.get(user_id, ()) if user_id is not None else ()),
        ]
        found[(order_id, user_id)] = next(
            (number for stored in candidates if (number := e164(stored))), None
        )
    return found


def key_of(ticket: Ticket) -> NumberKey:
    return (ticket.order_id, ticket.customer_id)


def number_of(ticket: Ticket) -> str | None:
    key = key_of(ticket)
    return numbers_for([key])[key]
