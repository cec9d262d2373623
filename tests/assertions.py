"""Assertions on the domain's typed errors."""

from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError

from saleor_helpdesk.models import Attachment, Comment, Ticket, TicketEvent


def error_of(error: ValidationError) -> tuple[str | None, str, str]:
    """(field, code, message) of a single-field ValidationError."""
    if hasattr(error, "error_dict"):
        [(field, [detail])] = error.error_dict.items()
        return field, detail.code, detail.message
    return None, error.code, error.message


@contextmanager
def raises_error(field: str | None, code: str, message: str | None = None):
    """Expect a typed error and check that nothing of the helpdesk was written."""
    counts = _counts()
    with pytest.raises(ValidationError) as info:
        yield info
    got_field, got_code, got_message = error_of(info.value)
    assert (got_field, got_code) == (field, code), got_message
    if message is not None:
        assert got_message == message
    assert _counts() == counts, "a refused request changed data"


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Ticket, Comment, TicketEvent, Attachment)
    )
