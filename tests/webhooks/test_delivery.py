"""Delivery to a real HTTP receiver on 127.0.0.1, verified with an independent HMAC
implementation: success, retries on schedule, final failures, redelivery, timeouts,
redirects, and the two worker crashes."""

import hashlib
import hmac
import json
import time
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from saleor_helpdesk.actions.webhooks import redeliver
from saleor_helpdesk.host import get_host
from saleor_helpdesk.models import WebhookAttempt, WebhookDelivery
from saleor_helpdesk.tasks import deliver_pending, retry_due_deliveries
from tests.factories import make_ticket
from tests.webhooks.conftest import SECRET


def verify(request, secret=SECRET):
    """What a consumer does, written without the helpdesk's code."""
    timestamp = request.headers["X-Helpdesk-Timestamp"]
    event_id = request.headers["X-Helpdesk-Event-Id"]
    signed = f"{timestamp}.{event_id}.".encode() + request.body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(expected, request.headers["X-Helpdesk-Signature"])
    assert abs(int(timestamp) - timezone.now().timestamp()) < 300  # no replay
    payload = json.loads(request.body)
    assert payload["id"] == event_id
    assert payload["type"] == request.headers["X-Helpdesk-Topic"]
    return payload


def only_created(subscription):
    subscription.events = ["ticket.created"]
    subscription.save()
    return subscription


def make_due(delivery):
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_an_event_reaches_the_receiver_signed_and_is_logged(
    subscription, receiver, django_capture_on_commit_callbacks
):
    only_created(subscription)

    with django_capture_on_commit_callbacks(execute=True):
        ticket = make_ticket(subject="Paket fehlt")

    [request] = receiver.requests
    payload = verify(request)
    assert request.path == "/hooks/helpdesk"
    assert request.headers["Content-Type"] == "application/json"
    assert payload["type"] == "ticket.created"
    assert payload["ticket"]["number"] == ticket.number
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "succeeded"
    assert delivery.delivered_at is not None
    assert (delivery.attempts, delivery.last_status_code) == (1, 200)
    assert delivery.last_response_excerpt == "answer 200"
    [attempt] = WebhookAttempt.objects.all()
    assert (attempt.number, attempt.status_code, attempt.error) == (1, 200, "")
    assert attempt.response_excerpt == "answer 200"
    assert attempt.duration_ms >= 0


def test_saleor_signing_signs_the_same_bytes_with_the_hosts_key(subscription, receiver):
    only_created(subscription)
    subscription.signing = "saleor"
    subscription.save()
    make_ticket()

    retry_due_deliveries()

    [request] = receiver.requests
    timestamp = request.headers["X-Helpdesk-Timestamp"]
    event_id = request.headers["X-Helpdesk-Event-Id"]
    signed = f"{timestamp}.{event_id}.".encode() + request.body
    assert request.headers["Saleor-Signature"] == get_host().sign_payload(signed)
    assert "X-Helpdesk-Signature" not in request.headers


def test_a_500_is_retried_with_backoff_then_fails_and_redelivery_works(
    subscription, receiver, settings, system_actor
):
    settings.HELPDESK_WEBHOOK_MAX_ATTEMPTS = 6
    only_created(subscription)
    receiver.answer(500, times=6)
    make_ticket()
    delivery = WebhookDelivery.objects.get()

    # attempts 1 to 5 fail and are scheduled 10 s, 20 s, 40 s, 80 s, 160 s later
    for number, delay in enumerate([10, 20, 40, 80, 160], start=1):
        before = timezone.now()
        retry_due_deliveries()
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("pending", number)
        assert delivery.last_status_code == 500
        expected = before + timedelta(seconds=delay)
        assert (
            expected - timedelta(seconds=1)
            <= delivery.next_attempt_at
            <= expected + timedelta(seconds=2)
        )
        # not due yet: nothing is sent
        retry_due_deliveries()
        assert len(receiver.requests) == number
        make_due(delivery)

    # the sixth (last) attempt fails for good: visible as failed
    retry_due_deliveries()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (
        "failed",
        6,
        None,
    )
    assert list(delivery.attempt_log.values_list("number", "status_code")) == [
        (n, 500) for n in range(1, 7)
    ]

    # redelivery: the receiver works again and gets the same event id
    redeliver(system_actor, delivery.pk)
    retry_due_deliveries()
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"
    ids = {r.headers["X-Helpdesk-Event-Id"] for r in receiver.requests}
    assert ids == {str(delivery.event_id)}
    assert len(receiver.requests) == 7
    verify(receiver.requests[-1])
    assert delivery.attempt_log.count() == 7


@pytest.mark.parametrize(
    ("status", "final"),
    [(404, True), (400, True), (410, True), (429, False), (408, False), (503, False)],
)
def test_4xx_other_than_408_and_429_is_final(subscription, receiver, status, final):
    only_created(subscription)
    receiver.answer(status)
    make_ticket()

    retry_due_deliveries()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == ("failed" if final else "pending")
    assert delivery.attempts == 1
    assert delivery.last_status_code == status
    assert (delivery.next_attempt_at is None) is final


def test_a_timeout_is_retried(subscription, receiver, settings):
    settings.HELPDESK_WEBHOOK_TIMEOUT = 0.3
    only_created(subscription)
    receiver.answer(200, delay=1.0)
    make_ticket()

    retry_due_deliveries()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.last_status_code is None
    assert "Timed out" in delivery.last_error
    assert delivery.last_duration_ms < 1000
    make_due(delivery)
    retry_due_deliveries()
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


def test_a_redirect_is_not_followed(subscription, receiver):
    only_created(subscription)
    receiver.answer(302, Location=receiver.url + "/elsewhere")
    make_ticket()

    retry_due_deliveries()

    assert [r.path for r in receiver.requests] == ["/hooks/helpdesk"]
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.last_status_code == 302


def test_a_nul_in_the_receivers_answer_is_dropped_from_the_log(subscription, receiver):
    # given a receiver that answers with a NUL character (U+0000) in its body, which
    # PostgreSQL does not store (before: recording the attempt crashed the delivery)
    only_created(subscription)
    receiver.answer(200, body=b"ok\x00 danke")
    make_ticket()

    # when the event is delivered
    retry_due_deliveries()

    # then it counts as delivered, and the log keeps the answer without the NUL
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code) == ("succeeded", 200)
    assert delivery.last_response_excerpt == "ok danke"
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.response_excerpt == "ok danke"


def test_a_nul_in_a_malformed_status_line_is_dropped_from_the_error(
    subscription, receiver
):
    # given a receiver whose status line is no HTTP and holds a NUL; Python's HTTP
    # client puts that line into its error as it came
    only_created(subscription)
    receiver.answer_raw(b"HTTP/1.1 2\x0000 OK\r\n\r\n")
    make_ticket()

    # when the event is delivered
    retry_due_deliveries()

    # then the attempt failed and is retried, its error logged without the NUL
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.last_error == "BadStatusLine: HTTP/1.1 200 OK\r\n"
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.error == delivery.last_error


def test_a_worker_killed_after_commit_before_sending_delivers_after_restart(
    subscription, receiver, django_capture_on_commit_callbacks
):
    only_created(subscription)

    # the change commits, but the worker dies before the dispatch runs
    with django_capture_on_commit_callbacks(execute=False):
        make_ticket()
    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == "pending"

    # after the restart the periodic task sends what is due
    retry_due_deliveries()

    [request] = receiver.requests
    verify(request)
    assert WebhookDelivery.objects.get().status == "succeeded"


def test_a_worker_killed_while_sending_is_taken_over_after_its_lease(
    subscription, receiver
):
    only_created(subscription)
    make_ticket()
    delivery = WebhookDelivery.objects.get()
    # claimed by a worker that died: "sending", lease not yet run out
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status="sending", next_attempt_at=timezone.now() + timedelta(seconds=30)
    )
    retry_due_deliveries()
    assert receiver.requests == []

    make_due(delivery)
    retry_due_deliveries()

    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.status == "succeeded"


def test_a_worker_killed_after_sending_before_marking_sends_a_duplicate_with_the_same_id(
    subscription, receiver
):
    only_created(subscription)
    make_ticket()
    retry_due_deliveries()
    delivery = WebhookDelivery.objects.get()
    # the success was never recorded: the row is still due
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status="pending", next_attempt_at=timezone.now(), delivered_at=None
    )

    retry_due_deliveries()

    first, second = receiver.requests
    assert first.headers["X-Helpdesk-Event-Id"] == second.headers["X-Helpdesk-Event-Id"]
    assert verify(first) == verify(second)  # the same event, never a different one


def test_deliver_pending_sends_only_the_given_due_rows(subscription, receiver):
    only_created(subscription)
    make_ticket()
    make_ticket()
    first, second = WebhookDelivery.objects.order_by("pk")

    assert deliver_pending([first.pk]) == 1

    assert [r.headers["X-Helpdesk-Event-Id"] for r in receiver.requests] == [
        str(first.event_id)
    ]
    second.refresh_from_db()
    assert second.status == "pending"


def test_a_deactivated_subscription_sends_nothing(subscription, receiver):
    only_created(subscription)
    make_ticket()
    subscription.is_active = False
    subscription.save()

    retry_due_deliveries()

    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    assert "deactivated" in delivery.last_error


@pytest.mark.skipif(
    not apps.is_installed("saleor.order"),
    reason="Saleor's own key and JWKS exist only inside Saleor.",
)
def test_in_saleor_the_signature_verifies_with_the_shops_jwks(subscription, receiver):
    import jwt
    from saleor.core.jwt_manager import get_jwt_manager

    only_created(subscription)
    subscription.signing = "saleor"
    subscription.save()
    make_ticket()

    retry_due_deliveries()

    [request] = receiver.requests
    signature = request.headers["Saleor-Signature"]
    signed = (
        f"{request.headers['X-Helpdesk-Timestamp']}."
        f"{request.headers['X-Helpdesk-Event-Id']}."
    ).encode() + request.body
    [jwk] = get_jwt_manager().get_jwks()["keys"]
    assert jwt.get_unverified_header(signature)["kid"] == jwk["kid"]
    key = jwt.PyJWK(jwk).key
    jwt.api_jws.decode(signature, key, algorithms=["RS256"], detached_payload=signed)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.api_jws.decode(
            signature, key, algorithms=["RS256"], detached_payload=signed + b" "
        )


STATUS_LINE = b"HTTP/1.1 200 OK\r\n"
HEADERS = b"Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


@pytest.mark.parametrize(
    ("at_once", "trickled"),
    [
        pytest.param(b"", STATUS_LINE + HEADERS, id="status line"),
        pytest.param(STATUS_LINE, HEADERS, id="headers"),
        pytest.param(STATUS_LINE + b"Content-Length: 40\r\n\r\n", b"x" * 40, id="body"),
    ],
)
def test_a_receiver_that_trickles_its_answer_is_cut_off_at_the_deadline(
    subscription, trickler, settings, at_once, trickled
):
    # given a receiver that sends its answer one byte per second, and a deadline of
    # 2 s for the whole request (before: 10 s per read, so a byte a second held the
    # worker until the receiver was done)
    settings.HELPDESK_WEBHOOK_TIMEOUT = 2
    slow = trickler(at_once, trickled, interval=1.0)
    subscription.target_url = slow.url
    subscription.events = ["ticket.created"]
    subscription.save()
    make_ticket()

    # when the delivery is attempted
    started = time.monotonic()
    retry_due_deliveries()
    took = time.monotonic() - started

    # then the attempt ends at the deadline, logged as a timeout and retried later
    assert took < 2 + 0.75
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.last_status_code is None
    assert delivery.last_error == "Timed out: no complete answer within 2 s."
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.error == delivery.last_error
    assert 1900 <= attempt.duration_ms < 2750
    [request] = slow.received
    assert b"X-Helpdesk-Signature" in request


def test_a_tls_handshake_that_trickles_is_cut_off_at_the_deadline(
    subscription, trickler, settings, monkeypatch
):
    # given an https receiver that answers the TLS hello one byte per second
    settings.HELPDESK_WEBHOOK_TIMEOUT = 2
    slow = trickler(b"", b"\x16\x03\x03" + b"\x00" * 40, read_request=False)
    subscription.target_url = f"https://127.0.0.1:{slow.port}/hooks"
    subscription.events = ["ticket.created"]
    subscription.save()
    make_ticket()

    # when the delivery is attempted
    started = time.monotonic()
    retry_due_deliveries()
    took = time.monotonic() - started

    # then the handshake counts against the same deadline
    assert took < 2 + 0.75
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_error) == (
        "pending",
        "Timed out: no complete answer within 2 s.",
    )
