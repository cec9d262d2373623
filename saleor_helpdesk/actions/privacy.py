"""Write paths of privacy: erasing a customer's data on request, and who may export it.

Erasure needs MANAGE_USERS, the permission Saleor asks for deleting a customer (which
erases the same data through the `customer_deleted` hook). Exporting needs MANAGE_USERS
and MANAGE_ORDERS (the file carries internal notes, which only ticket workers read)
and access to every channel (an export must be complete).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q

from ..core.actor import Actor, ActorKind
from ..core.constants import ErasureReason
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..core.permissions import Perm
from ..host.shop_models import channel_model, user_model
from ..models import ChannelSettings
from ..privacy.erase import ErasureResult, Person, erase_person
from ..privacy.retention import Policy, RetentionCounts, plan, policy_of
from .config.channel_settings import ChannelSettingsFields, clean_retention_fields
from .config.common import require_settings_manager

_PRIVILEGED = (ActorKind.STAFF, ActorKind.APP, ActorKind.SYSTEM)


def require_customer_data_manager(actor: Actor, doing: str) -> None:
    if actor.kind not in _PRIVILEGED or not actor.has_perm(Perm.MANAGE_USERS):
        raise HelpdeskPermissionDenied(
            f"You need the MANAGE_USERS permission to {doing}."
        )


def require_exporter(actor: Actor) -> None:
    if (
        actor.kind not in _PRIVILEGED
        or not actor.has_perm(Perm.MANAGE_USERS)
        or not actor.has_perm(Perm.MANAGE_ORDERS)
    ):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_USERS and MANAGE_ORDERS permissions to export a "
            "customer's data."
        )
    if actor.channel_ids is not None:
        raise HelpdeskPermissionDenied(
            "An export covers every channel: you need access to all channels."
        )


def find_person(customer_id: int | None, email: str | None) -> Person:
    """The person named by an account id or an e-mail address (exactly one). An address
    that belongs to an account names that account, so its tickets come along."""
    if (customer_id is None) == (not email):
        raise field_error(
            "customer",
            "Give either a customer or an e-mail address.",
            HelpdeskErrorCode.REQUIRED,
        )
    users = user_model()._default_manager
    if customer_id is not None:
        user = users.filter(pk=customer_id).first()
        if user is None:
            raise field_error(
                "customer", "Customer not found.", HelpdeskErrorCode.NOT_FOUND
            )
        return _person_of(user)
    address = str(email).strip()
    try:
        validate_email(address)
    except ValidationError:
        raise field_error(
            "email",
            f"'{address}' is not an e-mail address.",
            HelpdeskErrorCode.INVALID_EMAIL,
        ) from None
    user = users.filter(email__iexact=address).first()
    if user is not None:
        return _person_of(user)
    return Person(user_id=None, email=address)


def _person_of(user: Any) -> Person:
    names = (user.first_name or "", user.last_name or "")
    full = " ".join(name for name in names if name)
    return Person(
        user_id=user.pk,
        email=user.email,
        names=tuple(name for name in (full, *names) if name),
    )


def erase_customer_data(
    actor: Actor, *, customer_id: int | None = None, email: str | None = None
) -> ErasureResult:
    """Erase a customer's (or a guest's) personal data from their tickets, at a staff
    member's request. Irreversible. A second request finds nothing left to erase."""
    require_customer_data_manager(actor, "erase a customer's data")
    person = find_person(customer_id, email)
    return erase_person(person, actor=actor, reason=ErasureReason.REQUEST)


def erase_deleted_account(
    *, user_id: int | None, email: str | None, first_name: str = "", last_name: str = ""
) -> ErasureResult:
    """Saleor deleted the account: erase what the helpdesk holds about it. By now the
    tickets' account link is gone (Saleor's delete set it to null), so the tickets are
    found by the address (and the id, for any row still carrying it)."""
    names = tuple(
        n for n in (f"{first_name} {last_name}".strip(), first_name, last_name) if n
    )
    person = Person(user_id=user_id, email=email or None, names=names)
    if person.user_id is None and not person.email:
        return ErasureResult(0, 0, 0, 0)
    return erase_person(
        person, actor=Actor.system(), reason=ErasureReason.ACCOUNT_DELETED
    )


# Marks an argument the caller did not send (None is "kept", a value of its own).
UNSET: Any = object()


def preview_retention(
    actor: Actor,
    channel_slug: str | None,
    *,
    ticket_months: Any = UNSET,
    action: Any = UNSET,
    attachment_months: Any = UNSET,
) -> RetentionCounts:
    """How many tickets and files the retention policy would anonymise, delete or
    remove if it ran now: with the settings as saved, or with one channel's (or the
    shop defaults') setting changed as given (a dry run before saving it)."""
    require_settings_manager(actor, "preview the retention policy")
    channel_id = None
    if channel_slug:
        channel = channel_model().objects.filter(slug=channel_slug).first()
        if channel is None:
            raise field_error(
                "channel", "Channel not found.", HelpdeskErrorCode.NOT_FOUND
            )
        if not actor.can_access_channel(channel.pk):
            raise HelpdeskPermissionDenied(
                "You have no access to this channel.", field="channel"
            )
        channel_id = channel.pk
    given: ChannelSettingsFields = {}
    if ticket_months is not UNSET:
        given["ticket_retention_months"] = ticket_months
    if action is not UNSET and action is not None:
        given["ticket_retention_action"] = action
    if attachment_months is not UNSET:
        given["attachment_retention_months"] = attachment_months
    overrides = {}
    if given:
        changes = clean_retention_fields(given)
        current = policy_of(_settings_row(channel_id))
        overrides[channel_id] = Policy(
            ticket_months=changes.get("ticket_retention_months", current.ticket_months),
            action=changes.get("ticket_retention_action", current.action),
            attachment_months=changes.get(
                "attachment_retention_months", current.attachment_months
            ),
        )
    return plan(overrides)


def _settings_row(channel_id: int | None) -> ChannelSettings | None:
    """The row whose policy applies to the channel (its own, else the shop's)."""
    rows = ChannelSettings.objects.filter(
        Q(channel_id=channel_id) | Q(channel__isnull=True)
    )
    by_channel = {row.channel_id: row for row in rows}
    return by_channel.get(channel_id) or by_channel.get(None)
