"""Status changes by staff; closing and reopening under the channel's policy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_helpdesk.actions import change_status, close_ticket, reopen_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import ChannelSettings, Ticket, TicketStatus
from tests.assertions import raises_error
from tests.factories import make_ticket


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


def test_staff_change_the_status(ticket, staff_actor):
    in_progress = TicketStatus.objects.get(slug="in_progress")

    change_status(staff_actor, ticket.pk, in_progress.pk)

    ticket.refresh_from_db()
    assert ticket.status == in_progress


def test_customers_cannot_change_the_status(ticket, customer_actor):
    with raises_error(
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    ):
        change_status(
            customer_actor, ticket.pk, TicketStatus.objects.get(slug="open").pk
        )


def test_an_unknown_status_is_not_found(ticket, staff_actor):
    with raises_error("status", "not_found", "Status not found."):
        change_status(staff_actor, ticket.pk, 999_999)


def test_staff_of_another_channel_do_not_see_the_ticket(
    ticket, staff_user, other_channel
):
    actor = Actor.staff(staff_user, {"MANAGE_ORDERS"}, channel_ids=[other_channel.pk])

    with raises_error("id", "not_found", "Ticket not found."):
        change_status(actor, ticket.pk, TicketStatus.objects.get(slug="open").pk)


def test_a_customer_closes_their_ticket(ticket, customer_actor):
    close_ticket(customer_actor, ticket.pk)

    ticket.refresh_from_db()
    assert ticket.status.slug == "closed"
    assert ticket.closed_at is not None


def test_closing_twice_is_refused(ticket, customer_actor):
    close_ticket(customer_actor, ticket.pk)

    with raises_error("id", "already_closed", "The ticket is already closed."):
        close_ticket(customer_actor, ticket.pk)


def test_a_shop_can_reserve_closing_to_staff(
    ticket, customer_actor, staff_actor, channel
):
    # seed 004: "Der Kunde hat diese Möglichkeit nicht."
    ChannelSettings.objects.create(channel=channel, customer_may_close=False)

    with raises_error(
        "id",
        "not_allowed_by_policy",
        "Tickets in this shop are closed by the support team.",
    ):
        close_ticket(customer_actor, ticket.pk)
    close_ticket(staff_actor, ticket.pk)


def test_the_shop_default_policy_applies_to_channels_without_their_own(
    ticket, customer_actor
):
    ChannelSettings.objects.create(channel=None, customer_may_close=False)

    with raises_error("id", "not_allowed_by_policy"):
        close_ticket(customer_actor, ticket.pk)


def test_reopen_within_the_window(ticket, customer_actor):
    close_ticket(customer_actor, ticket.pk)

    reopen_ticket(customer_actor, ticket.pk)

    ticket.refresh_from_db()
    assert ticket.status.slug == "open"
    assert ticket.events.last().type == "reopened"


def test_reopen_after_the_window_is_refused_for_customers_not_staff(
    ticket, customer_actor, staff_actor
):
    close_ticket(customer_actor, ticket.pk)
    Ticket.objects.filter(pk=ticket.pk).update(
        closed_at=timezone.now() - timedelta(days=31)
    )

    with raises_error(
        "id",
        "reopen_window_passed",
        "This ticket was closed more than 30 days ago; please open a new one.",
    ):
        reopen_ticket(customer_actor, ticket.pk)
    reopen_ticket(staff_actor, ticket.pk)


def test_reopening_an_open_ticket_is_refused(ticket, staff_actor):
    with raises_error("id", "not_closed", "The ticket is not closed."):
        reopen_ticket(staff_actor, ticket.pk)
