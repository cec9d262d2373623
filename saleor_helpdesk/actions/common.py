"""Pieces shared by the actions."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from ..core.actor import Actor, ActorKind
from ..core.constants import AuthorType, CommentMedium
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Ticket

MAX_CC = 10


def author_fields(actor: Actor) -> dict[str, Any]:
    """Who wrote something, as stored on comments and attachments."""
    if actor.kind == ActorKind.APP:
        return {"author_type": AuthorType.APP, "author_app": actor.app}
    if actor.kind == ActorKind.SYSTEM:
        return {"author_type": AuthorType.SYSTEM}
    if actor.kind == ActorKind.STAFF:
        return {"author_type": AuthorType.STAFF, "author_user": actor.user}
    return {"author_type": AuthorType.CUSTOMER, "author_user": actor.user}


def default_medium(actor: Actor) -> CommentMedium:
    if actor.kind == ActorKind.STAFF:
        return CommentMedium.DASHBOARD
    if actor.kind in (ActorKind.APP, ActorKind.SYSTEM):
        return CommentMedium.API
    if actor.kind == ActorKind.EMAIL:
        return CommentMedium.EMAIL
    return CommentMedium.STOREFRONT


def customer_author_name(actor: Actor, ticket: Ticket) -> str:
    """The name shown on a customer-side comment: an e-mail sender's own (a CC
    address writes too), else the ticket's customer."""
    if not actor.is_customer_side:
        return ""
    return actor.display_name or ticket.customer_name


def touch(ticket: Ticket, *fields: str) -> None:
    """Save the given fields and move the ticket's last activity to now."""
    ticket.last_activity_at = timezone.now()
    ticket.save(update_fields=[*fields, "last_activity_at", "updated_at"])


def refuse_merged(ticket: Ticket) -> None:
    if ticket.merged_into_id:
        raise field_error(
            "id",
            "This ticket was merged into another one; work on that ticket instead.",
            HelpdeskErrorCode.MERGED,
        )


def remember_related(instance: Any, name: str, rows: list[Any]) -> None:
    """Put rows just written into the instance's prefetch cache for the reverse
    relation `name`, so reading it in the same request costs no query."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    cache = getattr(instance, "_prefetched_objects_cache", None)
    if cache is None:
        cache = instance._prefetched_objects_cache = {}
    cache[name] = queryset


def check_email(value: str, field: str) -> None:
    """Refuse a value that is not an e-mail address, as an error on `field`."""
    try:
        validate_email(value)
    except ValidationError as error:
        raise field_error(
            field,
            f"'{value}' is not a valid e-mail address.",
            HelpdeskErrorCode.INVALID_EMAIL,
        ) from error


def check_cc(addresses: list[str], field: str = "cc_emails") -> list[str]:
    """CC addresses trimmed, in lower case and without repeats; at most `MAX_CC`."""
    cleaned: list[str] = []
    for raw in addresses:
        address = raw.strip().lower()
        check_email(address, field)
        if address not in cleaned:
            cleaned.append(address)
    if len(cleaned) > MAX_CC:
        raise field_error(
            field, f"At most {MAX_CC} CC addresses.", HelpdeskErrorCode.INVALID
        )
    return cleaned
