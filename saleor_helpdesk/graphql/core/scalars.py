"""The schema's own scalars.

A scalar reads client input twice: `parse_literal` for a value written in the query
(during validation) and `parse_value` for a variable (during variable coercion). Ours
answer a value they cannot read with `None` from `parse_literal` (graphql-core reports
it as a validation error) and a `GraphQLError` from `parse_value` (reported as a
request error naming the variable, see `variables.py`); never with a Python exception,
which graphql-core 2 does not catch there and which would end as a server error.
graphene's own `UUID` and `Decimal` raise `ValueError`, `AttributeError` or
`decimal.InvalidOperation` for such values, and its `DateTime` lets a UTC offset of a
day or more through (Python's datetime refuses it later, in a resolver), so the schema
uses these instead.
"""

import datetime
import decimal
import uuid
from typing import Any

import graphene
from django.core.files import File

from graphql import GraphQLError
from graphql.language import ast


class Upload(graphene.types.Scalar):
    """A file sent with the GraphQL multipart request spec; its variable is null in the
    JSON `operations` and filled from the `map` part."""

    class Meta:
        description = "A file upload (GraphQL multipart request spec)."

    @staticmethod
    def serialize(value: Any) -> None:
        return None

    @staticmethod
    def parse_literal(node: Any) -> None:
        # A file cannot be written into the query text.
        return None

    @staticmethod
    def parse_value(value: Any) -> File:
        if not isinstance(value, File):
            raise GraphQLError(
                "Upload cannot represent a value that is not a file: send the file as "
                "a part of a multipart request and name its variable in `map`."
            )
        return value


class UUID(graphene.types.Scalar):
    class Meta:
        description = (
            'A UUID, written as a string: "0f6c3b4e-9d1a-4c57-8a43-5b2f1e7d9c60".'
        )

    @staticmethod
    def serialize(value: uuid.UUID | str) -> str:
        return str(value if isinstance(value, uuid.UUID) else uuid.UUID(value))

    @staticmethod
    def parse_literal(node: Any) -> uuid.UUID | None:
        if isinstance(node, ast.StringValue):
            return _uuid(node.value)
        return None

    @staticmethod
    def parse_value(value: Any) -> uuid.UUID:
        parsed = _uuid(value) if isinstance(value, str) else None
        if parsed is None:
            raise GraphQLError(
                "UUID cannot represent a value that is not a UUID string."
            )
        return parsed


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


class Decimal(graphene.types.Scalar):
    class Meta:
        description = (
            'A decimal number, written as a string ("12.50") or a number (12.5); '
            "amounts are exact in strings."
        )

    @staticmethod
    def serialize(value: decimal.Decimal | str | int | float) -> str:
        # Always the plain form ("100", not "1E+2"); amounts come quantized to their
        # currency's precision from their resolvers. Anything else goes through its
        # shortest text form, as in `parse_value`.
        number = (
            value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
        )
        return f"{number:f}"

    @staticmethod
    def parse_literal(node: Any) -> decimal.Decimal | None:
        # As graphene's Decimal: a literal is written as a string.
        if isinstance(node, ast.StringValue):
            return _decimal(node.value)
        return None

    @staticmethod
    def parse_value(value: Any) -> decimal.Decimal:
        # A float goes through its shortest text form, so 19.99 stays 19.99 rather
        # than the binary fraction nearest to it.
        readable = isinstance(value, str | int | float) and not isinstance(value, bool)
        parsed = _decimal(str(value)) if readable else None
        if parsed is None:
            raise GraphQLError(
                "Decimal cannot represent a value that is not a finite decimal number."
            )
        return parsed


def _decimal(text: str) -> decimal.Decimal | None:
    try:
        parsed = decimal.Decimal(text)
    except decimal.InvalidOperation:
        return None
    return parsed if parsed.is_finite() else None


class DateTime(graphene.DateTime):
    """graphene's DateTime (ISO 8601, read by aniso8601; written with isoformat), with
    a value it cannot read refused instead of passed on."""

    class Meta:
        description = (
            'A date and time in ISO 8601, such as "2025-03-01T09:30:00+01:00".'
        )

    @staticmethod
    def parse_literal(node: Any) -> datetime.datetime | None:
        if isinstance(node, ast.StringValue):
            return _datetime(node.value)
        return None

    @staticmethod
    def parse_value(value: Any) -> datetime.datetime:
        parsed = _datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise GraphQLError(
                "DateTime cannot represent a value that is not an ISO 8601 date and "
                'time ("2025-03-01T09:30:00+01:00").'
            )
        return parsed


def _datetime(text: str) -> datetime.datetime | None:
    try:
        # None where aniso8601 cannot read the text; for some texts ("T") it raises
        # IndexError instead of the ValueError graphene catches.
        parsed = graphene.DateTime.parse_value(text)
    except (IndexError, ValueError, TypeError):
        return None
    if not isinstance(parsed, datetime.datetime):
        return None
    if parsed.tzinfo is not None:
        try:
            parsed.astimezone(datetime.UTC)  # checks the offset, and the year with it
        except (ValueError, OverflowError):
            return None
    return parsed


class Date(graphene.Date):
    """graphene's Date (ISO 8601 calendar date), with a value it cannot read refused
    as a GraphQL error instead of a server error."""

    class Meta:
        description = 'A calendar date in ISO 8601, such as "2025-03-01".'

    @staticmethod
    def parse_literal(node: Any) -> datetime.date | None:
        if isinstance(node, ast.StringValue):
            return _date(node.value)
        return None

    @staticmethod
    def parse_value(value: Any) -> datetime.date:
        parsed = _date(value) if isinstance(value, str) else None
        if parsed is None:
            raise GraphQLError(
                'Date cannot represent a value that is not an ISO 8601 date ("2025-03-01").'
            )
        return parsed


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
