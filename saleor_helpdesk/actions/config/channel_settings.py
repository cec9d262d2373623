"""Per-channel policies (attachments, guests, closing and reopening, sender), and the
shop's defaults (the row without a channel) that channels without their own row follow.

A channel's row is created on its first edit, starting from the shop's defaults, so
changing one setting for a channel keeps the others as the shop has them.
"""

import copy
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import transaction
from django.db.models import Q

from ...content.sanitize import clean_html
from ...core.actor import Actor
from ...core.constants import RetentionAction
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import HelpdeskPermissionDenied, field_error
from ...host.shop_models import channel_model
from ...models import ChannelSettings
from ...models.config import DEFAULT_ALLOWED_CONTENT_TYPES
from .common import (
    clean_email,
    clean_text,
    not_found,
    require_settings_manager,
    require_settings_reader,
    save_unique,
    support_agent_user,
)

MAX_ATTACHMENT_SIZE = 100 * 1024 * 1024
MAX_FILES_PER_COMMENT = 100
MAX_FILES_PER_TICKET = 1000
MAX_REOPEN_WINDOW_DAYS = 3650
MAX_SENDER_NAME_LENGTH = 128
MAX_SIGNATURE_LENGTH = 5000
# Types a shop may allow: what the file sniffer recognises, minus the ones a browser
# would run (HTML, SVG).
ALLOWED_CONTENT_TYPES = tuple(DEFAULT_ALLOWED_CONTENT_TYPES)

_FLAGS = (
    "attachments_allowed",
    "guest_tickets_allowed",
    "customer_may_close",
    "customer_may_reopen",
    "auto_close_on_full_refund",
)
_COPIED = (
    *_FLAGS,
    "max_attachment_size",
    "max_attachments_per_comment",
    "max_attachments_per_ticket",
    "allowed_content_types",
    "reopen_window_days",
    "sender_email",
    "sender_name",
    "signature",
    "default_responsible_id",
    "ticket_retention_months",
    "ticket_retention_action",
    "attachment_retention_months",
)
# Retention periods, in months: up to 30 years (German commercial records: 6 or 10).
MAX_RETENTION_MONTHS = 360


class ChannelSettingsFields(TypedDict, total=False):
    attachments_allowed: bool
    max_attachment_size: int
    max_attachments_per_comment: int
    max_attachments_per_ticket: int
    allowed_content_types: list[str]
    guest_tickets_allowed: bool
    customer_may_close: bool
    customer_may_reopen: bool
    reopen_window_days: int | None
    auto_close_on_full_refund: bool
    sender_email: str
    sender_name: str
    signature: str
    default_responsible_id: int | None
    ticket_retention_months: int | None
    ticket_retention_action: str
    attachment_retention_months: int | None


@dataclass(frozen=True)
class EffectiveSettings:
    """The settings that apply to `channel` (None: the shop's defaults). `inherited`:
    the channel has no row of its own and follows the shop's defaults."""

    settings: ChannelSettings
    channel: Any
    inherited: bool


def read_channel_settings(actor: Actor, channel_slug: str | None) -> EffectiveSettings:
    require_settings_reader(actor)
    channel = _channel(actor, channel_slug, writing=False)
    wanted = Q(channel__isnull=True)
    if channel is not None:
        wanted |= Q(channel=channel)
    rows = {row.channel_id: row for row in ChannelSettings.objects.filter(wanted)}
    own = rows.get(channel.pk if channel is not None else None)
    if own is not None:
        return EffectiveSettings(settings=own, channel=channel, inherited=False)
    # No row of its own: the shop's defaults apply, else the built-in ones.
    return EffectiveSettings(
        settings=rows.get(None) or ChannelSettings(), channel=channel, inherited=True
    )


def update_channel_settings(
    actor: Actor, channel_slug: str | None, fields: ChannelSettingsFields
) -> EffectiveSettings:
    require_settings_manager(actor)
    channel = _channel(actor, channel_slug, writing=True)
    changes = _clean(fields)
    with transaction.atomic():
        row = (
            ChannelSettings.objects.select_for_update()
            .filter(Q(channel=channel) if channel else Q(channel__isnull=True))
            .first()
        )
        if row is None:
            row = ChannelSettings(channel=channel)
            defaults = ChannelSettings.objects.filter(channel__isnull=True).first()
            if channel is not None and defaults is not None:
                for name in _COPIED:
                    setattr(row, name, copy.copy(getattr(defaults, name)))
        for name, value in changes.items():
            setattr(row, name, value)
        _check_limits(row)
        save_unique(
            row,
            "channel",
            "The settings of this channel were created at the same time; try again.",
        )
    return EffectiveSettings(settings=row, channel=channel, inherited=False)


def _channel(actor: Actor, slug: str | None, *, writing: bool) -> Any:
    if not slug:
        if writing and actor.channel_ids is not None:
            raise HelpdeskPermissionDenied(
                "The shop's defaults apply to every channel: you need access to all "
                "channels to change them.",
                field="channel",
            )
        return None
    channel = channel_model().objects.filter(slug=slug).first()
    if channel is None:
        raise not_found("Channel", "channel")
    if not actor.can_access_channel(channel.pk):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    return channel


def _range(fields: ChannelSettingsFields, name: str, low: int, high: int) -> int:
    value = fields[name]  # type: ignore[literal-required]
    if value is None or not low <= value <= high:
        raise field_error(
            name,
            f"Enter a number between {low} and {high}.",
            HelpdeskErrorCode.INVALID,
        )
    return int(value)


def _clean(fields: ChannelSettingsFields) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for flag in _FLAGS:
        if flag in fields:
            changes[flag] = bool(fields[flag])  # type: ignore[literal-required]
    if "max_attachment_size" in fields:
        changes["max_attachment_size"] = _range(
            fields, "max_attachment_size", 1, MAX_ATTACHMENT_SIZE
        )
    if "max_attachments_per_comment" in fields:
        changes["max_attachments_per_comment"] = _range(
            fields, "max_attachments_per_comment", 1, MAX_FILES_PER_COMMENT
        )
    if "max_attachments_per_ticket" in fields:
        changes["max_attachments_per_ticket"] = _range(
            fields, "max_attachments_per_ticket", 1, MAX_FILES_PER_TICKET
        )
    if "allowed_content_types" in fields:
        changes["allowed_content_types"] = _content_types(
            fields["allowed_content_types"] or []
        )
    if "reopen_window_days" in fields:
        days = fields["reopen_window_days"]
        changes["reopen_window_days"] = (
            None
            if days is None
            else _range(fields, "reopen_window_days", 1, MAX_REOPEN_WINDOW_DAYS)
        )
    if "sender_email" in fields:
        changes["sender_email"] = clean_email(fields["sender_email"], "sender_email")
    if "sender_name" in fields:
        changes["sender_name"] = clean_text(
            fields["sender_name"], "sender_name", MAX_SENDER_NAME_LENGTH
        )
    if "signature" in fields:
        signature = clean_html(str(fields["signature"] or ""))
        if len(signature) > MAX_SIGNATURE_LENGTH:
            raise field_error(
                "signature",
                f"A signature may be at most {MAX_SIGNATURE_LENGTH} characters long.",
                HelpdeskErrorCode.INVALID,
            )
        changes["signature"] = signature
    changes.update(clean_retention_fields(fields))
    if "default_responsible_id" in fields:
        changes["default_responsible"] = support_agent_user(
            fields["default_responsible_id"], "default_responsible"
        )
    return changes


def clean_retention_fields(fields: ChannelSettingsFields) -> dict[str, Any]:
    """The retention settings among `fields`, checked (also for a dry run)."""
    changes: dict[str, Any] = {}
    for months in ("ticket_retention_months", "attachment_retention_months"):
        if months in fields:
            changes[months] = (
                None
                if fields[months] is None
                else _range(fields, months, 1, MAX_RETENTION_MONTHS)
            )
    if "ticket_retention_action" in fields:
        action = str(fields["ticket_retention_action"])
        if action not in RetentionAction.values:
            raise field_error(
                "ticket_retention_action",
                f"Choose one of {', '.join(RetentionAction.values)}.",
                HelpdeskErrorCode.INVALID,
            )
        changes["ticket_retention_action"] = action
    return changes


def _content_types(values: list[str]) -> list[str]:
    cleaned: list[str] = []
    for value in values:
        content_type = str(value).strip().lower()
        if content_type not in ALLOWED_CONTENT_TYPES:
            raise field_error(
                "allowed_content_types",
                f"'{value}' cannot be allowed; choose from "
                f"{', '.join(ALLOWED_CONTENT_TYPES)}.",
                HelpdeskErrorCode.UNSUPPORTED_FILE_TYPE,
            )
        if content_type in cleaned:
            raise field_error(
                "allowed_content_types",
                f"'{content_type}' is given more than once.",
                HelpdeskErrorCode.DUPLICATED_INPUT_ITEM,
            )
        cleaned.append(content_type)
    return cleaned


def _check_limits(row: ChannelSettings) -> None:
    if row.max_attachments_per_comment > row.max_attachments_per_ticket:
        raise field_error(
            "max_attachments_per_comment",
            "A comment cannot carry more files than the whole ticket may.",
            HelpdeskErrorCode.INVALID,
        )
