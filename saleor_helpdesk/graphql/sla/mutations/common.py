"""API input → the domain's fields for calendars and policies: only what was sent."""

from typing import Any, cast

from ....actions.config.sla import CalendarFields, PolicyFields
from ...config.mutations.common import nullable, reference, sent
from ...core.ids import int_pk


def calendar_fields(given: dict[str, Any]) -> CalendarFields:
    fields = sent(
        given,
        "name",
        "time_zone",
        "holiday_country",
        "holiday_subdivision",
        "is_default",
    )
    if given.get("hours") is not None:
        fields["hours"] = [
            {"weekday": int(row["weekday"]), "start": row["start"], "end": row["end"]}
            for row in given["hours"]
        ]
    if given.get("closed_dates") is not None:
        fields["closed_dates"] = list(given["closed_dates"])
    if given.get("channels") is not None:
        fields["channel_ids"] = [
            int_pk(value, "Channel", "channels") for value in given["channels"]
        ]
    return cast(CalendarFields, fields)


def policy_fields(given: dict[str, Any]) -> PolicyFields:
    return cast(
        PolicyFields,
        {
            **sent(given, "name", "position", "is_active", "at_risk_percent"),
            **nullable(
                given,
                "kind",
                "first_response_minutes",
                "next_response_minutes",
                "resolution_minutes",
            ),
            **reference(given, "priority", "TicketPriority"),
            **reference(given, "channel", "Channel"),
            **reference(given, "category", "TicketCategory"),
        },
    )
