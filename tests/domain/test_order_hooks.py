"""What the shop tells the helpdesk through its hooks: order happenings on the tickets'
timelines, customers registering and confirming, and never an error back into the
shop's flow."""

import logging

import pytest
from django.db import transaction

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import OrderHappening
from saleor_helpdesk.host import hooks
from saleor_helpdesk.models import Ticket, TicketEvent
from tests.factories import UserFactory, make_ticket


@pytest.mark.parametrize("happening", list(OrderHappening))
def test_an_order_happening_lands_on_every_ticket_of_that_order_only(
    happening, customer_actor, order, channel
):
    # given two tickets on the order and one without it
    first = make_ticket(customer_actor, order_id=order.pk)
    second = make_ticket(customer_actor, order_id=order.pk)
    other = make_ticket(customer_actor, channel_id=channel.pk)

    # when Saleor calls the hook
    hooks.order_happened(order, happening)

    # then both tickets of the order show it, the other one nothing
    for ticket in (first, second):
        last = ticket.events.order_by("pk").last()
        assert (last.type, last.parameters) == (
            "order_event",
            {"order_event": happening.value, "order_number": order.number},
        )
    assert not other.events.filter(type="order_event").exists()


def test_a_fulfilment_lands_on_the_orders_tickets(customer_actor, order):
    ticket = make_ticket(customer_actor, order_id=order.pk)

    class Fulfillment:  # what Saleor hands over: the fulfilment with its order
        pass

    fulfillment = Fulfillment()
    fulfillment.order = order
    hooks.fulfillment_created(fulfillment)

    assert ticket.events.filter(
        type="order_event", parameters__order_event="fulfillment_created"
    ).exists()


def test_a_failing_hook_is_logged_and_never_reaches_the_shop(
    customer_actor, order, monkeypatch, caplog
):
    # given the helpdesk breaks while recording
    make_ticket(customer_actor, order_id=order.pk)

    def broken(**kwargs):
        Ticket.objects.update(subject="half-written")  # a write that must not stay
        raise RuntimeError("helpdesk bug")

    monkeypatch.setattr(
        "saleor_helpdesk.timeline.order_events.record_order_happening", broken
    )

    # when the shop's flow calls the hook inside its own transaction
    with (
        caplog.at_level(logging.ERROR, logger="saleor_helpdesk.host.hooks"),
        transaction.atomic(),
    ):
        hooks.order_happened(order, OrderHappening.FULLY_PAID)
        # then the shop's transaction is still usable
        order.refresh_from_db()

    # and the helpdesk's half-done write was rolled back, the error logged
    assert not Ticket.objects.filter(subject="half-written").exists()
    assert "Helpdesk hook order_fully_paid failed" in caplog.text


def test_registering_with_a_guest_tickets_email_notes_it_but_does_not_link(
    guest_order,
):
    ticket = make_ticket(
        Actor.guest(guest_order.pk, guest_order.user_email), order_id=guest_order.pk
    )
    user = UserFactory(email=guest_order.user_email.upper(), is_confirmed=False)

    hooks.customer_created(user)

    ticket.refresh_from_db()
    assert ticket.customer is None
    event = ticket.events.order_by("pk").last()
    assert (event.type, event.parameters) == (
        "customer_registered",
        {"user_id": user.pk},
    )


def test_confirming_the_email_links_the_guest_tickets(guest_order, channel):
    ticket = make_ticket(
        Actor.guest(guest_order.pk, guest_order.user_email), order_id=guest_order.pk
    )
    someone_elses = make_ticket(
        customer_email="other@example.com", channel_id=channel.pk
    )
    user = UserFactory(email=guest_order.user_email, is_confirmed=True)

    hooks.account_confirmed(user)

    ticket.refresh_from_db()
    assert ticket.customer == user
    assert ticket.events.filter(type="customer_linked").count() == 1
    someone_elses.refresh_from_db()
    assert someone_elses.customer is None
    # and the customer now sees it when signed in
    from saleor_helpdesk.tickets.access import visible_tickets

    assert list(visible_tickets(Actor.customer(user))) == [ticket]


def test_an_unconfirmed_account_gets_nothing_linked(guest_order):
    ticket = make_ticket(
        Actor.guest(guest_order.pk, guest_order.user_email), order_id=guest_order.pk
    )
    user = UserFactory(email=guest_order.user_email, is_confirmed=False)

    hooks.account_confirmed(user)

    ticket.refresh_from_db()
    assert ticket.customer is None
    assert not TicketEvent.objects.filter(type="customer_linked").exists()
