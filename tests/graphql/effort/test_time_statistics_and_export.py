"""timeStatistics and the CSV export: time per agent, channel and category of a
period, for staff with MANAGE_ORDERS over their channels."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.test import Client

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.models import Category, Ticket, TimeEntry
from tests.factories import access_token_for, make_ticket
from tests.graphql.effort.conftest import REFUSED_QUERY, refusal
from tests.graphql.staff.conftest import NOT_STAFF

TIME_STATISTICS = """
query Time($period: TicketStatisticsPeriodInput!, $channel: ID) {
  timeStatistics(period: $period, channel: $channel) {
    totalSeconds entries
    byAgent { user { email } seconds entries }
    byChannel { channel { slug } seconds entries }
    byCategory { category { slug } seconds entries }
  }
}
"""
PERIOD = {"gte": "2026-03-01T00:00:00+00:00", "lte": "2026-03-31T23:59:59+00:00"}
EXPORT_URL = f"/plugins/global/{PLUGIN_ID}/effort/export/"


def on(day: int) -> datetime:
    return datetime(2026, 3, day, 10, tzinfo=UTC)


@pytest.fixture
def times(channel, other_channel, staff_user, colleague):
    """In March: 30 min of the agent and 10 of the colleague on a ticket of the
    default channel in a category; 20 min of the agent on one of the other channel;
    and an hour in February, outside the period."""
    category = Category.objects.filter(kind="question").first()
    first = make_ticket(channel_id=channel.pk, subject="=SUMME(A1)")
    Ticket.objects.filter(pk=first.pk).update(category=category)
    second = make_ticket(channel_id=other_channel.pk)
    for ticket, user, day, minutes, note in (
        (first, staff_user, 2, 30, "Anruf"),
        (first, colleague, 3, 10, ""),
        (second, staff_user, 4, 20, ""),
    ):
        TimeEntry.objects.create(
            ticket=ticket,
            user=user,
            source="manual" if note else "automatic",
            started_at=on(day),
            seconds=minutes * 60,
            note=note,
        )
    TimeEntry.objects.create(
        ticket=first,
        user=staff_user,
        source="manual",
        started_at=datetime(2026, 2, 1, tzinfo=UTC),
        seconds=3600,
    )
    return category


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_get_time_statistics(api_as, caller, times):
    data, errors = refusal(api_as(caller), TIME_STATISTICS, {"period": PERIOD})

    assert data == {"timeStatistics": None}
    assert errors == [("PERMISSION_DENIED", None, REFUSED_QUERY)]


def test_time_per_agent_channel_and_category(staff_api, times, channel, other_channel):
    data = staff_api(TIME_STATISTICS, {"period": PERIOD})["timeStatistics"]

    assert data == {
        "totalSeconds": 3600,
        "entries": 3,
        "byAgent": [
            {"user": {"email": "agent@shop.example"}, "seconds": 3000, "entries": 2},
            {"user": {"email": "colleague@shop.example"}, "seconds": 600, "entries": 1},
        ],
        "byChannel": [
            {"channel": {"slug": "default-channel"}, "seconds": 2400, "entries": 2},
            {"channel": {"slug": "other-channel"}, "seconds": 1200, "entries": 1},
        ],
        "byCategory": [
            {"category": {"slug": times.slug}, "seconds": 2400, "entries": 2},
            {"category": None, "seconds": 1200, "entries": 1},
        ],
    }


def test_staff_of_one_channel_see_its_time_only(times, other_channel_staff_api):
    data = other_channel_staff_api(TIME_STATISTICS, {"period": PERIOD})

    assert data["timeStatistics"]["totalSeconds"] == 1200


def test_a_period_longer_than_a_year_is_refused(staff_api):
    data, errors = refusal(
        staff_api,
        TIME_STATISTICS,
        {
            "period": {
                "gte": "2024-01-01T00:00:00+00:00",
                "lte": "2026-01-01T00:00:00+00:00",
            }
        },
    )

    assert data == {"timeStatistics": None}
    assert errors == [
        ("PERIOD_TOO_LONG", "period", "The period is longer than 366 days.")
    ]


def export(token, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().get(EXPORT_URL, params, **headers)


def test_the_export_is_a_csv_of_the_periods_entries(staff_api, staff_user, times):
    response = export(access_token_for(staff_user), language="de", **PERIOD)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
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
    ]
    assert [(r[2], r[3], r[5], r[7], r[9], r[10]) for r in rows[1:]] == [
        # a subject that looks like a formula is written as text
        (
            "'=SUMME(A1)",
            "default-channel",
            "agent@shop.example",
            "manuell",
            "30.00",
            "Anruf",
        ),
        (
            "'=SUMME(A1)",
            "default-channel",
            "colleague@shop.example",
            "gemessen",
            "10.00",
            "",
        ),
        (
            "Where is my parcel?",
            "other-channel",
            "agent@shop.example",
            "gemessen",
            "20.00",
            "",
        ),
    ]


def test_the_export_refuses_whoever_may_not_work_tickets(customer, times):
    assert export(None, **PERIOD).status_code == 401
    refused = export(access_token_for(customer), **PERIOD)
    assert refused.status_code == 403
    assert refused.json() == {
        "error": {"code": "permission_denied", "message": REFUSED_QUERY}
    }


def test_the_export_refuses_a_bad_period(staff_api, staff_user):
    response = export(access_token_for(staff_user), gte="gestern", lte="heute")

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid",
            "message": "Give `gte` as an ISO 8601 date and time.",
            "field": "gte",
        }
    }
