"""Relay global IDs, with Saleor's type names for Saleor's objects (`Order`, `User`, …),
so a storefront passes the IDs it already has."""

from graphene.relay import Node

from ...error_codes import HelpdeskErrorCode
from ...errors import field_error


def to_global_id(type_name: str, pk: object) -> str:
    return str(Node.to_global_id(type_name, str(pk)))


def from_global_id(
    value: str, expected: str | tuple[str, ...], field: str = "id"
) -> str:
    """The primary key inside `value`, if it is an ID of the expected type; otherwise a
    typed `invalid` error on `field`."""
    allowed = (expected,) if isinstance(expected, str) else expected
    try:
        type_name, pk = Node.from_global_id(value)
    except Exception:
        type_name, pk = "", ""
    if type_name not in allowed or not pk:
        raise field_error(
            field,
            f"Invalid ID: expected an ID of type {' or '.join(allowed)}.",
            HelpdeskErrorCode.INVALID,
        )
    return str(pk)


def int_pk(value: str, expected: str, field: str = "id") -> int:
    pk = from_global_id(value, expected, field)
    if not pk.isdigit():
        raise field_error(
            field,
            f"Invalid ID: expected an ID of type {expected}.",
            HelpdeskErrorCode.INVALID,
        )
    return int(pk)
