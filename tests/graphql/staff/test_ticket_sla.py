"""A ticket's service levels in the API: staff see the due instant, the state and each
target; the inbox sorts and filters by them; customers never see any of it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from saleor_helpdesk.models import BusinessCalendar, SlaPolicy, Ticket
from saleor_helpdesk.sla.tasks import check_service_levels
from tests.factories import access_token_for, make_ticket
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import gid

BERLIN = ZoneInfo("Europe/Berlin")

TICKET = """query($id: ID!) { ticket(id: $id) {
  number slaDueAt slaState
  slaTargets { metric state targetMinutes consumedMinutes remainingMinutes dueAt
               startedAt pausedAt metAt breachedAt }
} }"""
INBOX = """query($filter: TicketFilterInput, $sort: TicketSortingInput) {
  tickets(first: 50, filter: $filter, sortBy: $sort) {
    totalCount edges { node { number slaDueAt slaState slaTargets { metric state } } }
  }
}"""
ATTAINMENT = """query($channel: ID) { slaAttainment(
  period: {gte: "2026-03-01T00:00:00+01:00", lte: "2026-03-31T23:59:59+02:00"},
  channel: $channel) {
  overall { met breached running total attainment }
  byMetric { metric counts { met breached total } }
  byChannel { channel { slug } counts { total } }
  byPriority { priority { slug } counts { total } }
  byAssignee { assignee { email } counts { total } }
  byWeek { week counts { met breached total } }
} }"""


def frozen_api(user) -> Api:
    """A token issued at the frozen time (one from the real now is not valid yet)."""
    return Api(access_token_for(user))


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.fixture
def sla(db):
    BusinessCalendar.objects.create(
        name="Bavaria",
        time_zone="Europe/Berlin",
        hours=[{"weekday": d, "start": "09:00", "end": "17:00"} for d in range(5)],
        holiday_country="DE",
        holiday_subdivision="BY",
        is_default=True,
    )
    return SlaPolicy.objects.create(
        name="First answer within 4 business hours", first_response_minutes=240
    )


@pytest.fixture
def tickets(sla, customer_actor, channel, staff_actor):
    """Three tickets: opened Tuesday 9:00 (breached by 15:00), 12:00 (on track then),
    and one answered in time."""
    from saleor_helpdesk.actions import add_comment

    made = {}
    for name, hour in (("late", 9), ("fresh", 12), ("answered", 10)):
        with freeze_time(berlin(2026, 3, 3, hour)):
            made[name] = make_ticket(customer_actor, channel_id=channel.pk)
    with freeze_time(berlin(2026, 3, 3, 11)):
        add_comment(staff_actor, made["answered"].pk, "Done.")
    return made


def test_staff_see_the_targets_of_a_ticket(staff_api, staff_user, tickets):
    with freeze_time(berlin(2026, 3, 3, 15)):
        check_service_levels()
        late = frozen_api(staff_user)(
            TICKET, {"id": gid("Ticket", tickets["late"].pk)}
        )["ticket"]

    assert late["slaState"] == "BREACHED"
    assert datetime.fromisoformat(late["slaDueAt"]) == berlin(2026, 3, 3, 13)
    [target] = late["slaTargets"]
    assert target["metric"] == "FIRST_RESPONSE"
    assert target["state"] == "BREACHED"
    assert target["targetMinutes"] == 240
    # 9:00 to 15:00: six business hours used, overdue by two.
    assert target["consumedMinutes"] == 360
    assert target["remainingMinutes"] == -120
    assert target["breachedAt"] is not None


def test_customers_never_see_service_levels(customer_api, tickets):
    ticket = customer_api(TICKET, {"id": gid("Ticket", tickets["late"].pk)})["ticket"]

    assert (ticket["slaDueAt"], ticket["slaState"], ticket["slaTargets"]) == (
        None,
        None,
        None,
    )


def test_customers_cannot_sort_or_filter_by_service_levels(customer_api, tickets):
    for variables in (
        {"sort": {"field": "SLA_DUE", "direction": "ASC"}},
        {"filter": {"slaStates": ["BREACHED"]}},
    ):
        body = customer_api.post(INBOX, variables).json()
        assert body["data"] == {"tickets": None}
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


def test_the_inbox_sorts_by_due_and_filters_by_state(staff_api, staff_user, tickets):
    numbers = {name: t.number for name, t in tickets.items()}
    with freeze_time(berlin(2026, 3, 3, 14, 30)):
        staff_api = frozen_api(staff_user)
        soonest = staff_api(INBOX, {"sort": {"field": "SLA_DUE", "direction": "ASC"}})
        breached = staff_api(INBOX, {"filter": {"slaStates": ["BREACHED"]}})
        at_risk = staff_api(INBOX, {"filter": {"slaStates": ["AT_RISK", "ON_TRACK"]}})
        met = staff_api(INBOX, {"filter": {"slaStates": ["MET"]}})

    order = [e["node"]["number"] for e in soonest["tickets"]["edges"]]
    # due first (the late one, overdue), then the fresh one; no running target last
    assert order == [numbers["late"], numbers["fresh"], numbers["answered"]]
    assert [e["node"]["number"] for e in breached["tickets"]["edges"]] == [
        numbers["late"]
    ]
    assert [e["node"]["slaState"] for e in at_risk["tickets"]["edges"]] == ["ON_TRACK"]
    assert [e["node"]["number"] for e in met["tickets"]["edges"]] == [
        numbers["answered"]
    ]


def test_the_inbox_reads_service_levels_in_a_fixed_number_of_queries(
    staff_api, sla, customer_actor, channel, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_ticket(customer_actor, channel_id=channel.pk)
    with CaptureQueriesContext(connection) as few:
        staff_api(INBOX)
    for _ in range(10):
        make_ticket(customer_actor, channel_id=channel.pk)

    # ten more tickets, not one query more: the targets come by one dataloader query
    with django_assert_max_num_queries(len(few.captured_queries)):
        result = staff_api(INBOX)
    assert result["tickets"]["totalCount"] == 11


def test_attainment_per_target_channel_priority_assignee_and_week(
    staff_api, staff_user, tickets, channel, customer_api
):
    with freeze_time(berlin(2026, 3, 3, 15)):
        check_service_levels()
        numbers = frozen_api(staff_user)(ATTAINMENT)["slaAttainment"]

    assert numbers["overall"] == {
        "met": 1,
        "breached": 1,
        "running": 1,
        "total": 3,
        "attainment": 0.5,
    }
    assert numbers["byMetric"] == [
        {"metric": "FIRST_RESPONSE", "counts": {"met": 1, "breached": 1, "total": 3}}
    ]
    assert numbers["byChannel"] == [
        {"channel": {"slug": channel.slug}, "counts": {"total": 3}}
    ]
    assert numbers["byPriority"][0]["counts"] == {"total": 3}
    assert numbers["byAssignee"] == [{"assignee": None, "counts": {"total": 3}}]
    assert numbers["byWeek"] == [
        {"week": "2026-03-02", "counts": {"met": 1, "breached": 1, "total": 3}}
    ]

    # customers are refused
    body = customer_api.post(ATTAINMENT).json()
    assert body["data"] == {"slaAttainment": None}
    assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert Ticket.objects.count() == 3
