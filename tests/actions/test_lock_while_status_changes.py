"""A ticket whose status another transaction changes while one waits for its lock is
still found: found by bin/load, where replies and status changes raced ("Ticket not
found" for tickets that existed)."""

import threading

import pytest
from django.db import connection, transaction

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import Comment, Ticket, TicketStatus
from tests.factories import make_ticket
from tests.locks import wait_for_a_lock_waiter


@pytest.mark.django_db(transaction=True)
def test_a_reply_waiting_for_the_lock_finds_the_ticket_after_a_status_change(
    staff_actor, customer_actor, channel
):
    # given a ticket locked by a transaction that changes its status
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    other = TicketStatus.objects.exclude(pk=ticket.status_id).first()
    assert other is not None
    held, release = threading.Event(), threading.Event()
    outcome: list = []

    def change_status() -> None:
        try:
            with transaction.atomic():
                Ticket.objects.select_for_update().filter(pk=ticket.pk).update(
                    status=other
                )
                held.set()
                release.wait(10)
        finally:
            connection.close()

    def reply() -> None:
        try:
            outcome.append(add_comment(staff_actor, ticket.pk, "<p>Erledigt.</p>"))
        except Exception as error:
            outcome.append(error)
        finally:
            connection.close()

    holder = threading.Thread(target=change_status)
    holder.start()
    assert held.wait(10)
    worker = threading.Thread(target=reply)
    worker.start()

    # when the reply waits for the lock, and the status change commits
    wait_for_a_lock_waiter()
    release.set()
    holder.join(10)
    worker.join(10)

    # then the reply is written, on the ticket as it is now
    assert len(outcome) == 1
    assert isinstance(outcome[0], Comment), outcome[0]
    assert outcome[0].ticket.status_id == other.pk
