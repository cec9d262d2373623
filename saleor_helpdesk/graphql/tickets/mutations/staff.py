"""The base of the staff ticket operations, and renaming domain errors to API fields."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from graphql import ResolveInfo

from ....core.actor import Actor
from ....tickets.access import require_agent
from ...core.mutations import BaseMutation


class StaffMutation(BaseMutation):
    """Staff (and apps) with MANAGE_ORDERS only. The permission is checked before the
    input is read, so every other caller gets the same PERMISSION_DENIED, whatever they
    sent."""

    class Meta:
        abstract = True

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> Any:
        require_agent(actor)
        return cls.perform_as_staff(info, actor, **data)

    @classmethod
    def perform_as_staff(cls, info: ResolveInfo, actor: Actor, **data: Any) -> Any:
        raise NotImplementedError


def _message(detail: ValidationError) -> str:
    return str(detail.message % detail.params if detail.params else detail.message)


def renamed(
    error: ValidationError,
    fields: Mapping[str | None, str | None],
    prefix: str = "",
) -> ValidationError:
    """`error` with the domain's field names replaced by the API's (a key of None stands
    for errors about no field), the messages of renamed fields prefixed with `prefix`."""
    items = (
        list(error.error_dict.items())
        if hasattr(error, "error_dict")
        else [(NON_FIELD_ERRORS, error.error_list)]
    )
    result: dict[str, list[ValidationError]] = {}
    for field, details in items:
        key = None if field == NON_FIELD_ERRORS else field
        target, extra = (fields[key], prefix) if key in fields else (key, "")
        for detail in details:
            result.setdefault(target or NON_FIELD_ERRORS, []).append(
                ValidationError(f"{extra}{_message(detail)}", code=detail.code)
            )
    return ValidationError(result)
