"""Replies and internal notes, and how they move the ticket."""

import pytest

from saleor_helpdesk.actions import add_comment, close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import ChannelSettings, Ticket, TicketStatus
from tests.assertions import raises_error
from tests.factories import make_ticket


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


def _set_status(ticket, slug):
    Ticket.objects.filter(pk=ticket.pk).update(
        status=TicketStatus.objects.get(slug=slug)
    )


def test_staff_reply_is_public_and_sets_the_first_response(ticket, staff_actor):
    comment = add_comment(staff_actor, ticket.pk, "<p>Wir kümmern uns.</p>")

    ticket.refresh_from_db()
    assert comment.visibility == "public"
    assert comment.author_type == "staff"
    assert comment.medium == "dashboard"
    assert ticket.first_response_at is not None
    assert ticket.first_response_at <= ticket.last_activity_at
    assert ticket.events.last().type == "comment_added"


def test_an_internal_note_is_no_first_response(ticket, staff_actor):
    note = add_comment(staff_actor, ticket.pk, "Kunde ist VIP", internal=True)

    ticket.refresh_from_db()
    assert note.is_internal
    assert ticket.first_response_at is None
    assert ticket.events.last().type == "note_added"


def test_customers_cannot_write_internal_notes(ticket, customer_actor):
    with raises_error(
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    ):
        add_comment(customer_actor, ticket.pk, "psst", internal=True)


def test_customers_cannot_change_the_status_with_a_reply(ticket, customer_actor):
    with raises_error(
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    ):
        add_comment(
            customer_actor,
            ticket.pk,
            "close it",
            status_id=TicketStatus.objects.get(slug="closed").pk,
        )


def test_another_customer_cannot_reply(ticket, other_customer):
    with raises_error("id", "not_found", "Ticket not found."):
        add_comment(Actor.customer(other_customer), ticket.pk, "hello")


def test_an_empty_reply_is_refused(ticket, staff_actor):
    with raises_error("body", "empty_body", "Write a message."):
        add_comment(staff_actor, ticket.pk, "<p>&nbsp;</p>")


def test_an_unknown_medium_is_refused(ticket, staff_actor):
    with raises_error("medium", "invalid", "Unknown medium."):
        add_comment(staff_actor, ticket.pk, "Anruf", medium="carrier-pigeon")


def test_a_phone_note_keeps_its_medium(ticket, staff_actor):
    comment = add_comment(staff_actor, ticket.pk, "Rückruf erledigt", medium="phone")

    assert comment.medium == "phone"


def test_staff_reply_can_move_the_status(ticket, staff_actor):
    answered = TicketStatus.objects.get(slug="answered")

    add_comment(staff_actor, ticket.pk, "Erledigt", status_id=answered.pk)

    ticket.refresh_from_db()
    assert ticket.status == answered


def test_a_reply_with_a_status_the_workflow_forbids_changes_nothing(
    ticket, staff_actor
):
    _set_status(ticket, "open")

    with raises_error("status", "invalid_transition"):
        add_comment(
            staff_actor,
            ticket.pk,
            "back to new",
            status_id=TicketStatus.objects.get(slug="new").pk,
        )


@pytest.mark.parametrize("waiting", ["waiting_customer", "answered", "waiting_1"])
def test_a_customer_reply_on_a_waiting_ticket_reopens_it(
    ticket, customer_actor, waiting
):
    _set_status(ticket, waiting)

    add_comment(customer_actor, ticket.pk, "Hier ist das Foto.")

    ticket.refresh_from_db()
    assert ticket.status.slug == "open"


def test_a_customer_reply_on_a_closed_ticket_reopens_it(ticket, customer_actor):
    close_ticket(customer_actor, ticket.pk)

    add_comment(customer_actor, ticket.pk, "Doch noch eine Frage")

    ticket.refresh_from_db()
    assert ticket.status.slug == "open"
    assert ticket.closed_at is None


def test_where_reopening_is_off_a_reply_on_a_closed_ticket_is_refused(
    ticket, customer_actor, channel
):
    ChannelSettings.objects.create(channel=channel, customer_may_reopen=False)
    close_ticket(customer_actor, ticket.pk)

    with raises_error(
        "id", "not_allowed_by_policy", "This ticket is closed; please open a new one."
    ):
        add_comment(customer_actor, ticket.pk, "Hallo?")


def test_staff_reply_on_a_closed_ticket_keeps_it_closed(ticket, staff_actor):
    close_ticket(staff_actor, ticket.pk)

    add_comment(staff_actor, ticket.pk, "Nachtrag")

    ticket.refresh_from_db()
    assert ticket.status.slug == "closed"


def test_a_guest_replies_on_their_orders_ticket(guest_actor, guest_order):
    ticket = make_ticket(guest_actor, order_id=guest_order.pk)

    comment = add_comment(guest_actor, ticket.pk, "Danke")

    assert comment.author_type == "customer"
    assert comment.author_user is None
    assert comment.medium == "storefront"
