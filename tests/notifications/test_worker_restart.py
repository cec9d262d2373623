"""A worker that starts sends what a crashed one left behind."""

from django.core import mail

from saleor_helpdesk.models import EmailMessage
from saleor_helpdesk.tasks import resume_after_restart
from tests.factories import make_ticket


def test_a_starting_worker_sends_committed_but_unsent_emails(
    customer_actor, channel, django_capture_on_commit_callbacks
):
    # given a ticket whose e-mail was committed to the outbox but never handed to a
    # worker (the process died between the commit and the dispatch)
    with django_capture_on_commit_callbacks(execute=False):
        make_ticket(customer_actor, channel_id=channel.pk)
    assert EmailMessage.objects.filter(status="pending").count() >= 1
    assert mail.outbox == []

    # when a worker starts
    resume_after_restart()

    # then the e-mail goes out
    assert [m.to for m in mail.outbox] == [["kunde@example.de"]]
    assert not EmailMessage.objects.filter(status="pending").exists()
