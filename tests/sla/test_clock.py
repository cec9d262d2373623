"""The clocks move with the ticket: started on creation, met by replies, paused while
the ticket waits for the customer, resumed on their reply, re-matched on changes."""

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from saleor_helpdesk.actions import (
    add_comment,
    bulk_update_tickets,
    change_priority,
    change_status,
    close_ticket,
    reopen_ticket,
)
from saleor_helpdesk.core.constants import SlaMetric
from saleor_helpdesk.models import Priority, SlaTarget, Ticket, TicketStatus
from tests.factories import make_ticket

from .conftest import berlin


def targets(ticket):
    return {
        t.metric: t
        for t in SlaTarget.objects.filter(ticket=ticket, cancelled_at__isnull=True)
    }


def due(ticket):
    return Ticket.objects.values_list("sla_due_at", flat=True).get(pk=ticket.pk)


@pytest.fixture
def opened(policy, customer_actor, channel):
    # Tuesday 3 March 2026, 10:00 in Munich.
    with freeze_time(berlin(2026, 3, 3, 10)):
        return make_ticket(customer_actor, channel_id=channel.pk)


def test_a_new_ticket_gets_its_targets_in_business_time(opened):
    # Given the Bavaria calendar and "first answer within 4 business hours"
    rows = targets(opened)

    # Then the first response is due at 14:00 the same day, the resolution (16
    # business hours) on Thursday at 10:00; the ticket shows the earliest.
    assert set(rows) == {SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION}
    assert rows[SlaMetric.FIRST_RESPONSE].due_at == berlin(2026, 3, 3, 14)
    assert rows[SlaMetric.FIRST_RESPONSE].at_risk_at == berlin(2026, 3, 3, 13)
    assert rows[SlaMetric.RESOLUTION].due_at == berlin(2026, 3, 5, 10)
    assert due(opened) == berlin(2026, 3, 3, 14)
    assert opened.sla_due_at == berlin(2026, 3, 3, 14)


def test_no_policy_no_targets(customer_actor, channel, db):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)

    assert not SlaTarget.objects.filter(ticket=ticket).exists()
    assert due(ticket) is None


def test_a_public_staff_reply_meets_the_first_response(opened, staff_actor):
    with freeze_time(berlin(2026, 3, 3, 11)):
        add_comment(staff_actor, opened.pk, "An internal thought.", internal=True)
    assert targets(opened)[SlaMetric.FIRST_RESPONSE].met_at is None

    with freeze_time(berlin(2026, 3, 3, 12)):
        add_comment(staff_actor, opened.pk, "We are on it.")

    first = targets(opened)[SlaMetric.FIRST_RESPONSE]
    assert first.met_at == berlin(2026, 3, 3, 12)
    assert first.breached_at is None
    assert first.consumed_seconds == 2 * 3600
    # The resolution target remains.
    assert due(opened) == berlin(2026, 3, 5, 10)


def test_a_late_answer_is_met_and_breached(opened, staff_actor):
    with freeze_time(berlin(2026, 3, 4, 10)):
        add_comment(staff_actor, opened.pk, "Sorry for the wait.")

    first = targets(opened)[SlaMetric.FIRST_RESPONSE]
    assert first.met_at == berlin(2026, 3, 4, 10)
    assert first.breached_at == berlin(2026, 3, 3, 14)


def test_waiting_for_the_customer_pauses_and_their_reply_resumes(
    opened, staff_actor, customer_actor
):
    waiting = TicketStatus.objects.get(slug="waiting_customer")
    assert waiting.pauses_sla
    # 12:00: staff answer and wait for the customer (2 business hours used).
    with freeze_time(berlin(2026, 3, 3, 12)):
        add_comment(staff_actor, opened.pk, "Which size?", status_id=waiting.pk)
    resolution = targets(opened)[SlaMetric.RESOLUTION]
    assert resolution.running_since is None
    assert resolution.paused_at == berlin(2026, 3, 3, 12)
    assert resolution.due_at is None
    assert due(opened) is None

    # The customer answers on Friday at 10:00: the ticket reopens, the resolution
    # clock resumes with 14 hours left (Friday 10-17, Monday 9-16), and their message
    # starts a next-response target of 8 hours (Friday 10-17, Monday 9-10).
    with freeze_time(berlin(2026, 3, 6, 10)):
        add_comment(customer_actor, opened.pk, "Size M, please.")
    rows = targets(opened)
    assert rows[SlaMetric.RESOLUTION].due_at == berlin(2026, 3, 9, 16)
    assert rows[SlaMetric.RESOLUTION].consumed_seconds == 2 * 3600
    assert rows[SlaMetric.NEXT_RESPONSE].due_at == berlin(2026, 3, 9, 10)
    assert due(opened) == berlin(2026, 3, 9, 10)

    # Staff answer: the next response is met; another customer message starts
    # another one.
    with freeze_time(berlin(2026, 3, 6, 11)):
        add_comment(staff_actor, opened.pk, "Sent.")
    with freeze_time(berlin(2026, 3, 6, 12)):
        add_comment(customer_actor, opened.pk, "Thanks! And the invoice?")
    nexts = SlaTarget.objects.filter(ticket=opened, metric=SlaMetric.NEXT_RESPONSE)
    assert [t.met_at is not None for t in nexts.order_by("pk")] == [True, False]


def test_an_internal_waiting_status_does_not_pause(opened, staff_actor):
    with freeze_time(berlin(2026, 3, 3, 11)):
        change_status(
            staff_actor, opened.pk, TicketStatus.objects.get(slug="waiting_1").pk
        )

    assert due(opened) == berlin(2026, 3, 3, 14)


def test_closing_meets_the_resolution_and_reopening_resumes_it(opened, staff_actor):
    with freeze_time(berlin(2026, 3, 3, 12)):
        close_ticket(staff_actor, opened.pk)
    rows = SlaTarget.objects.filter(ticket=opened)
    resolution = rows.get(metric=SlaMetric.RESOLUTION)
    assert resolution.met_at == berlin(2026, 3, 3, 12)
    # The unanswered first response no longer counts.
    assert rows.get(metric=SlaMetric.FIRST_RESPONSE).cancelled_at is not None
    assert due(opened) is None

    with freeze_time(berlin(2026, 3, 4, 9)):
        reopen_ticket(staff_actor, opened.pk)
    resolution.refresh_from_db()
    assert resolution.met_at is None
    # 2 hours used before the close, 14 left from Wednesday 9:00.
    assert resolution.due_at == berlin(2026, 3, 5, 15)
    assert due(opened) == berlin(2026, 3, 5, 15)


def test_a_new_priority_matches_another_policy(opened, staff_actor, urgent_policy):
    with freeze_time(berlin(2026, 3, 3, 10, 30)):
        change_priority(staff_actor, opened.pk, urgent_policy.priority_id)

    rows = targets(opened)
    # Half an hour counted stays counted: 30 minutes of the urgent hour are left.
    assert rows[SlaMetric.FIRST_RESPONSE].target_minutes == 60
    assert rows[SlaMetric.FIRST_RESPONSE].due_at == berlin(2026, 3, 3, 11)
    assert rows[SlaMetric.RESOLUTION].due_at == berlin(2026, 3, 3, 14)
    assert due(opened) == berlin(2026, 3, 3, 11)

    # Back to the default: the general policy's targets again.
    with freeze_time(berlin(2026, 3, 3, 10, 45)):
        change_priority(
            staff_actor, opened.pk, Priority.objects.get(is_default=True).pk
        )
    assert targets(opened)[SlaMetric.FIRST_RESPONSE].due_at == berlin(2026, 3, 3, 14)


def test_bulk_close_meets_every_resolution(
    policy, customer_actor, channel, staff_actor
):
    with freeze_time(berlin(2026, 3, 3, 10)):
        tickets = [make_ticket(customer_actor, channel_id=channel.pk) for _ in range(3)]
    with freeze_time(berlin(2026, 3, 3, 11)):
        bulk_update_tickets(staff_actor, [t.pk for t in tickets], close=True)

    met = SlaTarget.objects.filter(
        ticket__in=tickets, metric=SlaMetric.RESOLUTION, met_at__isnull=False
    )
    assert met.count() == 3
    assert not Ticket.objects.filter(pk__in=[t.pk for t in tickets]).exclude(
        sla_due_at=None
    )


def test_rolled_back_change_moves_no_clock(opened, staff_actor):
    before = list(SlaTarget.objects.filter(ticket=opened).values())
    with (
        pytest.raises(ValidationError),
        freeze_time(berlin(2026, 3, 3, 12)),
    ):
        bulk_update_tickets(staff_actor, [opened.pk, 999_999], close=True)
    assert list(SlaTarget.objects.filter(ticket=opened).values()) == before
    assert due(opened) == berlin(2026, 3, 3, 14)
