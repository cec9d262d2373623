"""nextUnansweredTicket: the ticket a staff user should answer next."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_helpdesk.actions import add_comment, assign_ticket, merge_tickets
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Priority, Ticket, TicketStatus
from tests.factories import make_ticket
from tests.graphql.staff.conftest import NOT_STAFF, gid

NEXT_UNANSWERED_TICKET = """
query NextUnansweredTicket {
  nextUnansweredTicket { id subject }
}
"""


@pytest.fixture
def open_ticket(customer_actor, channel):
    """Open a ticket `hours_ago` with the given priority; the customer wrote first."""

    def make(subject: str, hours_ago: int = 1, priority: str = "normal", **fields):
        ticket = make_ticket(
            customer_actor,
            channel_id=fields.pop("channel_id", channel.pk),
            subject=subject,
        )
        Ticket.objects.filter(pk=ticket.pk).update(
            created_at=timezone.now() - timedelta(hours=hours_ago),
            priority=Priority.objects.get(slug=priority),
            **fields,
        )
        return ticket

    return make


def next_for(api) -> dict | None:
    return api(NEXT_UNANSWERED_TICKET)["nextUnansweredTicket"]


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_ask(api_as, caller, ticket):
    # given a waiting ticket and a caller who may not work tickets
    # when they ask for the next ticket to answer
    response = api_as(caller).post(NEXT_UNANSWERED_TICKET)

    # then they are refused with a coded error and get no ticket
    body = response.json()
    assert body["data"] == {"nextUnansweredTicket": None}
    assert [
        (error["message"], error["extensions"]["code"]) for error in body["errors"]
    ] == [
        (
            "You need the MANAGE_ORDERS permission to work tickets.",
            "PERMISSION_DENIED",
        )
    ]


def test_the_most_urgent_then_the_oldest_comes_first(staff_api, open_ticket):
    # given an old normal ticket and two urgent ones of different age
    open_ticket("Alt, normal", hours_ago=50)
    open_ticket("Neu, dringend", hours_ago=1, priority="urgent")
    oldest_urgent = open_ticket("Älter, dringend", hours_ago=5, priority="urgent")

    # when staff ask for the next ticket
    # then it is the older urgent one
    assert next_for(staff_api) == {
        "id": gid("Ticket", oldest_urgent.pk),
        "subject": "Älter, dringend",
    }


def test_a_ticket_staff_answered_last_is_not_waiting(
    staff_api, staff_actor, open_ticket
):
    # given an older ticket answered by staff, and a newer one nobody answered
    answered = open_ticket("Beantwortet", hours_ago=10)
    add_comment(staff_actor, answered.pk, "Ist unterwegs.")
    waiting = open_ticket("Wartet", hours_ago=2)

    # when staff ask for the next ticket
    # then it is the one nobody answered
    assert next_for(staff_api)["id"] == gid("Ticket", waiting.pk)


def test_a_customer_reply_after_the_answer_makes_it_wait_again(
    staff_api, staff_actor, customer_actor, open_ticket
):
    # given a ticket staff answered and the customer then wrote to again
    ticket = open_ticket("Rückfrage", hours_ago=10)
    add_comment(staff_actor, ticket.pk, "Ist unterwegs.")
    add_comment(customer_actor, ticket.pk, "Wann genau?")

    # when staff ask for the next ticket
    # then it is that ticket
    assert next_for(staff_api)["id"] == gid("Ticket", ticket.pk)


def test_an_internal_note_answers_nobody(staff_api, staff_actor, open_ticket):
    # given a ticket with only an internal note after the customer's message
    ticket = open_ticket("Nur Notiz", hours_ago=3)
    add_comment(staff_actor, ticket.pk, "Lager fragen", internal=True)

    # when staff ask for the next ticket
    # then it still waits
    assert next_for(staff_api)["id"] == gid("Ticket", ticket.pk)


def test_only_tickets_of_the_caller_or_of_nobody(
    staff_api, staff_user, colleague, open_ticket
):
    # given an urgent ticket of a colleague, and an older normal one of the caller
    theirs = open_ticket("Kollegin", hours_ago=20, priority="urgent")
    assign_ticket(Actor.system(), theirs.pk, colleague.pk)
    mine = open_ticket("Meins", hours_ago=1)
    assign_ticket(Actor.system(), mine.pk, staff_user.pk)

    # when staff ask for the next ticket
    # then the colleague's is left to them
    assert next_for(staff_api)["id"] == gid("Ticket", mine.pk)


def test_waiting_closed_and_merged_tickets_are_skipped(staff_api, open_ticket):
    # given old tickets waiting for the customer, closed, or merged, and a new one
    for slug in ("waiting_customer", "answered", "closed"):
        open_ticket(slug, hours_ago=30, status=TicketStatus.objects.get(slug=slug))
    survivor = open_ticket(
        "Beantwortet", hours_ago=30, status=TicketStatus.objects.get(slug="answered")
    )
    merge_tickets(Actor.system(), open_ticket("Duplikat", hours_ago=30).pk, survivor.pk)
    new = open_ticket("Neu", hours_ago=1)

    # when staff ask for the next ticket
    # then it is the new one
    assert next_for(staff_api)["id"] == gid("Ticket", new.pk)


def test_in_progress_counts_as_open(staff_api, open_ticket):
    # given a ticket in progress (status group "open") without an answer
    ticket = open_ticket(
        "In Arbeit", status=TicketStatus.objects.get(slug="in_progress")
    )

    # when staff ask for the next ticket
    # then it is that ticket
    assert next_for(staff_api)["id"] == gid("Ticket", ticket.pk)


def test_only_tickets_of_the_callers_channels(
    other_channel_staff_api, open_ticket, other_channel
):
    # given an old ticket in the default channel and a newer one in the other channel
    open_ticket("Default", hours_ago=40, priority="urgent")
    theirs = open_ticket("Other", hours_ago=1, channel_id=other_channel.pk)

    # when staff of the other channel ask for the next ticket
    # then it is the one of their channel
    assert next_for(other_channel_staff_api)["id"] == gid("Ticket", theirs.pk)


def test_nothing_waiting_is_null(staff_api, staff_actor, ticket, stranger):
    # given every ticket answered
    for pk in Ticket.objects.values_list("pk", flat=True):
        add_comment(staff_actor, pk, "Erledigt.")

    # when staff ask for the next ticket
    # then there is none
    assert next_for(staff_api) is None
