"""Webhooks go to public addresses only: checked on create and update, and again at
send time after a fresh DNS resolution. The loopback setting opens 127.0.0.0/8 and ::1
only."""

import socket

import pytest
from django.core.exceptions import ValidationError

from saleor_helpdesk.models import WebhookSubscription
from saleor_helpdesk.webhooks import transport
from saleor_helpdesk.webhooks.subscriptions import (
    create_subscription,
    update_subscription,
)
from tests.factories import make_ticket

INTERNAL = [
    "http://10.0.0.1/hook",
    "http://192.168.1.20/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:8000/hook",
    "http://[::1]/hook",
    "http://localhost/hook",
    "http://0.0.0.0/hook",
    "http://224.0.0.1/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:10.0.0.1]/hook",
]


def codes(error: ValidationError) -> dict:
    return {
        field: [e.code for e in errors] for field, errors in error.error_dict.items()
    }


@pytest.mark.parametrize("url", INTERNAL)
def test_an_internal_target_is_refused_on_create(system_actor, url):
    with pytest.raises(ValidationError) as refused:
        create_subscription(
            system_actor,
            {"name": "x", "target_url": url, "events": ["ticket.created"]},
        )

    assert codes(refused.value) == {"target_url": ["webhook_target_not_allowed"]}
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("url", ["ftp://example.com/x", "http://user:pw@example.com/"])
def test_only_plain_http_and_https_urls(system_actor, url):
    with pytest.raises(ValidationError) as refused:
        create_subscription(
            system_actor, {"name": "x", "target_url": url, "events": ["ticket.created"]}
        )

    assert codes(refused.value) == {"target_url": ["webhook_target_not_allowed"]}


def test_an_internal_target_is_refused_on_update(system_actor, monkeypatch):
    monkeypatch.setattr(transport.socket, "getaddrinfo", _resolves_to("93.184.215.14"))
    subscription, _ = create_subscription(
        system_actor,
        {
            "name": "x",
            "target_url": "https://erp.example.com/",
            "events": ["ticket.created"],
        },
    )
    monkeypatch.undo()

    with pytest.raises(ValidationError) as refused:
        update_subscription(
            system_actor, subscription.pk, {"target_url": "http://10.0.0.1/"}
        )

    assert codes(refused.value) == {"target_url": ["webhook_target_not_allowed"]}
    subscription.refresh_from_db()
    assert subscription.target_url == "https://erp.example.com/"


def test_the_setting_allows_loopback_only(system_actor, settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    for url in ("http://127.0.0.1:8000/hook", "http://[::1]/hook"):
        create_subscription(
            system_actor,
            {"name": "x", "target_url": url, "events": ["ticket.created"]},
        )
    for url in ("http://10.0.0.1/", "http://169.254.169.254/"):
        with pytest.raises(ValidationError):
            create_subscription(
                system_actor,
                {"name": "x", "target_url": url, "events": ["ticket.created"]},
            )


def _resolves_to(*addresses):
    def getaddrinfo(host, port, *args, **kwargs):
        return [
            (
                socket.AF_INET6 if ":" in a else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (a, port),
            )
            for a in addresses
        ]

    return getaddrinfo


@pytest.mark.parametrize("url", INTERNAL)
def test_an_internal_target_is_refused_at_send_time(db, url):
    # stored by other means (or it resolved elsewhere when it was saved)
    WebhookSubscription.objects.create(
        name="x", target_url=url, events=["ticket.created"], secret="s"
    )
    make_ticket()

    from saleor_helpdesk.tasks import retry_due_deliveries

    retry_due_deliveries()

    [attempt_error] = WebhookSubscription.objects.get().deliveries.values_list(
        "last_error", flat=True
    )
    assert attempt_error.startswith("Refused:")


def test_dns_rebinding_is_caught_at_send_time(db, monkeypatch, receiver):
    # the host name resolved to a public address when the subscription was saved and
    # resolves to an internal one now: the request is refused, nothing is sent
    WebhookSubscription.objects.create(
        name="x",
        target_url="http://hooks.example.com/x",
        events=["ticket.created"],
        secret="s",
    )
    make_ticket()
    monkeypatch.setattr(
        transport.socket, "getaddrinfo", _resolves_to("93.184.215.14", "10.1.2.3")
    )

    from saleor_helpdesk.tasks import retry_due_deliveries

    retry_due_deliveries()

    [error] = WebhookSubscription.objects.get().deliveries.values_list(
        "last_error", flat=True
    )
    assert "10.1.2.3" in error


def test_the_connection_goes_to_the_checked_address(
    db, monkeypatch, receiver, settings
):
    # a name resolved and checked once is connected to by address: a second, different
    # DNS answer (rebinding) is never asked for
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    port = int(receiver.url.split(":")[2].split("/")[0])
    calls = []

    def getaddrinfo(host, p, *args, **kwargs):
        calls.append(host)
        return _resolves_to("127.0.0.1")(host, p)

    monkeypatch.setattr(transport.socket, "getaddrinfo", getaddrinfo)
    response = transport.post(
        f"http://hooks.example.com:{port}/hooks/helpdesk", b"{}", {}
    )

    assert response.status_code == 200
    assert calls == ["hooks.example.com"]
    assert receiver.requests[0].headers["Host"] == f"hooks.example.com:{port}"
