"""Throughput of e-mail intake from a Dovecot mailbox, against two baselines measured
in the same run on the same messages: fetching them over IMAP and nothing else, and
parsing their bytes and nothing else.

The mailbox holds `count` messages, half of them new mails from as many senders (each
opens a ticket and plans its confirmation e-mail), half replies from customers to
tickets opened before the run (each becomes a comment), interleaved. The intake run
is `fetch_mailbox` as the periodic task calls it: batches of 50, every message in its
own transaction, marked read on the server after each batch.

`bin/benchmark --mail` runs it on a scratch database with a Dovecot of its own; the
tests run it on 10 messages so that it keeps working.
"""

import time
import uuid
from dataclasses import dataclass

from saleor_helpdesk.inbound.message import parse_message
from saleor_helpdesk.mailboxes import imap
from saleor_helpdesk.mailboxes.fetch import BATCH_SIZE, FetchStatus, fetch_mailbox
from tests.factories import ChannelFactory, make_ticket

from .dovecot import Account
from .mail import append, imap_mailbox, new_mail, reply_mail


@dataclass(frozen=True)
class MailThroughput:
    count: int
    new: int
    replies: int
    fill_seconds: float
    intake_seconds: float
    imap_seconds: float
    parse_seconds: float

    @property
    def per_second(self) -> float:
        return self.count / self.intake_seconds

    def report(self) -> str:
        imap_rate = self.count / self.imap_seconds
        parse_rate = self.count / self.parse_seconds
        return (
            f"e-mail intake from a Dovecot mailbox, {self.count} messages "
            f"({self.new} new tickets, {self.replies} replies): "
            f"{self.per_second:.0f}/s (fetch, take in, mark read) against "
            f"{imap_rate:.0f}/s for fetching the same messages over IMAP alone "
            f"({self.intake_seconds / self.imap_seconds:.1f}x) and "
            f"{parse_rate:.0f}/s for parsing their bytes alone "
            f"({self.intake_seconds / self.parse_seconds:.1f}x)"
        )


def measure(account: Account, count: int = 1000) -> MailThroughput:
    """Fill `account` with `count` messages and take them in (see the module
    docstring). Writes tickets to the database it runs on."""
    channel = ChannelFactory(slug="mail-bench", name="Mail bench", currency_code="EUR")
    mailbox = imap_mailbox(
        account, channel, address=f"{account.settings.user}@bench.example"
    )
    replies = count // 2
    tickets = [
        make_ticket(customer_email=f"stamm{index}@example.de", channel_id=channel.pk)
        for index in range(max(replies // 5, 1))
    ]
    # Message-IDs of this run only, so that a database used before takes them as new.
    tag = uuid.uuid4().hex
    messages = []
    for index in range(count):
        if index % 2:
            ticket = tickets[(index // 2) % len(tickets)]
            messages.append(
                reply_mail(
                    index,
                    ticket_number=ticket.number,
                    sender=ticket.customer_email,
                    tag=tag,
                )
            )
        else:
            messages.append(new_mail(index + 1, tag=tag))
    started = time.perf_counter()
    append(account, *messages)
    fill = time.perf_counter() - started

    # Baseline 1: the same messages over IMAP, in the same batches, nothing else.
    started = time.perf_counter()
    fetched: list[bytes] = []
    uidvalidity, last_uid = None, 0
    while True:
        batch = imap.fetch_new(
            account.settings,
            uidvalidity=uidvalidity,
            last_uid=last_uid,
            limit=BATCH_SIZE,
        )
        if not batch.messages:
            break
        fetched.extend(raw for _, raw in batch.messages)
        uidvalidity, last_uid = batch.uidvalidity, batch.messages[-1][0]
    imap_seconds = time.perf_counter() - started
    assert len(fetched) == count

    # Baseline 2: parsing the same bytes, nothing else.
    started = time.perf_counter()
    for raw in fetched:
        parse_message(raw)
    parse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    outcome = fetch_mailbox(mailbox.pk, max_seconds=None)
    intake_seconds = time.perf_counter() - started
    assert outcome.status == FetchStatus.OK, outcome.error
    assert outcome.new == count, outcome.summary()
    return MailThroughput(
        count=count,
        new=count - replies,
        replies=replies,
        fill_seconds=fill,
        intake_seconds=intake_seconds,
        imap_seconds=imap_seconds,
        parse_seconds=parse_seconds,
    )
