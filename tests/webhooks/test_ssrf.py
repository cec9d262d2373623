"""Webhooks go to public addresses only: checked on create and update, and again at
send time after a fresh DNS resolution. The loopback setting opens 127.0.0.0/8 and ::1
only."""

import socket

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from saleor_helpdesk.actions.webhooks import (
    create_subscription,
    update_subscription,
)
from saleor_helpdesk.models import WebhookAttempt, WebhookSubscription
from saleor_helpdesk.webhooks import transport
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
        name="x",
        target_url=url,
        events=["ticket.created"],
        secret="s",
        reader_kind="system",
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
        reader_kind="system",
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


# IPv6 addresses that hand the packet to an IPv4 address: 6to4 (2002::/16, the IPv4
# address in bits 16-48), Teredo (2001::/32: the server, then the client's address
# inverted), IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96).
EMBEDDING_REFUSED = [
    ("2002:a00:1::1", "a private address (10.0.0.1) inside an IPv6 address"),
    ("2002:c0a8:114::", "a private address (192.168.1.20) inside an IPv6 address"),
    (
        "2002:a9fe:a9fe::1",
        "a link-local address (169.254.169.254) inside an IPv6 address",
    ),
    ("2002:7f00:1::1", "a loopback address (127.0.0.1) inside an IPv6 address"),
    ("2002:0:1::", "a private address (0.0.0.1) inside an IPv6 address"),
    (
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # client 10.0.0.1
        "a private address (10.0.0.1) inside an IPv6 address",
    ),
    (
        "2001:0:a9fe:a9fe:8000:63bf:a247:28f1",  # server 169.254.169.254
        "a link-local address (169.254.169.254) inside an IPv6 address",
    ),
    ("64:ff9b::a00:1", "a private address (10.0.0.1) inside an IPv6 address"),
    (
        "64:ff9b::a9fe:a9fe",
        "a link-local address (169.254.169.254) inside an IPv6 address",
    ),
    ("64:ff9b::7f00:1", "a loopback address (127.0.0.1) inside an IPv6 address"),
    ("::ffff:10.0.0.1", "a private address"),
    ("::ffff:169.254.169.254", "a link-local address"),
    ("::ffff:127.0.0.1", "a loopback address"),
]


@pytest.mark.parametrize(("address", "reason"), EMBEDDING_REFUSED)
def test_ipv6_addresses_that_embed_a_refused_ipv4_address_are_refused(
    settings, address, reason
):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = False

    assert transport.address_refused(address) == reason


def test_behind_a_relay_a_loopback_address_is_refused_even_when_loopback_is_allowed(
    settings,
):
    # 6to4 and NAT64 hand the packet to a relay: its loopback is not this machine's
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True

    assert transport.address_refused("::ffff:127.0.0.1") is None
    for address in ("2002:7f00:1::1", "64:ff9b::7f00:1"):
        assert transport.address_refused(address) == (
            "a loopback address (127.0.0.1) inside an IPv6 address"
        )


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "2002:5db8:d70e::1",  # 6to4 of 93.184.215.14
        "64:ff9b::5db8:d70e",  # NAT64 of 93.184.215.14 (what DNS64 answers)
    ],
)
def test_public_addresses_are_allowed(address):
    assert transport.address_refused(address) is None


def test_teredo_is_refused_even_around_public_addresses():
    # Teredo's prefix is not globally routable (IANA special-purpose registry)
    assert transport.address_refused("2001:0:4136:e378:8000:63bf:a247:28f1") == (
        "a private address"
    )


def test_a_name_resolving_to_a_6to4_address_of_a_private_one_is_refused(
    system_actor, monkeypatch
):
    monkeypatch.setattr(transport.socket, "getaddrinfo", _resolves_to("2002:a00:1::1"))

    with pytest.raises(ValidationError) as refused:
        create_subscription(
            system_actor,
            {
                "name": "x",
                "target_url": "https://erp.example.com/",
                "events": ["ticket.created"],
            },
        )

    assert refused.value.message_dict == {
        "target_url": [
            "The host 'erp.example.com' resolves to a private address (10.0.0.1) "
            "inside an IPv6 address (2002:a00:1::1): webhooks go to public addresses "
            "only."
        ]
    }


def test_a_target_refused_at_send_time_fails_the_delivery_at_once(db, monkeypatch):
    # given a subscription whose name resolved to a public address when it was saved
    # and resolves to a private one now (before: retried until the attempts ran out)
    WebhookSubscription.objects.create(
        name="x",
        target_url="http://hooks.example.com/x",
        events=["ticket.created"],
        secret="s",
        reader_kind="system",
    )
    make_ticket()
    monkeypatch.setattr(transport.socket, "getaddrinfo", _resolves_to("10.1.2.3"))

    from saleor_helpdesk.tasks import retry_due_deliveries

    # when it is due
    retry_due_deliveries()

    # then it failed, with the reason, and is not tried again
    delivery = WebhookSubscription.objects.get().deliveries.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (
        "failed",
        1,
        None,
    )
    assert delivery.last_error == (
        "Refused: The host 'hooks.example.com' resolves to a private address "
        "(10.1.2.3): webhooks go to public addresses only."
    )
    [attempt] = WebhookAttempt.objects.all()
    assert attempt.error == delivery.last_error


def test_a_name_that_does_not_resolve_now_is_retried(db, monkeypatch):
    # a DNS failure passes: it is not a refusal
    WebhookSubscription.objects.create(
        name="x",
        target_url="http://hooks.example.com/x",
        events=["ticket.created"],
        secret="s",
        reader_kind="system",
    )
    make_ticket()

    def unresolvable(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(transport.socket, "getaddrinfo", unresolvable)

    from saleor_helpdesk.tasks import retry_due_deliveries

    retry_due_deliveries()

    delivery = WebhookSubscription.objects.get().deliveries.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.next_attempt_at is not None
    assert delivery.last_error == (
        "Not resolved: The host 'hooks.example.com' cannot be resolved."
    )


@pytest.mark.parametrize(
    ("helpdesk", "saleor", "allowed"),
    [(False, False, False), (True, False, True), (False, True, True)],
)
def test_saleors_loopback_setting_allows_loopback_too(helpdesk, saleor, allowed):
    # Saleor's HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS lets its own webhooks reach loopback
    # (saleor/core/http_client.py); a Saleor admin expects the same here
    with override_settings(
        HELPDESK_WEBHOOKS_ALLOW_LOOPBACK=helpdesk,
        HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS=saleor,
    ):
        for address in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
            assert (transport.address_refused(address) is None) is allowed
        # never more than loopback
        assert transport.address_refused("10.0.0.1") == "a private address"
        assert transport.address_refused("169.254.169.254") == "a link-local address"
