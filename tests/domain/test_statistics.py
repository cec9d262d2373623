"""Ticket statistics: exact numbers on a hand-built data set, the caller's channels,
period validation and who may ask."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import Category, Ticket, TicketLine, TicketStatus
from saleor_helpdesk.tickets.statistics import Durations, ticket_statistics
from tests.factories import make_ticket

SINCE = datetime(2024, 3, 1, tzinfo=UTC)
UNTIL = datetime(2024, 3, 7, 23, 59, 59, tzinfo=UTC)
HOUR = 3600
DAY = 24 * HOUR


def at(day: int, hour: int = 0, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=UTC)


def ticket(
    channel,
    created: datetime,
    *,
    kind: str = "question",
    status: str = "new",
    first_response: int | None = None,
    resolved: int | None = None,
    closed: datetime | None = None,
    assignee=None,
    category: str | None = None,
    reasons: tuple[str, ...] = (),
    merged_into: Ticket | None = None,
) -> Ticket:
    """A ticket made through the create action, then moved to the given moments
    (seconds after `created` for the first response and the resolution)."""
    made = make_ticket(
        channel_id=channel.pk,
        kind=kind,
        category_id=(
            Category.objects.get(kind=kind, slug=category).pk if category else None
        ),
    )
    Ticket.objects.filter(pk=made.pk).update(
        created_at=created,
        status=TicketStatus.objects.get(slug=status),
        first_response_at=(
            created + timedelta(seconds=first_response)
            if first_response is not None
            else None
        ),
        resolved_at=(
            created + timedelta(seconds=resolved) if resolved is not None else None
        ),
        closed_at=closed,
        assignee=assignee,
        merged_into=merged_into,
    )
    for reason in reasons:
        TicketLine.objects.create(ticket=made, quantity=1, reason=reason)
    made.refresh_from_db()
    return made


@pytest.fixture
def data_set(channel, other_channel, staff_user, colleague):
    """In `channel`, created in the period (1 to 7 March 2024):

    | ticket | created     | kind           | status           | 1st resp. | resolved | closed      | assignee  | category | line reasons                    |
    | a      | 1 Mar 10:00 | question       | closed           | 1 h       | 1 day    | 2 Mar 10:00 | staff     | product  |                                 |
    | b      | 1 Mar 12:00 | complaint      | open             | 2 h       |          |             | staff     | defect   | defective, damaged_in_transit   |
    | c      | 3 Mar 09:00 | complaint      | closed           | 4 h       | 2 days   | 5 Mar 09:00 | colleague |          | defective, defective            |
    | d      | 3 Mar 15:00 | refund_request | waiting_customer | 30 min    |          |             |           |          | defective (not a complaint)     |
    | e      | 6 Mar 08:00 | question       | new              |           |          |             |           |          |                                 |

    Not counted in `channel`'s numbers: `before` (created 20 Feb, closed 4 Mar: only
    in the closed volume), `after` (created 8 Mar), `merged` (a duplicate merged into
    a) and `elsewhere` (in `other_channel`, created 2 Mar, answered after 10 s).
    """
    a = ticket(
        channel,
        at(1, 10),
        status="closed",
        first_response=HOUR,
        resolved=DAY,
        closed=at(2, 10),
        assignee=staff_user,
        category="product",
    )
    ticket(
        channel,
        at(1, 12),
        kind="complaint",
        status="open",
        first_response=2 * HOUR,
        assignee=staff_user,
        category="defect",
        reasons=("defective", "damaged_in_transit"),
    )
    ticket(
        channel,
        at(3, 9),
        kind="complaint",
        status="closed",
        first_response=4 * HOUR,
        resolved=2 * DAY,
        closed=at(5, 9),
        assignee=colleague,
        reasons=("defective", "defective"),
    )
    ticket(
        channel,
        at(3, 15),
        kind="refund_request",
        status="waiting_customer",
        first_response=30 * 60,
        reasons=("defective",),
    )
    ticket(channel, at(6, 8))
    ticket(
        channel,
        at(20, 9, month=2),
        status="closed",
        resolved=13 * DAY,
        closed=at(4, 12),
    )
    ticket(channel, at(8, 9))
    ticket(channel, at(2, 9), status="closed", closed=at(2, 10), merged_into=a)
    ticket(other_channel, at(2, 9), first_response=10, assignee=colleague)


def counts(rows, key):
    return {getattr(row, key): row.count for row in rows}


def test_counts_of_one_channel(data_set, staff_actor, channel, staff_user, colleague):
    stats = ticket_statistics(
        staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
    )

    assert stats.total == 5
    assert {row.status.slug: row.count for row in stats.by_status} == {
        "new": 1,
        "open": 1,
        "in_progress": 0,
        "waiting_customer": 1,
        "answered": 0,
        "waiting_1": 0,
        "waiting_2": 0,
        "closed": 2,
    }
    # Workflow order, as the statuses are configured.
    assert [row.status.slug for row in stats.by_status] == list(
        TicketStatus.objects.order_by("position", "pk").values_list("slug", flat=True)
    )
    assert counts(stats.by_status_group, "group") == {
        "new": 1,
        "open": 1,
        "waiting": 1,
        "closed": 2,
    }
    assert counts(stats.by_kind, "kind") == {
        "question": 2,
        "complaint": 2,
        "refund_request": 1,
        "order_problem": 0,
        "other": 0,
    }
    # Most first; ties in the order of their IDs; the empty bucket last among equals.
    assert [
        (row.category.slug if row.category else None, row.count)
        for row in stats.by_category
    ] == [(None, 3), ("product", 1), ("defect", 1)]
    assert [(row.assignee, row.count) for row in stats.by_assignee] == [
        (staff_user, 2),
        (None, 2),
        (colleague, 1),
    ]


def test_complaint_reasons_are_counted_per_line_and_per_complaint(
    data_set, staff_actor, channel
):
    stats = ticket_statistics(
        staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
    )

    # b: defective + damaged_in_transit; c: defective twice. d's line is on a refund
    # request, not a complaint.
    assert {row.reason: (row.lines, row.tickets) for row in stats.by_reason} == {
        "defective": (3, 2),
        "damaged_in_transit": (1, 1),
        "wrong_item": (0, 0),
        "missing_item": (0, 0),
        "not_as_described": (0, 0),
        "not_delivered": (0, 0),
        "other": (0, 0),
    }


def test_response_and_resolution_times(data_set, staff_actor, channel):
    stats = ticket_statistics(
        staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
    )

    # First responses, sorted: 1800, 3600, 7200, 14400 seconds (e never answered).
    # Median: the mean of the middle two, (3600 + 7200) / 2 = 5400.
    # p90 (linear interpolation): position 0.9 * (4 - 1) = 2.7 between the values at
    # 2 and 3: 7200 + 0.7 * (14400 - 7200) = 12240.
    assert stats.first_response_time == Durations(median=5400.0, p90=12240.0, count=4)
    # Resolutions: 86400 (a) and 172800 (c); `before` was created before the period.
    # Median: (86400 + 172800) / 2 = 129600; p90: position 0.9 * (2 - 1) = 0.9:
    # 86400 + 0.9 * 86400 = 164160.
    assert stats.resolution_time == Durations(
        median=129600.0, p90=pytest.approx(164160.0), count=2
    )


def test_volume_per_day_fills_empty_days(data_set, staff_actor, channel):
    stats = ticket_statistics(
        staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
    )

    assert [(row.date, row.created, row.closed) for row in stats.volume] == [
        (date(2024, 3, 1), 2, 0),
        (date(2024, 3, 2), 0, 1),  # a closed; the merged duplicate is not counted
        (date(2024, 3, 3), 2, 0),
        (date(2024, 3, 4), 0, 1),  # `before`, created in February
        (date(2024, 3, 5), 0, 1),  # c
        (date(2024, 3, 6), 1, 0),
        (date(2024, 3, 7), 0, 0),
    ]


def test_every_channel_of_an_unrestricted_caller(data_set, staff_actor, colleague):
    stats = ticket_statistics(staff_actor, since=SINCE, until=UNTIL)

    assert stats.total == 6
    assert stats.first_response_time.count == 5
    # Sorted: 10, 1800, 3600, 7200, 14400; median the middle one; p90 at position
    # 0.9 * 4 = 3.6: 7200 + 0.6 * 7200 = 11520.
    assert stats.first_response_time.median == 3600.0
    assert stats.first_response_time.p90 == pytest.approx(11520.0)
    assert {row.assignee: row.count for row in stats.by_assignee}[colleague] == 2
    assert stats.volume[1].created == 1  # `elsewhere`, 2 March


def test_a_channel_restricted_caller_sees_only_their_channels(
    data_set, staff_user, channel, other_channel
):
    restricted = Actor.staff(
        staff_user, {Perm.MANAGE_ORDERS.value}, channel_ids=[other_channel.pk]
    )

    stats = ticket_statistics(restricted, since=SINCE, until=UNTIL)

    assert stats.total == 1
    assert stats.first_response_time == Durations(median=10.0, p90=10.0, count=1)
    assert (
        ticket_statistics(
            restricted, since=SINCE, until=UNTIL, channel_id=other_channel.pk
        ).total
        == 1
    )

    with pytest.raises(ValidationError) as refused:
        ticket_statistics(restricted, since=SINCE, until=UNTIL, channel_id=channel.pk)
    assert refused.value.message_dict == {
        "channel": ["You have no access to this channel."]
    }
    assert refused.value.error_dict["channel"][0].code == "permission_denied"


def test_an_empty_period_has_zeros_and_no_times(db, staff_actor, channel):
    stats = ticket_statistics(
        staff_actor,
        since=SINCE,
        until=SINCE + timedelta(days=1),
        channel_id=channel.pk,
    )

    assert stats.total == 0
    assert all(row.count == 0 for row in stats.by_status)
    assert stats.by_category == []
    assert stats.by_assignee == []
    assert stats.first_response_time == Durations(median=None, p90=None, count=0)
    assert stats.resolution_time == Durations(median=None, p90=None, count=0)
    assert [(row.date, row.created, row.closed) for row in stats.volume] == [
        (date(2024, 3, 1), 0, 0),
        (date(2024, 3, 2), 0, 0),
    ]


def test_the_period_is_inclusive_at_both_ends(db, staff_actor, channel):
    ticket(channel, SINCE)
    ticket(channel, UNTIL)
    ticket(channel, SINCE - timedelta(microseconds=1))
    ticket(channel, UNTIL + timedelta(seconds=1))

    stats = ticket_statistics(
        staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
    )

    assert stats.total == 2


@pytest.mark.parametrize(
    ("until", "code", "message"),
    [
        (
            SINCE - timedelta(seconds=1),
            "invalid_period",
            "The period ends before it starts.",
        ),
        (
            SINCE + timedelta(days=366, seconds=1),
            "period_too_long",
            "The period is longer than 366 days.",
        ),
    ],
)
def test_invalid_periods_are_refused(db, staff_actor, until, code, message):
    with pytest.raises(ValidationError) as refused:
        ticket_statistics(staff_actor, since=SINCE, until=until)

    assert refused.value.message_dict == {"period": [message]}
    assert refused.value.error_dict["period"][0].code == code


def test_a_year_of_366_days_is_allowed(db, staff_actor):
    stats = ticket_statistics(
        staff_actor, since=SINCE, until=SINCE + timedelta(days=366)
    )

    assert len(stats.volume) == 367
    assert stats.volume[-1].date == date(2025, 3, 2)


@pytest.mark.parametrize(
    "actor_fixture",
    ["staff_without_permission_actor", "customer_actor", "guest_actor"],
)
def test_callers_without_manage_orders_are_refused(request, actor_fixture):
    actor = request.getfixturevalue(actor_fixture)

    with pytest.raises(ValidationError) as refused:
        ticket_statistics(actor, since=SINCE, until=UNTIL)

    assert refused.value.messages == [
        "You need the MANAGE_ORDERS permission to work tickets."
    ]
    assert refused.value.code == "permission_denied"


def test_anonymous_callers_are_refused(db):
    with pytest.raises(ValidationError) as refused:
        ticket_statistics(Actor.anonymous(), since=SINCE, until=UNTIL)

    assert refused.value.code == "permission_denied"


def test_the_number_of_queries_does_not_grow_with_the_tickets(
    data_set, staff_actor, channel, django_assert_num_queries
):
    # Totals with kinds and times; statuses grouped; the statuses; categories grouped;
    # their rows; assignees grouped; their rows; reasons; created and closed per day.
    with django_assert_num_queries(10):
        ticket_statistics(staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk)

    for hour in range(20):
        ticket(channel, at(4, hour), first_response=60, category="product")

    with django_assert_num_queries(10):
        stats = ticket_statistics(
            staff_actor, since=SINCE, until=UNTIL, channel_id=channel.pk
        )
    assert stats.total == 25
