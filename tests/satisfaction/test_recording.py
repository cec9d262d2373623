"""Recording a rating: once per closed ticket, by its customer, as a typed refusal
otherwise; the timeline event and its side effects in the same transaction."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from saleor_helpdesk.actions import reopen_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import (
    RatingSource,
    SatisfactionRating,
    SatisfactionSettings,
    TicketEvent,
)
from saleor_helpdesk.satisfaction.recording import link_actor, record_rating
from tests.factories import make_ticket


def codes(error: ValidationError) -> dict[str, str]:
    return {field: errors[0].code for field, errors in error.error_dict.items()}


def rate(actor, ticket, score=5, comment="", source=RatingSource.STOREFRONT):
    return record_rating(actor, ticket.pk, score=score, comment=comment, source=source)


def test_the_customer_rates_a_closed_ticket(customer_actor, customer, closed_ticket):
    # when the customer rates their closed ticket
    rating = rate(customer_actor, closed_ticket, 2, "  Zu langsam.  ")

    # then the rating keeps who, the agent and channel of the moment, and the comment
    assert rating.score == 2
    assert rating.comment == "Zu langsam."
    assert rating.customer_id == customer.pk
    assert rating.agent_id == closed_ticket.assignee_id is not None
    assert rating.channel_id == closed_ticket.channel_id
    # and the timeline tells it, without the comment
    event = TicketEvent.objects.get(ticket=closed_ticket, type=TicketEventType.RATED)
    assert event.user_id == customer.pk
    assert event.parameters == {
        "rating_id": rating.pk,
        "score": 2,
        "source": "storefront",
    }


def test_a_second_rating_is_refused(customer_actor, closed_ticket):
    rate(customer_actor, closed_ticket, 5)
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, closed_ticket, 1)
    assert codes(refused.value) == {"id": "already_rated"}
    assert SatisfactionRating.objects.get().score == 5


def test_the_link_holder_rates_once_too(closed_ticket):
    rate(link_actor(closed_ticket), closed_ticket, 4, source=RatingSource.EMAIL_LINK)
    with pytest.raises(ValidationError) as refused:
        rate(link_actor(closed_ticket), closed_ticket, 3)
    assert codes(refused.value) == {"id": "already_rated"}


@pytest.mark.parametrize("score", [0, 6, -1, True, "5", None, 4.5])
def test_a_score_out_of_range_is_refused(customer_actor, closed_ticket, score):
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, closed_ticket, score)
    assert codes(refused.value) == {"score": "score_out_of_range"}
    assert not SatisfactionRating.objects.exists()


def test_an_overlong_comment_is_refused(customer_actor, closed_ticket):
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, closed_ticket, 3, "x" * 2001)
    assert codes(refused.value) == {"comment": "body_too_long"}


def test_an_open_ticket_cannot_be_rated(customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, ticket)
    assert codes(refused.value) == {"id": "not_closed"}


def test_a_reopened_ticket_cannot_be_rated(customer_actor, staff_actor, closed_ticket):
    reopen_ticket(staff_actor, closed_ticket.pk)
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, closed_ticket)
    assert codes(refused.value) == {"id": "not_closed"}


def test_no_rating_where_the_channel_does_not_ask(
    customer_actor, closed_ticket, channel
):
    SatisfactionSettings.objects.create(channel=channel, survey_enabled=False)
    with pytest.raises(ValidationError) as refused:
        rate(customer_actor, closed_ticket)
    assert codes(refused.value) == {"id": "survey_disabled"}


def test_another_customer_cannot_rate(other_customer, closed_ticket):
    with pytest.raises(ValidationError) as refused:
        rate(Actor.customer(other_customer), closed_ticket)
    assert codes(refused.value) == {"id": "not_found"}


def test_staff_cannot_rate_in_the_customers_name(staff_actor, closed_ticket):
    with pytest.raises(ValidationError) as refused:
        rate(staff_actor, closed_ticket)
    assert refused.value.error_list[0].code == "permission_denied"


def test_a_guest_rates_their_orders_ticket(guest_actor, guest_closed_ticket):
    rating = rate(guest_actor, guest_closed_ticket, 1, source=RatingSource.GUEST)
    assert rating.customer_id is None
    assert rating.customer_email == "gast@example.de"


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_record_one(customer_actor, closed_ticket):
    # given two submissions for one ticket, started together
    barrier = threading.Barrier(2)
    outcome: list = []

    def submit(score: int) -> None:
        try:
            barrier.wait(10)
            outcome.append(rate(link_actor(closed_ticket), closed_ticket, score))
        except Exception as error:
            outcome.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=submit, args=(s,)) for s in (1, 5)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(20)

    # then one is recorded and the other refused as already rated
    ratings = [item for item in outcome if isinstance(item, SatisfactionRating)]
    refusals = [item for item in outcome if isinstance(item, ValidationError)]
    assert len(ratings) == 1 and len(refusals) == 1, outcome
    assert codes(refusals[0]) == {"id": "already_rated"}
    assert SatisfactionRating.objects.count() == 1
    assert (
        TicketEvent.objects.filter(
            ticket=closed_ticket, type=TicketEventType.RATED
        ).count()
        == 1
    )
