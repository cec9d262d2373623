"""`ticketSatisfactionStatistics`: figures per agent, channel and period for staff with
MANAGE_ORDERS (over their channels); refusals for everyone else; a query count that
does not grow with the ratings."""

from datetime import UTC, datetime

import pytest
from graphene.relay import Node

from saleor_helpdesk.models import SatisfactionRating
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.graphql.benchmark.test_query_budgets import count_queries
from tests.graphql.conftest import Api

STATISTICS = """
query Satisfaction(
  $period: TicketSatisfactionPeriodInput!,
  $channel: ID,
  $interval: TicketSatisfactionIntervalEnum
) {
  ticketSatisfactionStatistics(
    period: $period, channel: $channel, interval: $interval
  ) {
    interval
    overall { count average csat distribution { score count } }
    byAgent { agent { email } summary { count average csat } }
    byChannel { channel { slug } summary { count average } }
    byPeriod { start summary { count average } }
  }
}
"""

MARCH = {"gte": "2024-03-01T00:00:00+00:00", "lte": "2024-03-31T23:59:59+00:00"}
REFUSED = "You need the MANAGE_ORDERS permission to work tickets."


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def rate(channel, score, day, agent=None):
    ticket = make_ticket(channel_id=channel.pk)
    return SatisfactionRating.objects.create(
        ticket=ticket,
        score=score,
        source="email_link",
        agent=agent,
        channel=channel,
        created_at=datetime(2024, 3, day, 12, tzinfo=UTC),
    )


@pytest.fixture
def ratings(channel, other_channel, staff_user, colleague):
    rate(channel, 5, 4, staff_user)  # week of 4 March
    rate(channel, 4, 5, staff_user)
    rate(channel, 1, 12, colleague)  # week of 11 March
    rate(other_channel, 3, 20)  # unassigned, week of 18 March
    rate(channel, 5, 2, staff_user)  # week of 26 February (Saturday 2 March)
    # before the period: not counted
    early = rate(channel, 1, 1, staff_user)
    SatisfactionRating.objects.filter(pk=early.pk).update(
        created_at=datetime(2024, 2, 28, tzinfo=UTC)
    )


def test_staff_get_the_figures(staff_api, ratings):
    data = staff_api(STATISTICS, {"period": MARCH, "interval": "WEEK"})
    stats = data["ticketSatisfactionStatistics"]

    # five ratings in March: 5, 4, 1, 3, 5
    assert stats["overall"] == {
        "count": 5,
        "average": 3.6,
        "csat": 60.0,
        "distribution": [
            {"score": 1, "count": 1},
            {"score": 2, "count": 0},
            {"score": 3, "count": 1},
            {"score": 4, "count": 1},
            {"score": 5, "count": 2},
        ],
    }
    assert stats["byAgent"] == [
        {
            "agent": {"email": "agent@shop.example"},
            "summary": {"count": 3, "average": 4.67, "csat": 100.0},
        },
        {
            "agent": {"email": "colleague@shop.example"},
            "summary": {"count": 1, "average": 1.0, "csat": 0.0},
        },
        {"agent": None, "summary": {"count": 1, "average": 3.0, "csat": 0.0}},
    ]
    assert stats["byChannel"] == [
        {
            "channel": {"slug": "default-channel"},
            "summary": {"count": 4, "average": 3.75},
        },
        {"channel": {"slug": "other-channel"}, "summary": {"count": 1, "average": 3.0}},
    ]
    assert [(p["start"], p["summary"]["count"]) for p in stats["byPeriod"]] == [
        ("2024-02-26", 1),
        ("2024-03-04", 2),
        ("2024-03-11", 1),
        ("2024-03-18", 1),
        ("2024-03-25", 0),
    ]


def test_by_month_and_one_channel(staff_api, ratings, channel):
    stats = staff_api(
        STATISTICS, {"period": MARCH, "channel": gid("Channel", channel.pk)}
    )["ticketSatisfactionStatistics"]
    assert stats["interval"] == "MONTH"
    assert stats["overall"]["count"] == 4
    assert stats["byPeriod"] == [
        {"start": "2024-03-01", "summary": {"count": 4, "average": 3.75}}
    ]


def test_staff_of_one_channel_see_only_its_ratings(ratings, channel, other_channel):
    staff = StaffFactory(email="shop-de@shop.example")
    grant(staff, "MANAGE_ORDERS", channels=[channel])
    stats = Api(access_token_for(staff))(STATISTICS, {"period": MARCH})[
        "ticketSatisfactionStatistics"
    ]
    assert stats["overall"]["count"] == 4
    # and asking for the other channel is refused
    response = Api(access_token_for(staff)).post(
        STATISTICS, {"period": MARCH, "channel": gid("Channel", other_channel.pk)}
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission"]
)
def test_others_are_refused(caller, customer, ratings):
    api = {
        "anonymous": lambda: Api(),
        "customer": lambda: Api(access_token_for(customer)),
        "staff_without_permission": lambda: Api(
            access_token_for(StaffFactory(email="intern@shop.example"))
        ),
    }[caller]()
    body = api.post(STATISTICS, {"period": MARCH}).json()
    assert body["data"]["ticketSatisfactionStatistics"] is None
    [error] = body["errors"]
    assert error["message"] == REFUSED
    assert error["extensions"]["code"] == "PERMISSION_DENIED"


def test_a_period_too_long_is_refused(staff_api):
    body = staff_api.post(
        STATISTICS,
        {
            "period": {
                "gte": "2023-01-01T00:00:00+00:00",
                "lte": "2024-03-01T00:00:00+00:00",
            }
        },
    ).json()
    assert body["errors"][0]["extensions"]["code"] == "PERIOD_TOO_LONG"


def test_the_query_count_does_not_grow_with_the_ratings(
    staff_api, channel, staff_user, colleague
):
    rate(channel, 4, 3, staff_user)
    few = count_queries(staff_api, STATISTICS, {"period": MARCH})
    for day in range(4, 28):
        rate(channel, day % 5 + 1, day, staff_user if day % 2 else colleague)
    # authentication, then overall, per agent, per channel, per period (one each),
    # the agents' users and the channels (one batch each)
    assert count_queries(staff_api, STATISTICS, {"period": MARCH}) == few
