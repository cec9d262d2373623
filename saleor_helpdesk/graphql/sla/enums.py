"""Enums of the service-level API."""

import graphene

from ...core.constants import SlaMetric, SlaState
from ..core.enums import _enum

SlaMetricEnum = _enum(
    SlaMetric, "SlaMetricEnum", "What a service-level target measures."
)
SlaStateEnum = _enum(
    SlaState,
    "SlaStateEnum",
    "Where a ticket or target stands against its service level.",
)


class WeekdayEnum(graphene.Enum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    class Meta:
        name = "BusinessWeekdayEnum"
        description = "A day of the week."
