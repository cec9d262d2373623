"""The same message taken in by two workers at the same moment (a webhook retried
while the first delivery is still running, two fetches racing): one comment."""

import threading

import pytest
from django.db import connection

from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.models import Comment, InboundEmail, Ticket
from tests.inbound.conftest import raw


@pytest.mark.django_db(transaction=True)
def test_two_workers_taking_in_one_message_make_one_ticket(mailbox):
    data = raw("new_customer_thunderbird")
    start = threading.Barrier(2)
    outcomes: list = []

    def worker() -> None:
        try:
            start.wait(10)
            outcomes.append(receive_email(data, mailbox=mailbox, via="imap"))
        except Exception as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    # both callers got an answer, exactly one of them made the ticket
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    assert sorted(o.created for o in outcomes) == [False, True]
    assert len({o.inbound.pk for o in outcomes}) == 1
    assert InboundEmail.objects.count() == 1
    assert Ticket.objects.count() == 1
    assert Comment.objects.count() == 1
