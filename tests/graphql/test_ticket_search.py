"""Searching tickets through the API: staff search internal notes, customers only their
public thread; without `sortBy` the best match comes first."""

import pytest

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.core.actor import Actor
from tests.factories import make_ticket

SEARCH = """
query Search($filter: TicketFilterInput, $sortBy: TicketSortingInput) {
  tickets(first: 20, filter: $filter, sortBy: $sortBy) {
    totalCount
    edges { node { number } }
  }
}
"""


def numbers(data: dict) -> list[int]:
    return [edge["node"]["number"] for edge in data["tickets"]["edges"]]


@pytest.fixture
def annas_tickets(customer, channel, staff_actor):
    # given two German tickets of Anna's: the older names the teapot in its subject,
    # the newer in a message and has the newest activity, a staff note that names a
    # goodwill credit
    actor = Actor.customer(customer)
    german = {"channel_id": channel.pk, "language_code": "de"}
    in_subject = make_ticket(
        actor, subject="Teekanne kaputt", body="Siehe Betreff.", **german
    )
    in_message = make_ticket(
        actor, subject="Frage", body="Die Teekanne ist kaputt.", **german
    )
    add_comment(
        staff_actor, in_message.pk, "Kulanzgutschrift freigegeben", internal=True
    )
    return in_subject, in_message


def test_staff_find_the_internal_note_customers_do_not(
    staff_api, customer_api, annas_tickets
):
    _, in_message = annas_tickets
    variables = {"filter": {"search": "Kulanzgutschrift"}}

    assert numbers(staff_api(SEARCH, variables)) == [in_message.number]
    assert customer_api(SEARCH, variables) == {
        "tickets": {"totalCount": 0, "edges": []}
    }


def test_without_sort_the_best_match_comes_first(customer_api, annas_tickets):
    in_subject, in_message = annas_tickets

    # the subject outweighs the message, though the other ticket is newer in number
    # and in activity
    data = customer_api(SEARCH, {"filter": {"search": "Teekannen"}})

    assert numbers(data) == [in_subject.number, in_message.number]


def test_an_explicit_sort_wins_over_the_rank(staff_api, annas_tickets):
    in_subject, in_message = annas_tickets

    data = staff_api(
        SEARCH,
        {
            "filter": {"search": "Teekanne"},
            "sortBy": {"field": "NUMBER", "direction": "ASC"},
        },
    )

    assert numbers(data) == sorted([in_subject.number, in_message.number])
