"""Business-time arithmetic: pure functions over a `Schedule`, no database.

Business time is the real (absolute) time that falls inside the open hours of a
calendar: weekly intervals of local wall-clock time in the calendar's time zone, on days
that are neither public holidays (the `holidays` library, by country and subdivision)
nor extra closed dates. An interval that spans a DST change therefore counts the hours
that actually pass (a 01:00 to 04:00 window is two hours on the spring-forward night and
four on the fall-back night); wall-clock times that do not exist on a spring-forward
day are read as `zoneinfo` reads them (the offset before the change).

All instants in and out are aware datetimes; results are in UTC.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays

MINUTES_PER_DAY = 24 * 60
WEEKDAYS = 7
# A search for open hours gives up after this many days: a calendar whose open days are
# all closed for years (a closed-dates list gone wrong) has no due date.
MAX_SEARCH_DAYS = 366 * 3

_HHMM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class InvalidSchedule(ValueError):
    """The calendar data cannot be used; `field` names what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def parse_clock(value: str, field: str = "hours") -> int:
    """ "HH:MM" (00:00 to 24:00) as minutes after midnight."""
    match = _HHMM.match(value or "")
    minutes = int(match.group(1)) * 60 + int(match.group(2)) if match else -1
    if not match or minutes > MINUTES_PER_DAY:
        raise InvalidSchedule(field, f"'{value}' is not a time of day like 09:00.")
    return minutes


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hours(
    rows: Sequence[dict[str, object]],
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Weekly hours as stored ({"weekday", "start", "end"} rows) → for each weekday
    (Monday first) its intervals in minutes, sorted and merged. Refuses an interval that
    ends before it starts or a weekday outside 0 to 6."""
    days: list[list[tuple[int, int]]] = [[] for _ in range(WEEKDAYS)]
    for row in rows:
        weekday = row.get("weekday")
        if not isinstance(weekday, int) or not 0 <= weekday < WEEKDAYS:
            raise InvalidSchedule("hours", "A weekday is 0 (Monday) to 6 (Sunday).")
        start = parse_clock(str(row.get("start", "")))
        end = parse_clock(str(row.get("end", "")))
        if end <= start:
            raise InvalidSchedule(
                "hours",
                f"Opening hours must end after they start ({format_clock(start)} to "
                f"{format_clock(end)}).",
            )
        days[weekday].append((start, end))
    merged: list[tuple[tuple[int, int], ...]] = []
    for intervals in days:
        out: list[tuple[int, int]] = []
        for start, end in sorted(intervals):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        merged.append(tuple(out))
    return tuple(merged)


def check_time_zone(name: str) -> ZoneInfo:
    if name not in _zone_names():
        raise InvalidSchedule("time_zone", f"Unknown time zone '{name}'.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidSchedule("time_zone", f"Unknown time zone '{name}'.") from error


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def check_holiday_region(country: str, subdivision: str) -> None:
    """Refuse a country or subdivision the `holidays` library does not know."""
    if not country:
        if subdivision:
            raise InvalidSchedule(
                "holiday_subdivision", "Choose the country of the subdivision."
            )
        return
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise InvalidSchedule("holiday_country", f"Unknown country '{country}'.")
    if subdivision and subdivision not in supported[country]:
        raise InvalidSchedule(
            "holiday_subdivision",
            f"'{subdivision}' is not a subdivision of {country}.",
        )


# Public holidays of a region and year never change within a release of the library:
# pure data, cached per process.
@lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str, year: int) -> frozenset[date]:
    found = holidays.country_holidays(country, subdiv=subdivision or None, years=[year])
    return frozenset(found.keys())


@dataclass(frozen=True)
class Schedule:
    """Open hours, as `parse_hours` returns them, in `time_zone`."""

    time_zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    hours: tuple[tuple[tuple[int, int], ...], ...] = tuple(
        ((0, MINUTES_PER_DAY),) for _ in range(WEEKDAYS)
    )
    holiday_country: str = ""
    holiday_subdivision: str = ""
    closed_dates: frozenset[date] = frozenset()

    @property
    def has_hours(self) -> bool:
        return any(self.hours)

    def is_closed_day(self, day: date) -> bool:
        if day in self.closed_dates:
            return True
        if self.holiday_country:
            return day in _holidays(
                self.holiday_country, self.holiday_subdivision, day.year
            )
        return False

    def _instant(self, day: date, minutes: int) -> datetime:
        # Wall-clock arithmetic on the local date, then to UTC: 24:00 is the next
        # midnight, and each boundary takes its own offset.
        wall = datetime.combine(day, time()) + timedelta(minutes=minutes)
        return wall.replace(tzinfo=self.time_zone).astimezone(UTC)

    def day_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The open intervals of one local date, as UTC instants."""
        if self.is_closed_day(day):
            return []
        out = []
        for start, end in self.hours[day.weekday()]:
            begin, finish = self._instant(day, start), self._instant(day, end)
            if finish > begin:
                out.append((begin, finish))
        return out

    def local_date(self, instant: datetime) -> date:
        return instant.astimezone(self.time_zone).date()


ALWAYS_OPEN = Schedule()


def open_intervals(
    schedule: Schedule, start: datetime, *, days: int = MAX_SEARCH_DAYS
) -> Iterator[tuple[datetime, datetime]]:
    """Open intervals from `start` on (the first one clipped to begin at `start`), in
    order, for at most `days` local days."""
    _require_aware(start)
    # The day before too: an interval of yesterday may reach past midnight in UTC.
    day = schedule.local_date(start) - timedelta(days=1)
    for _ in range(days + 1):
        for begin, finish in schedule.day_intervals(day):
            if finish <= start:
                continue
            yield max(begin, start), finish
        day += timedelta(days=1)


def business_time_between(
    schedule: Schedule, start: datetime, end: datetime
) -> timedelta:
    """The business time in [start, end) (zero when end is not after start)."""
    _require_aware(end)
    if end <= start:
        return timedelta(0)
    total = timedelta(0)
    span_days = (end - start).days + 2
    for begin, finish in open_intervals(schedule, start, days=span_days):
        if begin >= end:
            break
        total += min(finish, end) - begin
    return total


def add_business_time(
    schedule: Schedule, start: datetime, duration: timedelta
) -> datetime | None:
    """The instant when `duration` of business time has passed since `start`; None if
    the calendar has no open hours within `MAX_SEARCH_DAYS`. A zero duration gives
    `start` itself."""
    if duration <= timedelta(0):
        _require_aware(start)
        return start.astimezone(UTC)
    left = duration
    for begin, finish in open_intervals(schedule, start):
        length = finish - begin
        if length >= left:
            return begin + left
        left -= length
    return None


def _require_aware(value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("Business time needs aware datetimes.")
