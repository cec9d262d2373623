"""update_ticket and bulk_update_tickets: one transaction around the single-ticket
actions, all or nothing, and a bulk change that locks its tickets in id order."""

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection, transaction

from saleor_helpdesk.actions import (
    TicketRefused,
    bulk_update_tickets,
    close_ticket,
    merge_tickets,
    update_ticket,
)
from saleor_helpdesk.actions.update import MAX_BULK_TICKETS, check_bulk_update
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Category, EmailMessage, Priority, Ticket
from tests.assertions import raises_error
from tests.factories import make_ticket
from tests.graphql.staff.conftest import snapshot
from tests.locks import wait_for_a_lock_waiter

DUE = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


@pytest.fixture
def tickets(customer_actor, channel):
    return [
        make_ticket(customer_actor, channel_id=channel.pk, subject=f"Frage {n}")
        for n in range(3)
    ]


def shipping() -> Category:
    return Category.objects.get(kind="question", slug="shipping")


# --- update_ticket --------------------------------------------------------------------


def test_every_field_changes_together(staff_actor, ticket):
    urgent = Priority.objects.get(slug="urgent")

    updated = update_ticket(
        staff_actor,
        ticket.pk,
        {
            "priority_id": urgent.pk,
            "category_id": shipping().pk,
            "due_date": DUE,
            "cc_emails": ["Partner@Example.de"],
        },
    )

    ticket.refresh_from_db()
    assert updated.pk == ticket.pk
    assert (ticket.priority, ticket.category, ticket.due_date) == (
        urgent,
        shipping(),
        DUE,
    )
    assert ticket.cc_emails == ["partner@example.de"]
    assert set(ticket.events.values_list("type", flat=True)) >= {
        "priority_changed",
        "category_changed",
        "due_date_changed",
    }


def test_a_refused_later_field_rolls_back_the_earlier_ones(staff_actor, ticket):
    before = snapshot()
    defect = Category.objects.get(kind="complaint", slug="defect")

    with raises_error(
        "category", "invalid", "This category belongs to another kind of ticket."
    ):
        update_ticket(
            staff_actor,
            ticket.pk,
            {
                "priority_id": Priority.objects.get(slug="urgent").pk,
                "category_id": defect.pk,
            },
        )

    assert snapshot() == before


def test_a_ticket_always_keeps_a_priority(staff_actor, ticket):
    before = snapshot()

    with raises_error("priority", "required", "A ticket always has a priority."):
        update_ticket(staff_actor, ticket.pk, {"priority_id": None, "due_date": DUE})

    assert snapshot() == before


def test_no_changes_return_the_ticket_as_it_is(staff_actor, ticket):
    before = snapshot()

    assert update_ticket(staff_actor, ticket.pk, {}).pk == ticket.pk
    assert snapshot() == before


def test_only_agents_update_and_only_tickets_they_see(
    customer_actor, staff_actor, ticket, other_channel
):
    # a customer may not, even with nothing to change
    with raises_error(None, "permission_denied"):
        update_ticket(customer_actor, ticket.pk, {})
    # staff of another channel do not find it
    elsewhere = Actor.staff(
        staff_actor.user, staff_actor.permissions, [other_channel.pk]
    )
    with raises_error("id", "not_found", "Ticket not found."):
        update_ticket(elsewhere, ticket.pk, {})
    with raises_error("id", "not_found"):
        update_ticket(elsewhere, ticket.pk, {"due_date": DUE})


# --- bulk_update_tickets --------------------------------------------------------------


def test_assign_and_close_many_in_the_order_given(staff_actor, colleague, tickets):
    order = [tickets[2].pk, tickets[0].pk, tickets[1].pk]
    close_ticket(staff_actor, tickets[0].pk)  # closing again is fine

    updated = bulk_update_tickets(
        staff_actor, [*order, tickets[2].pk], assignee_id=colleague.pk, close=True
    )

    assert [t.pk for t in updated] == order
    for ticket in Ticket.objects.filter(pk__in=order).select_related("status"):
        assert ticket.assignee_id == colleague.pk
        assert ticket.status.is_closed


def test_the_tickets_are_worked_in_id_order(
    staff_actor, colleague, tickets, monkeypatch
):
    from saleor_helpdesk.actions import update

    worked = []
    assign = update.assign_ticket
    monkeypatch.setattr(
        update,
        "assign_ticket",
        lambda actor, pk, *args, **kwargs: worked.append(pk)
        or assign(actor, pk, *args, **kwargs),
    )

    bulk_update_tickets(
        staff_actor, [t.pk for t in reversed(tickets)], assignee_id=colleague.pk
    )

    assert worked == sorted(t.pk for t in tickets)


def test_one_refused_ticket_changes_none_and_is_named(
    staff_actor, colleague, tickets, customer_actor, channel
):
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), tickets[1].pk, survivor.pk)
    before = snapshot()

    with pytest.raises(TicketRefused) as info:
        bulk_update_tickets(
            staff_actor, [t.pk for t in tickets], assignee_id=colleague.pk
        )

    refusal = info.value
    assert (refusal.ticket_id, refusal.number) == (tickets[1].pk, tickets[1].number)
    assert refusal.codes == {"merged"}
    assert list(refusal.error_dict) == ["id"]
    assert snapshot() == before


def test_a_ticket_the_caller_cannot_see_has_no_number(
    staff_actor, tickets, other_channel
):
    elsewhere = Actor.staff(
        staff_actor.user, staff_actor.permissions, [other_channel.pk]
    )
    own = make_ticket(channel_id=other_channel.pk)
    before = snapshot()

    with pytest.raises(TicketRefused) as info:
        bulk_update_tickets(elsewhere, [own.pk, tickets[0].pk], close=True)

    assert (info.value.ticket_id, info.value.number) == (tickets[0].pk, None)
    assert info.value.codes == {"not_found"}
    assert snapshot() == before


def test_a_rolled_back_bulk_change_plans_no_email(
    staff_actor, colleague, tickets, customer_actor, channel
):
    # given a merged ticket among them, which takes no assignee
    survivor = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(Actor.system(), tickets[2].pk, survivor.pk)
    EmailMessage.objects.all().delete()

    with pytest.raises(TicketRefused):
        bulk_update_tickets(
            staff_actor,
            [t.pk for t in tickets],
            assignee_id=colleague.pk,
            close=True,
        )
    assert not EmailMessage.objects.exists()

    # and a committed one plans its e-mails once, for every ticket
    bulk_update_tickets(staff_actor, [t.pk for t in tickets[:2]], close=True)
    assert EmailMessage.objects.filter(notification="ticket_closed").count() == 2


@pytest.mark.parametrize(
    "count, close, assign, field, code",
    [
        (0, True, False, "ids", "required"),
        (MAX_BULK_TICKETS + 1, True, False, "ids", "invalid"),
        (1, False, False, "input", "required"),
    ],
)
def test_the_shape_of_a_bulk_change_is_checked_first(
    staff_actor, count, close, assign, field, code
):
    with raises_error(field, code):
        check_bulk_update(count, close=close, assign=assign)
    with raises_error(field, code):
        bulk_update_tickets(
            staff_actor,
            list(range(1, count + 1)),
            close=close,
            assignee_id=1 if assign else None,
        )


def test_only_agents_change_tickets_in_bulk(customer_actor, tickets):
    with raises_error(None, "permission_denied"):
        bulk_update_tickets(customer_actor, [tickets[0].pk], close=True)


@pytest.mark.django_db(transaction=True)
def test_a_bulk_change_waits_at_the_lowest_id_before_locking_others(
    staff_actor, customer_actor, channel
):
    # given two tickets, the lower one locked by another transaction
    low, high = sorted(
        (make_ticket(customer_actor, channel_id=channel.pk) for _ in range(2)),
        key=lambda t: t.pk,
    )
    held, release = threading.Event(), threading.Event()
    outcome: list = []

    def hold() -> None:
        try:
            with transaction.atomic():
                Ticket.objects.select_for_update().filter(pk=low.pk).first()
                held.set()
                release.wait(10)
        finally:
            connection.close()

    def bulk() -> None:
        try:
            outcome.append(
                bulk_update_tickets(staff_actor, [high.pk, low.pk], close=True)
            )
        except Exception as error:
            outcome.append(error)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    worker = threading.Thread(target=bulk)
    worker.start()

    # when the bulk change, sent high before low, waits for a lock
    wait_for_a_lock_waiter()
    # then it waits at the lower id and holds no lock on the higher one
    with transaction.atomic():
        free = Ticket.objects.select_for_update(nowait=True).filter(pk=high.pk)
        assert free.first() is not None
    release.set()
    holder.join(10)
    worker.join(10)

    [result] = outcome
    assert [t.pk for t in result] == [high.pk, low.pk]
