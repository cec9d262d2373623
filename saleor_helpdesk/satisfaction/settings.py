"""Reading and changing the survey's settings (MANAGE_PLUGINS to change, as every
helpdesk setting; MANAGE_ORDERS or MANAGE_PLUGINS to read). A channel's row is created on
its first change, starting from the shop's defaults."""

from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import IntegrityError, transaction

from ..actions.config.common import (
    not_found,
    require_settings_manager,
    require_settings_reader,
)
from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.shop_models import channel_model
from ..models import SatisfactionSettings
from .policy import survey_settings

MAX_LINK_VALIDITY_DAYS = 365


def _channel_id(slug: str | None) -> int | None:
    if slug is None:
        return None
    pk = channel_model().objects.filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        raise not_found("Channel", "channel")
    return int(pk)


@dataclass(frozen=True)
class SurveySettings:
    """The settings that apply in a channel (None: the shop's defaults)."""

    channel_id: int | None
    survey_enabled: bool
    link_validity_days: int
    # The channel has no row of its own (or the shop none for its defaults).
    inherits_shop_defaults: bool


def _view(channel_id: int | None, row: SatisfactionSettings) -> SurveySettings:
    return SurveySettings(
        channel_id=channel_id,
        survey_enabled=row.survey_enabled,
        link_validity_days=row.link_validity_days,
        inherits_shop_defaults=row.pk is None or row.channel_id != channel_id,
    )


def read_survey_settings(actor: Actor, channel: str | None) -> SurveySettings:
    """The settings of a channel (by slug; None: the shop's defaults), as they apply."""
    require_settings_reader(actor)
    channel_id = _channel_id(channel)
    return _view(channel_id, survey_settings(channel_id))


class SurveySettingsChanges(TypedDict, total=False):
    survey_enabled: bool
    link_validity_days: int


def update_survey_settings(
    actor: Actor, channel: str | None, changes: SurveySettingsChanges
) -> SurveySettings:
    require_settings_manager(actor)
    channel_id = _channel_id(channel)
    days = changes.get("link_validity_days")
    if days is not None and not 1 <= days <= MAX_LINK_VALIDITY_DAYS:
        raise field_error(
            "link_validity_days",
            f"A link is valid for 1 to {MAX_LINK_VALIDITY_DAYS} days.",
            HelpdeskErrorCode.INVALID,
        )
    values: dict[str, Any] = {k: v for k, v in changes.items() if v is not None}
    with transaction.atomic():
        row = _locked_row(channel_id)
        for name, value in values.items():
            setattr(row, name, value)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # Two first changes of one channel at once: the other one created the
            # row; this change applies to it.
            row = _locked_row(channel_id)
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
    return _view(channel_id, row)


def _locked_row(channel_id: int | None) -> SatisfactionSettings:
    rows = SatisfactionSettings.objects.select_for_update()
    if channel_id is None:
        row = rows.filter(channel__isnull=True).first()
    else:
        row = rows.filter(channel_id=channel_id).first()
    if row is not None:
        return row
    # A channel's first change starts from the shop's defaults.
    start = survey_settings(None)
    return SatisfactionSettings(
        channel_id=channel_id,
        survey_enabled=start.survey_enabled,
        link_validity_days=start.link_validity_days,
    )
