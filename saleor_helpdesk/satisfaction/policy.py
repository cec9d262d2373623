"""The survey's settings per channel: the channel's row, else the shop's defaults row,
else the built-in defaults (survey on, links valid 30 days). Read here by the e-mails and
the write path; read and changed through the API in `settings.py`."""

from collections.abc import Iterable

from django.db.models import Q

from ..models import SatisfactionSettings


def survey_settings(channel_id: int | None) -> SatisfactionSettings:
    """The settings that apply in the channel (one query)."""
    return survey_settings_for([channel_id])[channel_id]


def survey_settings_for(
    channel_ids: Iterable[int | None],
) -> dict[int | None, SatisfactionSettings]:
    """The settings that apply in each channel, for many channels in one query."""
    wanted_ids = set(channel_ids)
    wanted = Q(channel__isnull=True) | Q(
        channel_id__in=[pk for pk in wanted_ids if pk is not None]
    )
    rows = {row.channel_id: row for row in SatisfactionSettings.objects.filter(wanted)}
    default = rows.get(None) or SatisfactionSettings()
    return {pk: rows.get(pk) or default for pk in wanted_ids}
