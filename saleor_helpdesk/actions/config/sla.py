"""Business calendars and SLA policies (MANAGE_PLUGINS to change, the settings readers
to read). One calendar is the shop's default; a channel may use another one. Policies
are matched in their order (`sla/calendars.match_policy`).

Changes apply to targets that start afterwards: running targets keep the due instants
they were given (a merchant editing the calendar does not move what the team was
promised)."""

from collections.abc import Sequence
from datetime import date
from typing import Any, TypedDict

from django.db import transaction

from ...core.actor import Actor
from ...core.constants import TicketKind
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...host.shop_models import channel_model
from ...models import (
    BusinessCalendar,
    BusinessCalendarChannel,
    Category,
    Priority,
    SlaPolicy,
)
from ...sla.businesstime import (
    InvalidSchedule,
    check_holiday_region,
    check_time_zone,
    format_clock,
    parse_clock,
    parse_hours,
)
from .common import (
    clean_label,
    clean_position,
    deleted,
    get_for_update,
    lock_all,
    next_position,
    require_settings_manager,
    save_unique,
)

# A target beyond a year of business minutes is no target.
MAX_TARGET_MINUTES = 60 * 24 * 365
MAX_CLOSED_DATES = 366 * 5
MAX_INTERVALS = 7 * 6


class HoursInterval(TypedDict):
    weekday: int  # 0 Monday … 6 Sunday
    start: str  # "09:00"
    end: str  # "17:00", "24:00"


class CalendarFields(TypedDict, total=False):
    name: str
    time_zone: str
    hours: Sequence[HoursInterval]
    holiday_country: str
    holiday_subdivision: str
    closed_dates: Sequence[date]
    is_default: bool
    channel_ids: Sequence[int]


class PolicyFields(TypedDict, total=False):
    name: str
    position: int
    is_active: bool
    priority_id: int | None
    channel_id: int | None
    kind: str | None
    category_id: int | None
    first_response_minutes: int | None
    next_response_minutes: int | None
    resolution_minutes: int | None
    at_risk_percent: int


def _invalid(error: InvalidSchedule) -> Exception:
    return field_error(error.field, error.message, HelpdeskErrorCode.INVALID)


# --- calendars ----------------------------------------------------------------------


def create_calendar(actor: Actor, fields: CalendarFields) -> BusinessCalendar:
    require_settings_manager(actor)
    if not fields.get("name"):
        raise field_error("name", "Enter a name.", HelpdeskErrorCode.REQUIRED)
    with transaction.atomic():
        lock_all(BusinessCalendar)
        calendar = BusinessCalendar()
        channel_ids = _apply_calendar(calendar, fields)
        _save_calendar(calendar, channel_ids)
    return calendar


def update_calendar(
    actor: Actor, calendar_id: int, fields: CalendarFields
) -> BusinessCalendar:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(BusinessCalendar)
        calendar = get_for_update(BusinessCalendar, calendar_id, "Business calendar")
        channel_ids = _apply_calendar(calendar, fields)
        _save_calendar(calendar, channel_ids)
    return calendar


def delete_calendar(actor: Actor, calendar_id: int) -> BusinessCalendar:
    """Delete a calendar; its channels follow the shop's default calendar again."""
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(BusinessCalendar)
        calendar = get_for_update(BusinessCalendar, calendar_id, "Business calendar")
        return deleted(calendar)


def _apply_calendar(
    calendar: BusinessCalendar, data: CalendarFields
) -> list[int] | None:
    if "name" in data:
        calendar.name = clean_label(data["name"], "name")
    try:
        if "time_zone" in data:
            zone = str(data["time_zone"] or "").strip()
            check_time_zone(zone)
            calendar.time_zone = zone
        if "hours" in data:
            rows = list(data["hours"] or [])
            if len(rows) > MAX_INTERVALS:
                raise InvalidSchedule(
                    "hours", f"At most {MAX_INTERVALS} opening intervals."
                )
            cleaned = [
                {
                    "weekday": row["weekday"],
                    "start": format_clock(parse_clock(row["start"])),
                    "end": format_clock(parse_clock(row["end"])),
                }
                for row in rows
            ]
            parse_hours(cleaned)
            calendar.hours = sorted(
                cleaned, key=lambda r: (r["weekday"], r["start"], r["end"])
            )
        if "holiday_country" in data:
            calendar.holiday_country = str(data["holiday_country"] or "").upper()
        if "holiday_subdivision" in data:
            calendar.holiday_subdivision = str(data["holiday_subdivision"] or "")
        check_holiday_region(calendar.holiday_country, calendar.holiday_subdivision)
    except InvalidSchedule as error:
        raise _invalid(error) from None
    if not any(parse_hours(calendar.hours)):
        raise field_error(
            "hours",
            "Give the calendar opening hours on at least one weekday.",
            HelpdeskErrorCode.REQUIRED,
        )
    if "closed_dates" in data:
        dates = sorted(set(data["closed_dates"] or []))
        if len(dates) > MAX_CLOSED_DATES:
            raise field_error(
                "closed_dates",
                f"At most {MAX_CLOSED_DATES} closed dates.",
                HelpdeskErrorCode.INVALID,
            )
        calendar.closed_dates = dates
    if "is_default" in data:
        calendar.is_default = bool(data["is_default"])
    if "channel_ids" not in data:
        return None
    ids = list(dict.fromkeys(data["channel_ids"] or []))
    found = set(channel_model().objects.filter(pk__in=ids).values_list("pk", flat=True))
    if missing := [pk for pk in ids if pk not in found]:
        raise field_error(
            "channels", f"Channel {missing[0]} not found.", HelpdeskErrorCode.NOT_FOUND
        )
    return ids


def _save_calendar(calendar: BusinessCalendar, channel_ids: list[int] | None) -> None:
    if calendar.is_default:
        # The shop has one default calendar: the new one takes over.
        BusinessCalendar.objects.filter(is_default=True).exclude(pk=calendar.pk).update(
            is_default=False
        )
    save_unique(calendar, "name", "A calendar with this name exists.")
    if channel_ids is None:
        return
    # A channel has one calendar: naming it here moves it from any other.
    BusinessCalendarChannel.objects.filter(calendar=calendar).exclude(
        channel_id__in=channel_ids
    ).delete()
    BusinessCalendarChannel.objects.filter(channel_id__in=channel_ids).exclude(
        calendar=calendar
    ).delete()
    have = set(
        BusinessCalendarChannel.objects.filter(calendar=calendar).values_list(
            "channel_id", flat=True
        )
    )
    BusinessCalendarChannel.objects.bulk_create(
        BusinessCalendarChannel(calendar=calendar, channel_id=pk)
        for pk in channel_ids
        if pk not in have
    )


# --- policies -----------------------------------------------------------------------


def create_policy(actor: Actor, fields: PolicyFields) -> SlaPolicy:
    require_settings_manager(actor)
    if not fields.get("name"):
        raise field_error("name", "Enter a name.", HelpdeskErrorCode.REQUIRED)
    with transaction.atomic():
        lock_all(SlaPolicy)
        policy = SlaPolicy(position=next_position(SlaPolicy.objects.all()))
        _apply_policy(policy, fields)
        policy.save()
    return policy


def update_policy(actor: Actor, policy_id: int, fields: PolicyFields) -> SlaPolicy:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(SlaPolicy)
        policy = get_for_update(SlaPolicy, policy_id, "SLA policy")
        _apply_policy(policy, fields)
        policy.save()
    return policy


def delete_policy(actor: Actor, policy_id: int) -> SlaPolicy:
    """Delete a policy; targets it set keep running with the minutes they were given."""
    require_settings_manager(actor)
    with transaction.atomic():
        policy = get_for_update(SlaPolicy, policy_id, "SLA policy")
        return deleted(policy)


def _minutes(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise field_error(
            field,
            "Give the target in whole minutes, at least 1.",
            HelpdeskErrorCode.INVALID,
        )
    if value > MAX_TARGET_MINUTES:
        raise field_error(
            field,
            f"A target may be at most {MAX_TARGET_MINUTES} business minutes.",
            HelpdeskErrorCode.INVALID,
        )
    return value


def _apply_policy(policy: SlaPolicy, data: PolicyFields) -> None:
    if "name" in data:
        policy.name = clean_label(data["name"], "name")
    if "position" in data:
        policy.position = clean_position(data["position"])
    if "is_active" in data:
        policy.is_active = bool(data["is_active"])
    for name in (
        "first_response_minutes",
        "next_response_minutes",
        "resolution_minutes",
    ):
        if name in data:
            setattr(policy, name, _minutes(data[name], name))
    if "at_risk_percent" in data:
        percent = data["at_risk_percent"]
        if not isinstance(percent, int) or not 1 <= percent <= 100:
            raise field_error(
                "at_risk_percent",
                "The at-risk share is a percentage from 1 to 100.",
                HelpdeskErrorCode.INVALID,
            )
        policy.at_risk_percent = percent
    if "priority_id" in data:
        pk = data["priority_id"]
        if pk is not None and not Priority.objects.filter(pk=pk).exists():
            raise field_error(
                "priority", "Priority not found.", HelpdeskErrorCode.NOT_FOUND
            )
        policy.priority_id = pk
    if "channel_id" in data:
        pk = data["channel_id"]
        if pk is not None and not channel_model().objects.filter(pk=pk).exists():
            raise field_error(
                "channel", "Channel not found.", HelpdeskErrorCode.NOT_FOUND
            )
        policy.channel_id = pk
    if "kind" in data:
        kind = data["kind"] or ""
        if kind and kind not in TicketKind.values:
            raise field_error(
                "kind", f"'{kind}' is not a ticket kind.", HelpdeskErrorCode.INVALID
            )
        policy.kind = kind
    if "category_id" in data:
        pk = data["category_id"]
        category = Category.objects.filter(pk=pk).first() if pk is not None else None
        if pk is not None and category is None:
            raise field_error(
                "category", "Category not found.", HelpdeskErrorCode.NOT_FOUND
            )
        policy.category_id = pk
    if policy.category_id is not None:
        kind_of = (
            Category.objects.filter(pk=policy.category_id)
            .values_list("kind", flat=True)
            .first()
        )
        if policy.kind and kind_of != policy.kind:
            raise field_error(
                "category",
                "This category belongs to another kind of ticket.",
                HelpdeskErrorCode.INVALID,
            )
    if (
        policy.first_response_minutes is None
        and policy.next_response_minutes is None
        and policy.resolution_minutes is None
    ):
        raise field_error(
            "first_response_minutes",
            "Give the policy at least one target (first response, next response or "
            "resolution).",
            HelpdeskErrorCode.REQUIRED,
        )
