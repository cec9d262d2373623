"""Deliveries sent in rounds: one claim per round, one kept-alive connection per
receiver, the attempt log and states written at the end, a constant number of queries
per round; and the promises kept: a receiver failing mid-round does not touch the
others, a worker crashing after its claim or after sending leaves every row to be sent
again, a takeover or redelivery is not overwritten."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from saleor_helpdesk.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from saleor_helpdesk.tasks import retry_due_deliveries
from saleor_helpdesk.webhooks import claiming, delivery, recording, transport
from tests.factories import make_ticket
from tests.webhooks.conftest import SECRET
from tests.webhooks.test_delivery import verify


@pytest.fixture
def two_receivers(db, loopback_allowed, keepalive_receivers):
    """Two keep-alive receivers, each with a subscription to ticket.created."""

    def subscribe(receiver, name):
        return WebhookSubscription.objects.create(
            name=name,
            target_url=receiver.url,
            events=["ticket.created"],
            secret=SECRET,
            reader_kind="system",
        )

    first, second = keepalive_receivers(), keepalive_receivers()
    subscribe(first, "ERP")
    subscribe(second, "CRM")
    return first, second


def statements(queries):
    """What a worker sends; SAVEPOINT/RELEASE exist only inside the test's
    transaction (a worker's round runs in autocommit)."""
    return [
        q["sql"]
        for q in queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def test_a_round_to_two_receivers_uses_one_connection_per_receiver(two_receivers):
    # given five tickets, each an event for two receivers (ten deliveries)
    first, second = two_receivers
    for _ in range(5):
        make_ticket()

    # when one round sends them
    assert retry_due_deliveries() == 10

    # then each receiver got its five signed events over one connection
    for receiver in (first, second):
        assert receiver.connections == 1
        assert len(receiver.requests) == 5
        for request in receiver.requests:
            verify(request)
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {
        "succeeded"
    }
    # and the log holds one attempt per delivery
    assert sorted(
        WebhookAttempt.objects.values_list("delivery_id", "number", "status_code")
    ) == [
        (pk, 1, 200)
        for pk in sorted(WebhookDelivery.objects.values_list("pk", flat=True))
    ]


def test_a_receiver_failing_mid_round_does_not_affect_the_others(two_receivers):
    # given a second receiver that answers its second request with a 500 and its
    # fourth with a 404
    first, second = two_receivers
    second.statuses.update({2: 500, 4: 404})
    for _ in range(5):
        make_ticket()

    # when one round sends them
    retry_due_deliveries()

    # then the first receiver got all five, the second all five too, and only its
    # two refused events are not delivered: one retried later, one failed
    assert len(first.requests) == 5 and len(second.requests) == 5
    by_event = {
        str(row.event_id): row
        for row in WebhookDelivery.objects.filter(subscription__name="CRM")
    }
    states = [
        (by_event[r.headers["X-Helpdesk-Event-Id"]].status) for r in second.requests
    ]
    assert states == ["succeeded", "pending", "succeeded", "failed", "succeeded"]
    retried = by_event[second.requests[1].headers["X-Helpdesk-Event-Id"]]
    assert retried.next_attempt_at > timezone.now() + timedelta(seconds=8)
    assert (retried.attempts, retried.last_status_code) == (1, 500)
    assert not WebhookDelivery.objects.filter(subscription__name="ERP").exclude(
        status="succeeded"
    )
    assert WebhookAttempt.objects.count() == 10


def test_a_receiver_that_closes_idle_connections_gets_every_event_once(
    db, loopback_allowed, keepalive_receivers
):
    # given a receiver that closes each connection after answering, without saying
    # so: the next request finds the kept connection closed
    receiver = keepalive_receivers(drop_idle=True)
    WebhookSubscription.objects.create(
        name="ERP",
        target_url=receiver.url,
        events=["ticket.created"],
        secret=SECRET,
        reader_kind="system",
    )
    for _ in range(3):
        make_ticket()

    # when they are sent
    retry_due_deliveries()

    # then each is sent again on a new connection and delivered, one attempt each
    assert len(receiver.requests) == 3
    assert receiver.connections == 3
    assert len({r.headers["X-Helpdesk-Event-Id"] for r in receiver.requests}) == 3
    assert (
        list(WebhookDelivery.objects.values_list("status", "attempts"))
        == [("succeeded", 1)] * 3
    )


def test_a_worker_that_dies_after_its_claim_leaves_the_rows_to_be_sent(two_receivers):
    # given a worker that claimed the due deliveries and died before sending
    first, second = two_receivers
    make_ticket()
    make_ticket()
    claim = claiming.claim(None, 100)
    assert len(claim.rows) == 4
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"sending"}

    # when the periodic task runs while the lease holds: nothing is sent
    assert retry_due_deliveries() == 0
    assert first.requests == [] and second.requests == []

    # and after the lease ran out, every row is sent, once
    WebhookDelivery.objects.update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert retry_due_deliveries() == 4
    assert len(first.requests) == 2 and len(second.requests) == 2
    assert list(WebhookAttempt.objects.values_list("number", flat=True)) == [1] * 4


def test_a_worker_that_dies_before_writing_its_outcomes_sends_them_again(
    two_receivers, monkeypatch
):
    # given a worker that sends a round and dies before writing what came back
    first, second = two_receivers
    make_ticket()
    make_ticket()

    def dies(outcomes, lease):
        raise SystemExit("killed")

    monkeypatch.setattr(recording, "record", dies)
    with pytest.raises(SystemExit):
        retry_due_deliveries()
    monkeypatch.undo()
    assert len(first.requests) == 2
    rows = WebhookDelivery.objects.all()
    assert {(row.status, row.attempts) for row in rows} == {("sending", 0)}
    assert not WebhookAttempt.objects.exists()

    # when its lease has run out
    WebhookDelivery.objects.update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    retry_due_deliveries()

    # then every event is sent again with its id (at least once, never a different
    # event under an id), and delivered
    for receiver in (first, second):
        first_round, second_round = receiver.requests[:2], receiver.requests[2:]
        assert [verify(r) for r in first_round] == [verify(r) for r in second_round]
    assert {(row.status, row.attempts) for row in WebhookDelivery.objects.all()} == {
        ("succeeded", 1)
    }


def test_a_row_taken_over_or_redelivered_meanwhile_keeps_its_new_state(two_receivers):
    # given a claimed round, one of whose rows another worker took over after the
    # lease ran out (a new lease), and one redelivered (pending again)
    make_ticket()
    make_ticket()
    claim = claiming.claim(None, 100)
    taken, redelivered, *rest = claim.rows
    later = timezone.now() + timedelta(minutes=5)
    WebhookDelivery.objects.filter(pk=taken.pk).update(next_attempt_at=later)
    WebhookDelivery.objects.filter(pk=redelivered.pk).update(status="pending")

    # when the round writes its outcomes
    now = timezone.now()
    outcomes = [
        recording.Outcome(
            row.pk,
            1,
            transport.Response(200, 5, "ok", ""),
            now,
            "succeeded",
            1,
            None,
            now,
        )
        for row in claim.rows
    ]
    recording.record(outcomes, claim.lease)

    # then those two keep their state, the others are delivered; every attempt is logged
    states = dict(WebhookDelivery.objects.values_list("pk", "status"))
    assert states[taken.pk] == "sending"
    assert states[redelivered.pk] == "pending"
    assert {states[row.pk] for row in rest} == {"succeeded"}
    assert WebhookAttempt.objects.count() == 4


def test_renewing_the_lease_keeps_only_the_rows_the_claim_still_holds(two_receivers):
    make_ticket()
    make_ticket()
    claim = claiming.claim(None, 100)
    old_lease = claim.lease
    taken = claim.rows[0]
    WebhookDelivery.objects.filter(pk=taken.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5)
    )

    held = claiming.renew(claim, [row.pk for row in claim.rows])

    assert held == {row.pk for row in claim.rows[1:]}
    assert claim.lease > old_lease
    assert set(
        WebhookDelivery.objects.filter(pk__in=held).values_list(
            "next_attempt_at", flat=True
        )
    ) == {claim.lease}


def test_a_round_short_of_lease_writes_what_it_has_and_renews_the_rest(
    two_receivers, monkeypatch
):
    # given a round whose lease is always too short for one more request
    monkeypatch.setattr(delivery, "LEASE_MARGIN", 3600.0)
    first, second = two_receivers
    make_ticket()
    make_ticket()

    # when it runs
    assert retry_due_deliveries() == 4

    # then it wrote each outcome and renewed the lease before each next request, and
    # every event was delivered once
    assert len(first.requests) == 2 and len(second.requests) == 2
    assert {(row.status, row.attempts) for row in WebhookDelivery.objects.all()} == {
        ("succeeded", 1)
    }
    assert WebhookAttempt.objects.count() == 4


@pytest.mark.parametrize("tickets", [2, 30])
def test_a_round_costs_three_statements_whatever_its_size(two_receivers, tickets):
    # given 4 or 60 due deliveries to two receivers (system readers: no access lookup)
    for _ in range(tickets):
        make_ticket()

    # when one round sends them
    with CaptureQueriesContext(connection) as queries:
        assert delivery.deliver() == 2 * tickets

    # then it took three statements: the claim (with everything sending needs), the
    # subscriptions, and the outcomes (attempt log and states in one)
    sent = statements(queries.captured_queries)
    assert len(sent) == 3, sent
    assert sent[0].lstrip().startswith("UPDATE")
    assert "FOR UPDATE SKIP LOCKED" in sent[0]
    assert sent[2].lstrip().startswith("WITH")


def test_a_full_round_claims_again_until_nothing_is_due(two_receivers, monkeypatch):
    # given more due deliveries than one round claims (also among given ids)
    monkeypatch.setattr(delivery, "CLAIM_BATCH", 3)
    first, second = two_receivers
    for _ in range(4):
        make_ticket()
    ids = list(WebhookDelivery.objects.values_list("pk", flat=True))

    # when the task for these ids runs
    assert delivery.deliver(ids) == 8

    # then every one was sent, in three rounds
    assert len(first.requests) == 4 and len(second.requests) == 4


def test_an_answer_longer_than_we_read_closes_its_connection(
    db, loopback_allowed, keepalive_receivers
):
    # given a receiver answering with 100 kB, more than the 64 kB read of an answer
    receiver = keepalive_receivers(answer_size=100_000)
    WebhookSubscription.objects.create(
        name="ERP",
        target_url=receiver.url,
        events=["ticket.created"],
        secret=SECRET,
        reader_kind="system",
    )
    make_ticket()
    make_ticket()

    # when both events are sent in one round
    retry_due_deliveries()

    # then each went over a connection of its own (the unread rest is never taken for
    # the next answer), both delivered, the log keeps the answer's first 500 characters
    assert receiver.connections == 2
    rows = WebhookDelivery.objects.all()
    assert {(row.status, row.last_response_excerpt) for row in rows} == {
        ("succeeded", "x" * transport.EXCERPT_LENGTH)
    }


def test_a_round_failing_midway_writes_what_it_sent(two_receivers, monkeypatch):
    # given a round that breaks down on its third delivery (a bug, say)
    first, second = two_receivers
    make_ticket()
    make_ticket()
    signed = []
    original = delivery.signature_headers

    def breaks_on_the_third(**kwargs):
        signed.append(kwargs["event_id"])
        if len(signed) == 3:
            raise RuntimeError("broken")
        return original(**kwargs)

    monkeypatch.setattr(delivery, "signature_headers", breaks_on_the_third)

    # when it runs
    with pytest.raises(RuntimeError):
        retry_due_deliveries()

    # then the two it sent are written, delivered; the other two wait for the lease
    states = sorted(WebhookDelivery.objects.values_list("status", flat=True))
    assert states == ["sending", "sending", "succeeded", "succeeded"]
    assert WebhookAttempt.objects.count() == 2
    assert len(first.requests) + len(second.requests) == 2
