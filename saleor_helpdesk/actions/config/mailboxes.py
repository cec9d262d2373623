"""The shop's support mailboxes: create, change, delete, test the connection, enable,
disable, and make a new push secret.

All need MANAGE_PLUGINS, and a caller limited to some channels reaches only the
mailboxes of those. An IMAP mailbox's password is stored encrypted
(`core/secrets.py`) and never read back by the API; an update without a password
keeps the stored one, except when the server or the user name changes: the stored
password is then not sent to the new server, it must be entered again.

Enabling an IMAP mailbox logs in first (`mailboxes/imap.py`) and is refused with the
server's reason; the login runs outside any transaction, so no lock is held while a
server takes its time. Testing a connection logs in with the saved settings, or with
a form's unsaved values over them, and saves nothing.
"""

import ipaddress
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ...core import secrets
from ...core.actor import Actor
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import HelpdeskPermissionDenied, field_error
from ...host.shop_models import channel_model
from ...mailboxes import imap
from ...mailboxes.imap import ImapSettings, MailboxError, MailboxErrorCode
from ...mailboxes.push import new_push_secret, set_push_secret
from ...models import Contact, Mailbox
from ...models.mailbox import AfterFetch, MailboxKind, MailboxSecurity
from .common import (
    clean_email,
    clean_label,
    clean_language_code,
    clean_text,
    deleted,
    not_found,
    require_settings_manager,
    save_unique,
)

DOING = "change the helpdesk's mailboxes"
MAX_HOST_LENGTH = 255
MAX_USER_LENGTH = 255
MAX_FOLDER_LENGTH = 255
MAX_PASSWORD_LENGTH = 1024
# Smaller than the head `actions/inbound.py` keeps of a refused message, a limit
# would refuse ordinary replies; larger than 100 MB, one message would hold a worker's
# memory (it is read whole).
MIN_MESSAGE_SIZE = 64 * 1024
MAX_MESSAGE_SIZE = 100 * 1024 * 1024
MAX_TICKETS_PER_SENDER_PER_HOUR = 1000
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")

# The settings the API changes; saved by name, so a concurrent fetch's bookkeeping
# (last UID, last fetch) is never written back with an old value.
_SETTINGS = (
    "name",
    "address",
    "kind",
    "channel",
    "contact",
    "language_code",
    "imap_host",
    "imap_port",
    "imap_security",
    "imap_user",
    "imap_password",
    "imap_folder",
    "after_fetch",
    "move_to_folder",
    "max_message_size",
    "tickets_per_sender_per_hour",
    "uidvalidity",
    "last_uid",
    "push_secret_hash",
    "updated_at",
)
# Where the stored password may be sent: a change of either needs it entered again.
_CREDENTIAL_TARGET = ("imap_host", "imap_user")
# What the fetch's position (UIDVALIDITY, last UID) belongs to.
_FOLDER_IDENTITY = ("imap_host", "imap_port", "imap_user", "imap_folder")


class MailboxFields(TypedDict, total=False):
    name: str
    address: str
    kind: str
    channel_id: int
    contact_id: int | None
    language_code: str
    imap_host: str
    imap_port: int
    imap_security: str
    imap_user: str
    # Empty or absent: the stored password stays.
    imap_password: str
    imap_folder: str
    after_fetch: str
    move_to_folder: str
    max_message_size: int
    tickets_per_sender_per_hour: int


@dataclass(frozen=True)
class CreatedMailbox:
    mailbox: Mailbox
    # The raw-MIME endpoint's secret of a push mailbox, shown this once; None for IMAP.
    push_secret: str | None


@dataclass(frozen=True)
class RotatedSecret:
    mailbox: Mailbox
    push_secret: str


@dataclass(frozen=True)
class ConnectionResult:
    """How a login went: `ok`, or the server's refusal as a code and a message."""

    ok: bool
    code: MailboxErrorCode | None = None
    message: str = ""


def create_mailbox(actor: Actor, fields: MailboxFields) -> CreatedMailbox:
    require_settings_manager(actor, DOING)
    for required in ("name", "address", "channel_id"):
        if fields.get(required) in (None, ""):
            raise field_error(
                required.removesuffix("_id"),
                "This field is required.",
                HelpdeskErrorCode.REQUIRED,
            )
    mailbox = Mailbox()
    _apply(actor, mailbox, fields)
    push_secret = None
    if mailbox.kind == MailboxKind.PUSH:
        push_secret = set_push_secret(mailbox)
    save_unique(mailbox, "address", _address_taken(mailbox.address))
    return CreatedMailbox(mailbox=mailbox, push_secret=push_secret)


def update_mailbox(actor: Actor, mailbox_id: int, fields: MailboxFields) -> Mailbox:
    require_settings_manager(actor, DOING)
    with transaction.atomic():
        mailbox = _locked(actor, mailbox_id)
        before = {name: getattr(mailbox, name) for name in _FOLDER_IDENTITY}
        _apply(actor, mailbox, fields)
        if any(getattr(mailbox, name) != before[name] for name in _FOLDER_IDENTITY):
            # Another folder's UIDs: fetching starts at its beginning.
            mailbox.uidvalidity, mailbox.last_uid = None, 0
        _save(mailbox)
    return mailbox


def delete_mailbox(actor: Actor, mailbox_id: int) -> Mailbox:
    """Delete the mailbox; the messages it took in stay (on their tickets)."""
    require_settings_manager(actor, DOING)
    with transaction.atomic():
        return deleted(_locked(actor, mailbox_id))


def enable_mailbox(actor: Actor, mailbox_id: int) -> Mailbox:
    """Start taking mail in. An IMAP mailbox must log in first: a refusal is the
    server's reason, with its code (`WRONG_CREDENTIALS`, `FOLDER_MISSING`, …)."""
    require_settings_manager(actor, DOING)
    tested = _visible(actor, mailbox_id)
    if tested.kind == MailboxKind.IMAP:
        result = _log_in(_imap_settings(tested))
        if not result.ok:
            raise ValidationError(
                result.message, code=HelpdeskErrorCode(str(result.code)).value
            )
    with transaction.atomic():
        current = _locked(actor, mailbox_id)
        if current.kind == MailboxKind.IMAP and _connection(current) != _connection(
            tested
        ):
            raise field_error(
                "id",
                "The mailbox's settings changed while it was tested: enable it again.",
                HelpdeskErrorCode.INVALID,
            )
        current.is_active = True
        current.save(update_fields=["is_active", "updated_at"])
    return current


def disable_mailbox(actor: Actor, mailbox_id: int) -> Mailbox:
    require_settings_manager(actor, DOING)
    with transaction.atomic():
        mailbox = _locked(actor, mailbox_id)
        mailbox.is_active = False
        mailbox.save(update_fields=["is_active", "updated_at"])
    return mailbox


def check_mailbox_connection(
    actor: Actor, mailbox_id: int | None, fields: MailboxFields | None = None
) -> ConnectionResult:
    """Log in with the saved mailbox's settings, with `fields` over them (a form's
    unsaved values), or with `fields` alone (a mailbox not saved yet). Saves nothing;
    invalid values are refused as they would be on saving."""
    require_settings_manager(actor, "test the helpdesk's mailboxes")
    if mailbox_id is None and fields is None:
        raise field_error(
            "id",
            "Give a mailbox, its unsaved settings, or both.",
            HelpdeskErrorCode.REQUIRED,
        )
    mailbox = _visible(actor, mailbox_id) if mailbox_id is not None else Mailbox()
    given = dict(fields or {})
    # Only what reaches the server counts here; a form may test before it is complete.
    connection = {
        name: value
        for name, value in given.items()
        if name.startswith("imap_") or name == "kind"
    }
    _apply_imap(mailbox, cast(MailboxFields, connection), saved=mailbox_id is not None)
    if mailbox.kind != MailboxKind.IMAP:
        raise field_error(
            "kind",
            "Only an IMAP mailbox connects to a server; messages are pushed to this one.",
            HelpdeskErrorCode.INVALID,
        )
    _check_credentials(mailbox)
    return _log_in(_imap_settings(mailbox))


def rotate_push_secret(actor: Actor, mailbox_id: int) -> RotatedSecret:
    """A new secret for the raw-MIME endpoint; the old one stops working at once."""
    require_settings_manager(actor, DOING)
    with transaction.atomic():
        mailbox = _locked(actor, mailbox_id)
        secret = new_push_secret(mailbox)
    return RotatedSecret(mailbox=mailbox, push_secret=secret)


# --- reading and locking ----------------------------------------------------------


def _visible(actor: Actor, mailbox_id: int) -> Mailbox:
    mailbox = Mailbox.objects.filter(pk=mailbox_id).first()
    if mailbox is None or not actor.can_access_channel(mailbox.channel_id):
        raise not_found("Mailbox")
    return mailbox


def _locked(actor: Actor, mailbox_id: int) -> Mailbox:
    mailbox = Mailbox.objects.select_for_update().filter(pk=mailbox_id).first()
    if mailbox is None or not actor.can_access_channel(mailbox.channel_id):
        raise not_found("Mailbox")
    return mailbox


def _save(mailbox: Mailbox) -> None:
    """Save the settings; an address taken by a concurrent save is a typed error (the
    unique index decides)."""
    try:
        with transaction.atomic():
            mailbox.save(update_fields=_SETTINGS)
    except IntegrityError:
        raise field_error(
            "address", _address_taken(mailbox.address), HelpdeskErrorCode.UNIQUE
        ) from None


# --- validation ---------------------------------------------------------------------


def _apply(actor: Actor, mailbox: Mailbox, fields: MailboxFields) -> None:
    data: dict[str, Any] = dict(fields)
    if "name" in data:
        mailbox.name = clean_label(data["name"], "name")
    if "address" in data:
        address = clean_email(data["address"], "address").lower()
        if not address:
            raise field_error(
                "address", "Enter the mailbox's address.", HelpdeskErrorCode.REQUIRED
            )
        if len(address) > 254:
            raise field_error(
                "address",
                "An address may be at most 254 characters long.",
                HelpdeskErrorCode.INVALID_EMAIL,
            )
        taken = Mailbox.objects.filter(address__iexact=address).exclude(pk=mailbox.pk)
        if taken.exists():
            raise field_error(
                "address", _address_taken(address), HelpdeskErrorCode.UNIQUE
            )
        mailbox.address = address
    if "channel_id" in data:
        mailbox.channel = _channel(actor, data["channel_id"])
    if "contact_id" in data:
        mailbox.contact = _contact(data["contact_id"])
    if "language_code" in data:
        mailbox.language_code = clean_language_code(data["language_code"])
    if "max_message_size" in data:
        mailbox.max_message_size = _number(
            data["max_message_size"],
            "max_message_size",
            MIN_MESSAGE_SIZE,
            MAX_MESSAGE_SIZE,
        )
    if "tickets_per_sender_per_hour" in data:
        mailbox.tickets_per_sender_per_hour = _number(
            data["tickets_per_sender_per_hour"],
            "tickets_per_sender_per_hour",
            1,
            MAX_TICKETS_PER_SENDER_PER_HOUR,
        )
    _apply_imap(mailbox, fields, saved=mailbox.pk is not None)
    if mailbox.kind == MailboxKind.IMAP:
        _check_imap_complete(mailbox)


def _apply_imap(mailbox: Mailbox, fields: MailboxFields, *, saved: bool) -> None:
    """The kind and the IMAP settings among `fields`, checked one by one; the
    password encrypted. Whether they add up is `_check_imap_complete`."""
    data: dict[str, Any] = dict(fields)
    before = {name: getattr(mailbox, name) for name in _CREDENTIAL_TARGET}
    if "kind" in data:
        mailbox.kind = _choice(data["kind"], "kind", MailboxKind)
    if "imap_host" in data:
        mailbox.imap_host = _host(data["imap_host"])
    if "imap_port" in data:
        mailbox.imap_port = _number(data["imap_port"], "imap_port", 1, 65535)
    if "imap_security" in data:
        mailbox.imap_security = _choice(
            data["imap_security"], "imap_security", MailboxSecurity
        )
    if "imap_user" in data:
        # Spaces may belong to a user name; only the ends are trimmed.
        mailbox.imap_user = clean_text(data["imap_user"], "imap_user", MAX_USER_LENGTH)
    if "imap_folder" in data:
        mailbox.imap_folder = _folder(data["imap_folder"], "imap_folder", required=True)
    if "after_fetch" in data:
        mailbox.after_fetch = _choice(data["after_fetch"], "after_fetch", AfterFetch)
    if "move_to_folder" in data:
        mailbox.move_to_folder = _folder(data["move_to_folder"], "move_to_folder")
    password = str(data.get("imap_password") or "")
    if password:
        if len(password) > MAX_PASSWORD_LENGTH:
            raise field_error(
                "imap_password",
                f"A password may be at most {MAX_PASSWORD_LENGTH} characters long.",
                HelpdeskErrorCode.INVALID,
            )
        mailbox.imap_password = _encrypted(password)
    elif (
        saved
        and mailbox.imap_password
        and any(getattr(mailbox, name) != before[name] for name in _CREDENTIAL_TARGET)
    ):
        # The stored password belongs to the old server and user.
        raise field_error(
            "imap_password",
            "Enter the password again: the server or the user name changed, and the "
            "stored password is sent only where it was entered for.",
            HelpdeskErrorCode.REQUIRED,
        )


def _check_imap_complete(mailbox: Mailbox) -> None:
    _check_credentials(mailbox)
    if mailbox.after_fetch == AfterFetch.MOVE:
        if not mailbox.move_to_folder:
            raise field_error(
                "move_to_folder",
                "Name the folder fetched messages are moved to.",
                HelpdeskErrorCode.REQUIRED,
            )
        if mailbox.move_to_folder == mailbox.imap_folder:
            raise field_error(
                "move_to_folder",
                "Fetched messages must move to another folder than the one fetched.",
                HelpdeskErrorCode.INVALID,
            )


def _check_credentials(mailbox: Mailbox) -> None:
    for name, what in (
        ("imap_host", "the IMAP server's host name"),
        ("imap_user", "the user name"),
        ("imap_password", "the password"),
    ):
        if not getattr(mailbox, name):
            raise field_error(
                name, f"An IMAP mailbox needs {what}.", HelpdeskErrorCode.REQUIRED
            )


def _channel(actor: Actor, channel_id: Any) -> Any:
    channel = (
        channel_model().objects.filter(pk=channel_id).first() if channel_id else None
    )
    if channel is None:
        raise not_found("Channel", "channel")
    if not actor.can_access_channel(channel.pk):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    return channel


def _contact(contact_id: Any) -> Contact | None:
    if contact_id is None:
        return None
    contact = Contact.objects.filter(pk=contact_id).first()
    if contact is None:
        raise not_found("Contact", "contact")
    return contact


def _choice(value: Any, field: str, choices: Any) -> str:
    text = str(value or "")
    if text not in choices.values:
        raise field_error(
            field,
            f"Choose one of {', '.join(choices.values)}.",
            HelpdeskErrorCode.INVALID,
        )
    return text


def _number(value: Any, field: str, low: int, high: int) -> int:
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not low <= value <= high
    ):
        raise field_error(
            field,
            f"Enter a number between {low} and {high}.",
            HelpdeskErrorCode.INVALID,
        )
    return value


def _host(value: Any) -> str:
    host = clean_text(value, "imap_host", MAX_HOST_LENGTH).rstrip(".").lower()
    if not host:
        return ""
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_host = ""
    if not ascii_host or not all(
        _HOST_LABEL.fullmatch(label) for label in ascii_host.split(".")
    ):
        raise field_error(
            "imap_host",
            f"'{value}' is not a host name or IP address (e.g. imap.example.com).",
            HelpdeskErrorCode.INVALID,
        )
    return host


def _folder(value: Any, field: str, *, required: bool = False) -> str:
    folder = clean_text(value, field, MAX_FOLDER_LENGTH, required=required)
    if any(ord(char) < 32 for char in folder):
        raise field_error(
            field,
            "A folder name cannot contain control characters.",
            HelpdeskErrorCode.INVALID,
        )
    return folder


def _encrypted(password: str) -> str:
    with _secret_errors():
        return secrets.encrypt(password)


def _decrypted(token: str) -> str:
    with _secret_errors():
        return secrets.decrypt(token)


_SECRET_ERRORS: tuple[tuple[type[Exception], HelpdeskErrorCode], ...] = (
    (secrets.SecretKeyMissing, HelpdeskErrorCode.SECRET_KEY_MISSING),
    (secrets.SecretKeyInvalid, HelpdeskErrorCode.SECRET_KEY_INVALID),
    (secrets.SecretUnreadable, HelpdeskErrorCode.SECRET_UNREADABLE),
)


@contextmanager
def _secret_errors() -> Iterator[None]:
    """A missing or wrong key, or a stored password no key reads, as a typed error on
    the password field (its message says how to fix the key)."""
    try:
        yield
    except tuple(kind for kind, _ in _SECRET_ERRORS) as error:
        code = next(code for kind, code in _SECRET_ERRORS if isinstance(error, kind))
        raise field_error("imap_password", str(error), code) from None


def _address_taken(address: str) -> str:
    return f"Another mailbox has the address '{address}' already."


# --- the server -----------------------------------------------------------------------


def _imap_settings(mailbox: Mailbox) -> ImapSettings:
    return ImapSettings(
        host=mailbox.imap_host,
        port=mailbox.imap_port,
        security=mailbox.imap_security,  # type: ignore[arg-type]
        user=mailbox.imap_user,
        password=_decrypted(mailbox.imap_password),
        folder=mailbox.imap_folder,
        after_fetch=mailbox.after_fetch,  # type: ignore[arg-type]
        move_to_folder=mailbox.move_to_folder,
    )


def _connection(mailbox: Mailbox) -> tuple[Any, ...]:
    """What a login depends on (the password as stored, encrypted)."""
    return (
        mailbox.kind,
        mailbox.imap_host,
        mailbox.imap_port,
        mailbox.imap_security,
        mailbox.imap_user,
        mailbox.imap_password,
        mailbox.imap_folder,
    )


def _log_in(settings: ImapSettings) -> ConnectionResult:
    try:
        imap.test_connection(settings)
    except MailboxError as error:
        return ConnectionResult(ok=False, code=error.code, message=error.message)
    return ConnectionResult(ok=True)
