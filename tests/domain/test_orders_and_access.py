"""Linking orders and lines; who sees which ticket."""

import pytest

from saleor_helpdesk.actions import NewLine, link_order
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.tickets.access import visible_tickets
from tests.assertions import raises_error
from tests.factories import OrderFactory, make_ticket


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


def test_a_customer_links_their_order_and_lines(ticket, customer_actor, order):
    mug = order.lines.get(product_name="Kaffeebecher")

    link_order(
        customer_actor,
        ticket.pk,
        order.pk,
        [NewLine(order_line_id=mug.pk, quantity=2, reason="defective")],
    )

    ticket.refresh_from_db()
    assert ticket.order == order
    assert list(ticket.lines.values_list("product_name", "quantity", "reason")) == [
        ("Kaffeebecher", 2, "defective")
    ]
    assert ticket.events.last().parameters == {
        "order_number": order.number,
        "line_count": 1,
    }


def test_a_customer_cannot_move_a_ticket_to_another_order(
    ticket, customer, customer_actor, order, channel
):
    link_order(customer_actor, ticket.pk, order.pk)
    second = OrderFactory(user=customer, channel=channel)

    with raises_error(
        "order", "permission_denied", "Only staff can move a ticket to another order."
    ):
        link_order(customer_actor, ticket.pk, second.pk)


def test_staff_cannot_link_an_order_of_another_customer(
    ticket, staff_actor, other_customer, channel
):
    foreign = OrderFactory(user=other_customer, channel=channel)

    with raises_error(
        "order", "order_mismatch", "The order belongs to another customer."
    ):
        link_order(staff_actor, ticket.pk, foreign.pk)


def test_an_order_of_another_channel_is_refused(
    ticket, staff_actor, customer, other_channel
):
    elsewhere = OrderFactory(user=customer, channel=other_channel)

    with raises_error(
        "order",
        "channel_mismatch",
        "The order belongs to another channel than the ticket.",
    ):
        link_order(staff_actor, ticket.pk, elsewhere.pk)


def test_relinking_replaces_the_lines(ticket, staff_actor, order):
    mug, pot = order.lines.order_by("product_name")
    link_order(
        staff_actor, ticket.pk, order.pk, [NewLine(order_line_id=mug.pk, quantity=1)]
    )

    link_order(
        staff_actor, ticket.pk, order.pk, [NewLine(order_line_id=pot.pk, quantity=1)]
    )

    assert list(ticket.lines.values_list("product_name", flat=True)) == ["Teekanne"]


def test_guests_cannot_relink(guest_actor, guest_order):
    ticket = make_ticket(guest_actor, order_id=guest_order.pk)

    with raises_error(
        None, "permission_denied", "A guest ticket stays with its order."
    ):
        link_order(guest_actor, ticket.pk, guest_order.pk)


# --- visibility -------------------------------------------------------------------------


def test_each_caller_sees_only_what_they_may(
    customer_actor,
    other_customer,
    guest_actor,
    guest_order,
    staff_user,
    channel,
    other_channel,
    order,
):
    mine = make_ticket(customer_actor, channel_id=channel.pk)
    on_my_order = make_ticket(customer_actor, order_id=order.pk)
    theirs = make_ticket(Actor.customer(other_customer), channel_id=other_channel.pk)
    guests = make_ticket(guest_actor, order_id=guest_order.pk)
    # a registered customer's ticket on the guest's order is not the guest's business
    staff_on_guest_order = make_ticket(
        Actor.system(), order_id=guest_order.pk, customer_email="x@example.com"
    )
    restricted = Actor.staff(
        staff_user, {"MANAGE_ORDERS"}, channel_ids=[other_channel.pk]
    )

    def seen(actor):
        return set(visible_tickets(actor).values_list("pk", flat=True))

    assert seen(customer_actor) == {mine.pk, on_my_order.pk}
    assert seen(Actor.customer(other_customer)) == {theirs.pk}
    assert seen(guest_actor) == {guests.pk}
    assert seen(Actor.guest(guest_order.pk, "wrong@example.com")) == set()
    assert seen(restricted) == {theirs.pk}
    assert seen(Actor.staff(staff_user, set())) == set()
    assert seen(Actor.anonymous()) == set()
    assert seen(Actor.system()) >= {
        mine.pk,
        on_my_order.pk,
        theirs.pk,
        guests.pk,
        staff_on_guest_order.pk,
    }
