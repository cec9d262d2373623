"""`ticketStatistics`: what staff with MANAGE_ORDERS get, who is refused and how, and
a query count that does not grow with the tickets."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk.models import Category, Ticket, TicketLine, TicketStatus
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.graphql.conftest import Api

TICKET_STATISTICS = """
query TicketStatistics(
  $period: TicketStatisticsPeriodInput!, $channel: ID, $languageCode: String
) {
  ticketStatistics(period: $period, channel: $channel, languageCode: $languageCode) {
    channelId
    total
    byStatus { status { slug } name count }
    byStatusGroup { group count }
    byKind { kind count }
    byCategory { category { slug } name count }
    byReason { reason lineCount ticketCount }
    byAssignee { assignee { email } count }
    firstResponseTime { median p90 count }
    resolutionTime { median p90 count }
    volume { date created closed }
  }
}
"""

PERIOD = {"gte": "2024-03-01T00:00:00+00:00", "lte": "2024-03-03T23:59:59+00:00"}
REFUSED = "You need the MANAGE_ORDERS permission to work tickets."


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def at(day: int, hour: int) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=UTC)


def ticket(channel, created, *, kind="question", status="new", **moments) -> Ticket:
    made = make_ticket(channel_id=channel.pk, kind=kind)
    Ticket.objects.filter(pk=made.pk).update(
        created_at=created, status=TicketStatus.objects.get(slug=status), **moments
    )
    return made


@pytest.fixture
def tickets(channel, other_channel, staff_user):
    """In `channel`: a question answered after 1 h and closed after 1 day, assigned;
    a complaint on the "defect" category answered after 3 h, with two lines; an
    unanswered question. In `other_channel`: a question answered after 10 s."""
    ticket(
        channel,
        at(1, 8),
        status="closed",
        first_response_at=at(1, 9),
        resolved_at=at(2, 8),
        closed_at=at(2, 8),
        assignee=staff_user,
    )
    complaint = ticket(
        channel,
        at(2, 10),
        kind="complaint",
        status="open",
        first_response_at=at(2, 13),
        category=Category.objects.get(kind="complaint", slug="defect"),
    )
    TicketLine.objects.create(ticket=complaint, quantity=1, reason="defective")
    TicketLine.objects.create(ticket=complaint, quantity=2, reason="wrong_item")
    ticket(channel, at(3, 12))
    ticket(
        other_channel,
        at(2, 9),
        first_response_at=at(2, 9) + timedelta(seconds=10),
    )


def refusal(api: Api, variables: dict) -> tuple[dict, list[dict]]:
    response = api.post(TICKET_STATISTICS, variables)
    assert response.status_code == 200, response.content
    body = response.json()
    return body["data"], body["errors"]


def test_staff_with_manage_orders_get_the_numbers_of_a_channel(
    staff_api, tickets, channel, staff_user
):
    data = staff_api(
        TICKET_STATISTICS,
        {"period": PERIOD, "channel": gid("Channel", channel.pk), "languageCode": "de"},
    )["ticketStatistics"]

    assert data["channelId"] == gid("Channel", channel.pk)
    assert data["total"] == 3
    by_status = {row["status"]["slug"]: row for row in data["byStatus"]}
    assert by_status["new"] == {"status": {"slug": "new"}, "name": "Neu", "count": 1}
    assert by_status["open"]["name"] == "Offen"
    assert by_status["open"]["count"] == 1
    assert by_status["closed"] == {
        "status": {"slug": "closed"},
        "name": "Geschlossen",
        "count": 1,
    }
    assert sum(row["count"] for row in data["byStatus"]) == 3
    assert data["byStatusGroup"] == [
        {"group": "NEW", "count": 1},
        {"group": "OPEN", "count": 1},
        {"group": "WAITING", "count": 0},
        {"group": "CLOSED", "count": 1},
    ]
    assert data["byKind"] == [
        {"kind": "QUESTION", "count": 2},
        {"kind": "COMPLAINT", "count": 1},
        {"kind": "REFUND_REQUEST", "count": 0},
        {"kind": "ORDER_PROBLEM", "count": 0},
        {"kind": "OTHER", "count": 0},
    ]
    assert data["byCategory"] == [
        {"category": None, "name": None, "count": 2},
        {"category": {"slug": "defect"}, "name": "Defekter Artikel", "count": 1},
    ]
    reasons = {row["reason"]: row for row in data["byReason"]}
    assert reasons["DEFECTIVE"] == {
        "reason": "DEFECTIVE",
        "lineCount": 1,
        "ticketCount": 1,
    }
    assert reasons["WRONG_ITEM"]["lineCount"] == 1
    assert reasons["OTHER"]["lineCount"] == 0
    assert data["byAssignee"] == [
        {"assignee": None, "count": 2},
        {"assignee": {"email": staff_user.email}, "count": 1},
    ]
    # First responses: 3600 and 10800 s. Median (3600 + 10800) / 2 = 7200; p90 at
    # position 0.9 * (2 - 1): 3600 + 0.9 * 7200 = 10080.
    assert data["firstResponseTime"] == {"median": 7200.0, "p90": 10080.0, "count": 2}
    assert data["resolutionTime"] == {"median": 86400.0, "p90": 86400.0, "count": 1}
    assert data["volume"] == [
        {"date": "2024-03-01", "created": 1, "closed": 0},
        {"date": "2024-03-02", "created": 1, "closed": 1},
        {"date": "2024-03-03", "created": 1, "closed": 0},
    ]


def test_labels_default_to_english_and_every_channel_is_counted(staff_api, tickets):
    data = staff_api(TICKET_STATISTICS, {"period": PERIOD})["ticketStatistics"]

    assert data["channelId"] is None
    assert data["total"] == 4
    assert {row["status"]["slug"]: row["name"] for row in data["byStatus"]}[
        "new"
    ] == "New"
    assert data["firstResponseTime"]["count"] == 3
    assert data["firstResponseTime"]["median"] == 3600.0


def test_channel_restricted_staff_count_their_channels_only(
    tickets, channel, other_channel
):
    restricted = StaffFactory(email="intl@shop.example")
    grant(restricted, "MANAGE_ORDERS", channels=[other_channel])
    api = Api(access_token_for(restricted))

    data = api(TICKET_STATISTICS, {"period": PERIOD})["ticketStatistics"]
    assert data["total"] == 1
    assert data["firstResponseTime"] == {"median": 10.0, "p90": 10.0, "count": 1}

    data, errors = refusal(
        api, {"period": PERIOD, "channel": gid("Channel", channel.pk)}
    )
    assert data == {"ticketStatistics": None}
    assert [(e["message"], e["extensions"]) for e in errors] == [
        (
            "You have no access to this channel.",
            {"code": "PERMISSION_DENIED", "field": "channel"},
        )
    ]


@pytest.fixture
def staff_without_manage_orders_api(db):
    return Api(access_token_for(StaffFactory(email="intern@shop.example")))


@pytest.mark.parametrize(
    "api_fixture",
    ["anonymous_api", "customer_api", "staff_without_manage_orders_api"],
)
def test_callers_without_manage_orders_are_refused(request, api_fixture, tickets):
    api = request.getfixturevalue(api_fixture)

    data, errors = refusal(api, {"period": PERIOD})

    assert data == {"ticketStatistics": None}
    assert len(errors) == 1
    assert errors[0]["message"] == REFUSED
    assert errors[0]["extensions"] == {"code": "PERMISSION_DENIED"}
    assert errors[0]["path"] == ["ticketStatistics"]


@pytest.mark.parametrize(
    ("period", "message", "code"),
    [
        (
            {"gte": "2024-03-02T00:00:00+00:00", "lte": "2024-03-01T00:00:00+00:00"},
            "The period ends before it starts.",
            "INVALID_PERIOD",
        ),
        (
            {"gte": "2024-01-01T00:00:00+00:00", "lte": "2025-01-01T00:00:01+00:00"},
            "The period is longer than 366 days.",
            "PERIOD_TOO_LONG",
        ),
    ],
)
def test_invalid_periods_are_refused(staff_api, period, message, code):
    data, errors = refusal(staff_api, {"period": period})

    assert data == {"ticketStatistics": None}
    assert [(e["message"], e["extensions"]) for e in errors] == [
        (message, {"code": code, "field": "period"})
    ]


def test_a_channel_id_of_another_type_is_refused(staff_api, channel):
    data, errors = refusal(
        staff_api, {"period": PERIOD, "channel": gid("Order", channel.pk)}
    )

    assert data == {"ticketStatistics": None}
    assert [(e["message"], e["extensions"]) for e in errors] == [
        (
            "Invalid ID: expected an ID of type Channel.",
            {"code": "INVALID", "field": "channel"},
        )
    ]


def test_an_anonymous_caller_learns_nothing_about_channel_ids(anonymous_api):
    _data, errors = refusal(anonymous_api, {"period": PERIOD, "channel": "nonsense"})

    assert [e["message"] for e in errors] == [REFUSED]


def test_the_number_of_queries_does_not_grow_with_the_tickets(
    staff_api, tickets, channel, staff_user, django_assert_num_queries
):
    variables = {"period": PERIOD, "languageCode": "de"}
    with CaptureQueriesContext(connection) as few:
        staff_api(TICKET_STATISTICS, variables)

    complaint_category = Category.objects.get(kind="complaint", slug="defect")
    for hour in range(15):
        made = ticket(
            channel,
            at(2, hour),
            kind="complaint",
            first_response_at=at(2, hour) + timedelta(minutes=hour),
            resolved_at=at(3, hour),
            closed_at=at(3, hour),
            assignee=staff_user,
            category=complaint_category,
        )
        TicketLine.objects.create(ticket=made, quantity=1, reason="defective")

    with django_assert_num_queries(len(few.captured_queries)):
        data = staff_api(TICKET_STATISTICS, variables)["ticketStatistics"]
    assert data["total"] == 19
