"""Query budget of fetching: what one message costs, counted over a whole fetch from a
real Dovecot, for new tickets and for replies. The count is exact and the same for
every message (none grows with the batch); change a figure, and its breakdown, only
when intake changes on purpose."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk.mailboxes.fetch import FetchStatus, fetch_mailbox
from saleor_helpdesk.models import Comment, Ticket

from .mail import MAILBOX_KEY, append, imap_mailbox, new_mail, reply_mail

# A run costs 3 besides its messages: reading the mailbox, storing the last UID after
# each batch (one batch here; one per 50 messages), recording the outcome.
PER_RUN = 3
# A new ticket from an unknown sender, 23:
# - intake's decisions, 7: the Message-ID seen before?, our own addresses (mailboxes,
#   channel senders; read once, for the loop check and the CC filter), the sender's
#   account, the sender's tickets this hour, the attachment rules, the order the
#   message names;
# - `create_ticket`, 15: channel, its settings, initial status, INSERT ticket, comment,
#   events (one statement), the search vectors (one UPDATE), service levels in use
#   (an active policy or an open target, one query; none here), webhook subscriptions,
#   then the confirmation e-mail's planning (ticket, channel settings, agents,
#   template, INSERT e-mail, comment; the reply address is chosen when the worker
#   sends it);
# - INSERT of the `InboundEmail`, 1.
NEW_TICKET = 23
# A reply from the ticket's customer, 23:
# - intake's decisions, 9: the Message-ID seen before?, our own addresses (2), the
#   sender's account, the ticket its subject names, may the sender answer it?, its
#   status (closed?), the attachment rules, the files already on the ticket;
# - `add_comment`, 13: the ticket's lock, the ticket (read after the lock, see
#   `lock_ticket`), its channel settings, its files, INSERT comment,
#   INSERT event, the search vectors (one UPDATE), service levels in use (one query;
#   none here), webhook subscriptions, then the
#   e-mail planning (ticket, comment, channel settings) and the ticket's last activity;
# - INSERT of the `InboundEmail`, 1.
REPLY = 23
MESSAGES = 6


@pytest.fixture(autouse=True)
def _key(settings):
    settings.HELPDESK_MAILBOX_KEY = MAILBOX_KEY


def fetch_counting(mailbox) -> int:
    """Statements of one fetch. SAVEPOINT/RELEASE are left out: they exist only
    because the test runs inside a transaction (in production each message's atomic
    block is the outermost one, whose BEGIN/COMMIT Django does not log)."""
    with CaptureQueriesContext(connection) as captured:
        outcome = fetch_mailbox(mailbox.pk)
    assert outcome.status == FetchStatus.OK, outcome.error
    return len(
        [
            query
            for query in captured.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        ]
    )


def test_queries_per_new_ticket_and_per_reply(account, channel):
    # given
    mailbox = imap_mailbox(account, channel)
    append(account, *(new_mail(number) for number in range(1, MESSAGES + 1)))

    # when / then: new tickets
    assert fetch_counting(mailbox) == PER_RUN + MESSAGES * NEW_TICKET
    tickets = list(Ticket.objects.order_by("pk"))
    assert len(tickets) == MESSAGES

    # given their customers' replies
    append(
        account,
        *(
            reply_mail(100 + index, ticket_number=t.number, sender=t.customer_email)
            for index, t in enumerate(tickets)
        ),
    )

    # when / then: replies
    assert fetch_counting(mailbox) == PER_RUN + MESSAGES * REPLY
    assert Comment.objects.filter(author_type="customer").count() == 2 * MESSAGES


def test_a_run_with_nothing_new_reads_the_mailbox_and_records(account, channel):
    # given
    mailbox = imap_mailbox(account, channel)
    append(account, new_mail(1))
    fetch_mailbox(mailbox.pk)

    # when / then: the mailbox, and the outcome (the last UID did not move)
    assert fetch_counting(mailbox) == 2
