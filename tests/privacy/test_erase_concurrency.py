"""Erasure under concurrency: the tickets are locked, so two erasures never erase twice
and a reply racing the erasure is either erased with the rest or refused."""

import threading

import pytest
from django.db import connection

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.actions.privacy import erase_customer_data
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import Comment, TicketEvent
from tests.factories import StaffFactory, make_ticket


def run_together(*jobs) -> list:
    start = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(index: int, job) -> None:
        start.wait()
        try:
            outcomes[index] = job()
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def officer(db):
    return Actor.staff(StaffFactory(), {Perm.MANAGE_USERS.value})


@pytest.mark.django_db(transaction=True)
def test_two_erasures_at_once_erase_once(customer, channel, officer):
    # given two tickets of Anna's
    for subject in ("Erste Frage", "Zweite Frage"):
        make_ticket(Actor.customer(customer), channel_id=channel.pk, subject=subject)

    # when two officers erase her at the same moment
    def erase():
        return erase_customer_data(officer, customer_id=customer.pk)

    first, second = run_together(erase, erase)

    # then one erased both tickets and the other found nothing left
    assert sorted([first.tickets, second.tickets]) == [0, 2]
    assert (
        TicketEvent.objects.filter(type=TicketEventType.PERSONAL_DATA_ERASED).count()
        == 2
    )


@pytest.mark.django_db(transaction=True)
def test_a_reply_racing_the_erasure_never_survives_it(customer, channel, officer):
    # given Anna's ticket
    anna = Actor.customer(customer)
    ticket = make_ticket(anna, channel_id=channel.pk, subject="Frage")

    # when she replies while her data is being erased
    def reply():
        return add_comment(anna, ticket.pk, "<p>Noch etwas Privates</p>")

    def erase():
        return erase_customer_data(officer, customer_id=customer.pk)

    replied, erased = run_together(reply, erase)

    # then the reply was either erased with the rest or refused as not found
    assert erased.tickets == 1
    assert not Comment.objects.filter(body__contains="Privates").exists()
    if isinstance(replied, Exception):
        assert replied.error_dict["id"][0].code == "not_found"
