"""Typed errors: every mutation returns `errors { field code message }`; a query
refused by the domain is null with an error carrying the same code and field in its
`extensions`."""

from collections.abc import Callable
from typing import Any

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from graphql import GraphQLError

from ...core.error_codes import HelpdeskErrorCode as DomainErrorCode

HelpdeskErrorCode = graphene.Enum.from_enum(
    DomainErrorCode, description="Why a helpdesk request was refused."
)


class HelpdeskError(graphene.ObjectType):
    field = graphene.String(
        description=(
            "The input field the error is about, in camelCase; null when it concerns "
            "the request as a whole."
        )
    )
    code = graphene.Field(
        HelpdeskErrorCode, required=True, description="The error code."
    )
    message = graphene.String(required=True, description="What went wrong, for people.")

    class Meta:
        description = "An error of a helpdesk mutation."


def _camel(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def errors_from(error: ValidationError) -> list[HelpdeskError]:
    items: list[tuple[str, list[ValidationError]]] = (
        list(error.error_dict.items())
        if hasattr(error, "error_dict")
        else [(NON_FIELD_ERRORS, error.error_list)]
    )
    errors = []
    for field, details in items:
        for detail in details:
            code = (
                detail.code
                if detail.code in DomainErrorCode._value2member_map_
                else DomainErrorCode.INVALID.value
            )
            message = (
                detail.message % detail.params if detail.params else detail.message
            )
            errors.append(
                HelpdeskError(
                    field=None if field in (NON_FIELD_ERRORS, None) else _camel(field),
                    code=DomainErrorCode(code).value,
                    message=str(message),
                )
            )
    return errors


def query_error(error: ValidationError) -> GraphQLError:
    """A domain refusal as a GraphQL error: its message, with the code (and the input
    field) in `extensions`, e.g. `{"code": "INVALID", "field": "channels"}`."""
    first = errors_from(error)[0]
    extensions = {"code": DomainErrorCode(first.code).name}
    if first.field:
        extensions["field"] = first.field
    return GraphQLError("; ".join(error.messages), extensions=extensions)


def guarded(resolver: Callable[..., Any]) -> Callable[..., Any]:
    """Domain refusals of a query resolver become GraphQL errors (the field is null)."""

    def resolve(root: Any, info: Any, **kwargs: Any) -> Any:
        try:
            return resolver(root, info, **kwargs)
        except ValidationError as error:
            raise query_error(error) from error

    return resolve
