"""Business-time arithmetic across weekends, holidays, time zones and DST changes."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saleor_helpdesk.sla.businesstime import (
    ALWAYS_OPEN,
    InvalidSchedule,
    Schedule,
    add_business_time,
    business_time_between,
    check_holiday_region,
    check_time_zone,
    parse_hours,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def weekdays(start: str, end: str, days: range = range(5)) -> list[dict[str, object]]:
    return [{"weekday": day, "start": start, "end": end} for day in days]


BAVARIA = Schedule(
    time_zone=BERLIN,
    hours=parse_hours(weekdays("09:00", "17:00")),
    holiday_country="DE",
    holiday_subdivision="BY",
)


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def test_four_hours_within_one_day():
    assert add_business_time(BAVARIA, berlin(2026, 3, 3, 10), timedelta(hours=4)) == (
        berlin(2026, 3, 3, 14)
    )


def test_before_opening_starts_at_opening():
    # Tuesday 06:00: the clock starts at 09:00.
    assert add_business_time(BAVARIA, berlin(2026, 3, 3, 6), timedelta(hours=1)) == (
        berlin(2026, 3, 3, 10)
    )


def test_friday_afternoon_goes_over_the_weekend():
    # Friday 15:00 + 4h: two hours on Friday, two on Monday.
    due = add_business_time(BAVARIA, berlin(2026, 3, 6, 15), timedelta(hours=4))
    assert due == berlin(2026, 3, 9, 11)
    assert business_time_between(BAVARIA, berlin(2026, 3, 6, 15), due) == timedelta(
        hours=4
    )


def test_bavarian_holidays_are_skipped():
    # 24 December 2026 is a Thursday; the 25th and 26th are public holidays, then the
    # weekend: two hours on Thursday, two on Monday the 28th.
    due = add_business_time(BAVARIA, berlin(2026, 12, 24, 15), timedelta(hours=4))
    assert due == berlin(2026, 12, 28, 11)


def test_a_regional_holiday_counts_only_in_its_region():
    # Epiphany (6 January) is a holiday in Bavaria but not in Berlin.
    berlin_state = Schedule(
        time_zone=BERLIN,
        hours=BAVARIA.hours,
        holiday_country="DE",
        holiday_subdivision="BE",
    )
    start = berlin(2026, 1, 6, 9)
    assert add_business_time(BAVARIA, start, timedelta(hours=1)) == berlin(
        2026, 1, 7, 10
    )
    assert add_business_time(berlin_state, start, timedelta(hours=1)) == berlin(
        2026, 1, 6, 10
    )


def test_extra_closed_dates():
    schedule = Schedule(
        time_zone=BERLIN,
        hours=BAVARIA.hours,
        closed_dates=frozenset({date(2026, 3, 4)}),
    )
    due = add_business_time(schedule, berlin(2026, 3, 3, 16), timedelta(hours=2))
    assert due == berlin(2026, 3, 5, 10)


def test_time_zone_of_the_calendar_counts():
    # 14:00 UTC is 15:00 in Berlin (winter) but 09:00 in New York.
    new_york = Schedule(time_zone=NEW_YORK, hours=BAVARIA.hours)
    start = datetime(2026, 3, 3, 14, tzinfo=UTC)
    assert add_business_time(BAVARIA, start, timedelta(hours=3)) == berlin(
        2026, 3, 4, 10
    )
    assert add_business_time(new_york, start, timedelta(hours=3)) == datetime(
        2026, 3, 3, 12, tzinfo=NEW_YORK
    )


def test_spring_forward_night_counts_the_real_hours():
    # Night shift 01:00 to 04:00 on Sunday 29 March 2026 (02:00 becomes 03:00 in
    # Berlin): two hours pass, not three.
    night = Schedule(
        time_zone=BERLIN, hours=parse_hours(weekdays("01:00", "04:00", range(7)))
    )
    day = date(2026, 3, 29)
    start = datetime(2026, 3, 29, 0, tzinfo=BERLIN)
    end = datetime(2026, 3, 29, 5, tzinfo=BERLIN)
    assert business_time_between(night, start, end) == timedelta(hours=2)
    fall_back = datetime(2026, 10, 25, 0, tzinfo=BERLIN)
    assert business_time_between(
        night, fall_back, fall_back + timedelta(hours=6)
    ) == timedelta(hours=4)
    assert day.weekday() == 6


def test_due_over_a_dst_change_keeps_wall_clock_hours():
    # Friday 27 March 15:00 + 4h: Monday 30 March 11:00 local, although the offset
    # changed over the weekend.
    due = add_business_time(BAVARIA, berlin(2026, 3, 27, 15), timedelta(hours=4))
    assert due == berlin(2026, 3, 30, 11)
    assert due.utcoffset() == timedelta(0)  # results are in UTC
    assert due == datetime(2026, 3, 30, 9, tzinfo=UTC)


def test_24_hours_and_midnight_crossing():
    always = Schedule(
        time_zone=BERLIN, hours=parse_hours(weekdays("00:00", "24:00", range(7)))
    )
    start = berlin(2026, 3, 3, 23)
    assert add_business_time(always, start, timedelta(hours=2)) == berlin(2026, 3, 4, 1)


def test_zero_duration_and_empty_span():
    start = berlin(2026, 3, 7, 12)  # Saturday
    assert add_business_time(BAVARIA, start, timedelta(0)) == start
    assert business_time_between(BAVARIA, start, start - timedelta(hours=1)) == (
        timedelta(0)
    )
    assert business_time_between(BAVARIA, start, berlin(2026, 3, 8, 23)) == (
        timedelta(0)
    )


def test_no_open_hours_has_no_due_date():
    closed = Schedule(time_zone=BERLIN, hours=parse_hours([]))
    assert add_business_time(closed, berlin(2026, 3, 3), timedelta(minutes=1)) is None


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        add_business_time(BAVARIA, datetime(2026, 3, 3, 10), timedelta(hours=1))


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ([{"weekday": 7, "start": "09:00", "end": "17:00"}], "hours"),
        ([{"weekday": 0, "start": "17:00", "end": "09:00"}], "hours"),
        ([{"weekday": 0, "start": "9", "end": "17:00"}], "hours"),
        ([{"weekday": 0, "start": "09:00", "end": "24:01"}], "hours"),
    ],
)
def test_bad_hours_are_refused(rows, field):
    with pytest.raises(InvalidSchedule) as error:
        parse_hours(rows)
    assert error.value.field == field


def test_overlapping_intervals_merge():
    hours = parse_hours(
        [
            {"weekday": 0, "start": "09:00", "end": "12:00"},
            {"weekday": 0, "start": "11:00", "end": "13:00"},
            {"weekday": 0, "start": "14:00", "end": "18:00"},
        ]
    )
    assert hours[0] == ((540, 780), (840, 1080))


def test_regions_and_zones_are_checked():
    check_holiday_region("DE", "BY")
    check_holiday_region("", "")
    with pytest.raises(InvalidSchedule):
        check_holiday_region("XX", "")
    with pytest.raises(InvalidSchedule):
        check_holiday_region("DE", "ZZ")
    with pytest.raises(InvalidSchedule):
        check_holiday_region("", "BY")
    with pytest.raises(InvalidSchedule):
        check_time_zone("Mars/Olympus")


# --- properties -----------------------------------------------------------------------

instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)
).map(lambda value: value.replace(tzinfo=UTC))
durations = st.integers(min_value=0, max_value=60 * 24 * 40).map(
    lambda minutes: timedelta(minutes=minutes)
)
schedules = st.sampled_from(
    [
        BAVARIA,
        ALWAYS_OPEN,
        Schedule(
            time_zone=NEW_YORK,
            hours=parse_hours(weekdays("08:30", "12:00") + weekdays("13:00", "17:45")),
        ),
        Schedule(
            time_zone=BERLIN, hours=parse_hours(weekdays("01:00", "04:00", range(7)))
        ),
        Schedule(
            time_zone=ZoneInfo("Australia/Lord_Howe"),  # half-hour DST change
            hours=parse_hours(weekdays("00:00", "24:00", range(6))),
            holiday_country="AU",
            holiday_subdivision="NSW",
        ),
    ]
)


@settings(max_examples=150, deadline=None)
@given(schedule=schedules, start=instants, duration=durations)
def test_adding_then_measuring_gives_the_duration_back(schedule, start, duration):
    due = add_business_time(schedule, start, duration)
    assert due is not None
    assert due >= start
    assert business_time_between(schedule, start, due) == duration


@settings(max_examples=100, deadline=None)
@given(schedule=schedules, start=instants, first=durations, second=durations)
def test_adding_in_two_steps_is_adding_once(schedule, start, first, second):
    # Pausing (at a business instant) and going on later changes nothing: the due
    # instant of the whole equals the due instant of the rest after the first part.
    middle = add_business_time(schedule, start, first)
    assert middle is not None
    assert add_business_time(schedule, middle, second) == add_business_time(
        schedule, start, first + second
    )


@settings(max_examples=100, deadline=None)
@given(schedule=schedules, a=instants, b=instants, c=instants)
def test_measuring_is_additive(schedule, a, b, c):
    a, b, c = sorted((a, b, c))
    assert business_time_between(schedule, a, c) == business_time_between(
        schedule, a, b
    ) + business_time_between(schedule, b, c)
