"""Named exceptions of the domain. All are `ValidationError`s keyed by field, so the API
reports every one of them as a typed error without knowing about each."""

from django.core.exceptions import ValidationError

from .error_codes import HelpdeskErrorCode


def field_error(field: str, message: str, code: HelpdeskErrorCode) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value)})


class HelpdeskPermissionDenied(ValidationError):
    """The caller may not do this (or may not know the object exists)."""

    def __init__(
        self,
        message: str = "You do not have permission to do this.",
        field: str | None = None,
    ) -> None:
        error = ValidationError(message, code=HelpdeskErrorCode.PERMISSION_DENIED.value)
        super().__init__({field: error} if field else error)


class InvalidTransition(ValidationError):
    """The workflow has no transition between the two statuses for this caller."""

    def __init__(self, source: str, target: str) -> None:
        self.source = source
        self.target = target
        super().__init__(
            {
                "status": ValidationError(
                    f"A ticket cannot move from '{source}' to '{target}'.",
                    code=HelpdeskErrorCode.INVALID_TRANSITION.value,
                )
            }
        )
