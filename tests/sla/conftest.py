from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from saleor_helpdesk.models import BusinessCalendar, Priority, SlaPolicy

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.fixture
def bavaria(db):
    """The issue's scenario: Mon-Fri 9-17 in Berlin, Bavarian holidays off."""
    return BusinessCalendar.objects.create(
        name="Bavaria",
        time_zone="Europe/Berlin",
        hours=[{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(5)],
        holiday_country="DE",
        holiday_subdivision="BY",
        is_default=True,
    )


@pytest.fixture
def policy(bavaria):
    """'First answer within 4 business hours' for every ticket, resolved in 2 days."""
    return SlaPolicy.objects.create(
        name="First answer within 4 business hours",
        position=10,
        first_response_minutes=4 * 60,
        next_response_minutes=8 * 60,
        resolution_minutes=16 * 60,
        at_risk_percent=75,
    )


@pytest.fixture
def urgent_policy(policy):
    urgent = Priority.objects.get(slug="urgent")
    return SlaPolicy.objects.create(
        name="Urgent",
        position=0,
        priority=urgent,
        first_response_minutes=60,
        resolution_minutes=4 * 60,
    )
