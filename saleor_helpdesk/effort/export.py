"""The time entries of a period as CSV (for invoicing and payroll), streamed: entries
are read in chunks by a server-side cursor and written row by row, so a year of
entries never sits in memory.

One row per entry, oldest first. The columns' headings in German or English; the
figures in a form spreadsheets read in any locale (ISO times, minutes with a point).
A cell that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'`, so a
ticket subject written by a customer cannot run in the merchant's spreadsheet.
"""

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

from ..core.actor import Actor
from .statistics import entries_in_period

CHUNK = 500
COLUMNS = (
    "entry",
    "ticket",
    "subject",
    "channel",
    "category",
    "agent",
    "agent_name",
    "source",
    "started_at",
    "minutes",
    "note",
)
HEADINGS = {
    "en": (
        "Entry",
        "Ticket",
        "Subject",
        "Channel",
        "Category",
        "Agent",
        "Agent name",
        "Source",
        "Started at",
        "Minutes",
        "Note",
    ),
    "de": (
        "Eintrag",
        "Ticket",
        "Betreff",
        "Kanal",
        "Kategorie",
        "Mitarbeiter",
        "Name",
        "Quelle",
        "Beginn",
        "Minuten",
        "Notiz",
    ),
}
SOURCES = {
    "en": {"automatic": "measured", "manual": "manual"},
    "de": {"automatic": "gemessen", "manual": "manuell"},
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def export_time_entries(
    actor: Actor,
    *,
    since: datetime,
    until: datetime,
    channel_id: int | None = None,
    language: str = "en",
) -> Iterator[str]:
    """Checks the caller and the period at once (raising before the first row), then
    yields the CSV's lines."""
    language = language if language in HEADINGS else "en"
    entries = (
        entries_in_period(actor, since, until, channel_id)
        .order_by("started_at", "pk")
        .values_list(
            "pk",
            "ticket__number",
            "ticket__subject",
            "ticket__channel__slug",
            "ticket__category__name",
            "user__email",
            "user__first_name",
            "user__last_name",
            "source",
            "started_at",
            "seconds",
            "note",
        )
    )
    return _lines(entries.iterator(chunk_size=CHUNK), language)


def _lines(rows: Iterator[tuple], language: str) -> Iterator[str]:
    yield _line(list(HEADINGS[language]))
    sources = SOURCES[language]
    for (
        pk,
        number,
        subject,
        channel,
        category,
        email,
        first_name,
        last_name,
        source,
        started_at,
        seconds,
        note,
    ) in rows:
        name = f"{first_name or ''} {last_name or ''}".strip()
        minutes = (Decimal(seconds) / 60).quantize(Decimal("0.01"))
        yield _line(
            [
                str(pk),
                str(number),
                _cell(subject),
                _cell(channel),
                _cell(category),
                _cell(email),
                _cell(name),
                sources.get(source, source),
                started_at.isoformat() if isinstance(started_at, datetime) else "",
                str(minutes),
                _cell(note),
            ]
        )
