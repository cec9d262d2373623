"""Webhooks follow the ticket rules: a subscription is created only by a caller who may
read tickets (MANAGE_ORDERS, and only its own channels), and a delivery's payload is
shown only to callers who may read its ticket. Access by anonymous callers, customers
and staff without MANAGE_APPS / MANAGE_PLUGINS: `test_webhook_api.py`."""

import json

import pytest
from graphene.relay import Node

from saleor_helpdesk.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from tests.factories import StaffFactory, grant, make_ticket
from tests.graphql.webhooks import operations as op

READER_NEEDS_TICKETS = (
    "You need the MANAGE_ORDERS permission as well: a webhook subscription sends "
    "ticket contents, and only what the staff user or app who saves it may read."
)

DELIVERIES = """
query Deliveries($id: ID!) {
  webhookSubscription(id: $id) {
    deliveries(first: 10) {
      edges { node {
        topic payload lastResponseExcerpt
        attemptLog { number responseExcerpt error }
      } }
    }
  }
}
"""


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


def new_subscription(**fields):
    return {
        "input": {
            "name": "ERP",
            "targetUrl": "http://127.0.0.1:9/hooks",
            "events": ["ticket.created", "comment.created"],
            **fields,
        }
    }


@pytest.fixture(autouse=True)
def _loopback(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True


# Creating


@pytest.mark.parametrize(
    "caller",
    ["staff_with_manage_plugins", "staff_with_manage_apps", "app_with_manage_apps"],
)
def test_create_is_refused_to_managers_who_cannot_read_tickets(api_for, caller):
    # when a caller who manages webhooks but reads no tickets subscribes to them
    payload = api_for(caller)(
        op.CREATE, new_subscription(includeInternalComments=True)
    )["webhookSubscriptionCreate"]

    # then it is refused, and nothing is created
    assert payload["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": READER_NEEDS_TICKETS}
    ]
    assert payload["secret"] is None
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize(
    ("caller", "kind"),
    [
        ("staff_with_manage_plugins_and_orders", "staff"),
        ("staff_with_manage_apps_and_orders", "staff"),
        ("app_with_manage_apps_and_orders", "app"),
    ],
)
def test_create_by_a_caller_who_reads_every_channel_covers_every_channel(
    api_for, caller, kind
):
    payload = api_for(caller)(op.CREATE, new_subscription())[
        "webhookSubscriptionCreate"
    ]

    assert payload["errors"] == []
    assert payload["subscription"]["channels"] == []
    assert payload["subscription"]["suspendedReason"] is None
    subscription = WebhookSubscription.objects.get()
    assert subscription.reader_kind == kind
    assert subscription.channel_ids == []


def test_the_reported_attack_is_refused(api_for, channel, other_channel):
    # given a manager whose MANAGE_ORDERS is limited to one channel
    api = api_for("restricted_manager")

    # when they ask for every channel's internal notes, or another channel's
    every = api(op.CREATE, new_subscription(includeInternalComments=True))
    other = api(
        op.CREATE,
        new_subscription(
            includeInternalComments=True, channels=[channel.slug, other_channel.slug]
        ),
    )

    # then both are refused on `channels`, and nothing is created
    assert every["webhookSubscriptionCreate"]["errors"] == [
        {
            "field": "channels",
            "code": "PERMISSION_DENIED",
            "message": (
                "You may read the tickets of some channels only: name them in "
                "channels (an empty list means every channel)."
            ),
        }
    ]
    assert other["webhookSubscriptionCreate"]["errors"] == [
        {
            "field": "channels",
            "code": "PERMISSION_DENIED",
            "message": (
                f"You may not read the tickets of channel(s): {other_channel.slug}."
            ),
        }
    ]
    assert not WebhookSubscription.objects.exists()


def test_a_restricted_manager_subscribes_to_their_own_channel(
    api_for, channel, other_channel
):
    payload = api_for("restricted_manager")(
        op.CREATE,
        new_subscription(includeInternalComments=True, channels=[channel.slug]),
    )["webhookSubscriptionCreate"]
    mine = make_ticket(channel_id=channel.pk)
    make_ticket(channel_id=other_channel.pk)

    assert payload["errors"] == []
    assert payload["subscription"]["channels"] == [channel.slug]
    assert set(WebhookDelivery.objects.values_list("ticket_id", flat=True)) == {mine.pk}


# Updating


@pytest.fixture
def hook(db):
    return WebhookSubscription.objects.create(
        name="ERP",
        target_url="http://127.0.0.1:9/hooks",
        events=["ticket.created"],
        secret="s3cret",
        reader_kind="system",
    )


@pytest.mark.parametrize(
    "change",
    [
        {"targetUrl": "http://127.0.0.1:8/mine"},
        {"includeInternalComments": True},
        {"events": ["comment.created"]},
        {"channels": []},
        {"isActive": True},
    ],
)
def test_changing_what_is_sent_is_refused_to_managers_who_cannot_read_tickets(
    api_for, hook, change
):
    before = list(WebhookSubscription.objects.values())

    payload = api_for("staff_with_manage_plugins")(
        op.UPDATE,
        {"id": gid("HelpdeskWebhookSubscription", hook.pk), "input": change},
    )["webhookSubscriptionUpdate"]

    assert payload["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": READER_NEEDS_TICKETS}
    ]
    assert list(WebhookSubscription.objects.values()) == before


def test_a_restricted_manager_cannot_repoint_an_every_channel_subscription(
    api_for, hook
):
    before = list(WebhookSubscription.objects.values())

    payload = api_for("restricted_manager")(
        op.UPDATE,
        {
            "id": gid("HelpdeskWebhookSubscription", hook.pk),
            "input": {"targetUrl": "http://127.0.0.1:8/mine"},
        },
    )["webhookSubscriptionUpdate"]

    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("channels", "PERMISSION_DENIED")
    assert list(WebhookSubscription.objects.values()) == before


def test_a_suspended_subscription_says_why(manager_api, db):
    # given a subscription whose reader lost MANAGE_ORDERS
    reader = StaffFactory(email="reader@shop.example")
    grant(reader, "MANAGE_PLUGINS")
    WebhookSubscription.objects.create(
        name="ERP",
        target_url="http://127.0.0.1:9/hooks",
        events=["ticket.created"],
        reader_kind="staff",
        reader_user=reader,
    )

    [subscription] = manager_api(op.WEBHOOK_SUBSCRIPTIONS)["webhookSubscriptions"]

    assert subscription["suspendedReason"] == (
        "The staff user reader@shop.example no longer has the MANAGE_ORDERS "
        "permission. Nothing is sent until a staff user or app with MANAGE_ORDERS and "
        "access to its channels saves it again (for example with isActive: true)."
    )


# Reading the delivery log


@pytest.fixture
def logged(hook, channel, other_channel):
    """One delivery per channel, each with an attempt whose answer echoed it."""
    for target in (channel, other_channel):
        make_ticket(channel_id=target.pk, subject=f"Secret of {target.slug}")
    for delivery in WebhookDelivery.objects.all():
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=1,
            status_code=500,
            response_excerpt=f"echo: {delivery.payload['ticket']['subject']}",
        )
        delivery.status = "failed"
        delivery.last_response_excerpt = (
            f"echo: {delivery.payload['ticket']['subject']}"
        )
        delivery.save()
    return hook


def subjects(api, hook):
    data = api(DELIVERIES, {"id": gid("HelpdeskWebhookSubscription", hook.pk)})
    nodes = [e["node"] for e in data["webhookSubscription"]["deliveries"]["edges"]]
    seen = [
        (
            node["payload"] and "payload",
            node["lastResponseExcerpt"],
            tuple(a["responseExcerpt"] for a in node["attemptLog"]),
        )
        for node in nodes
    ]
    return sorted(seen, key=repr)


def test_managers_who_read_every_channel_see_payloads_and_answers(
    api_for, logged, channel, other_channel
):
    api = api_for("staff_with_manage_plugins_and_orders")

    assert subjects(api, logged) == [
        ("payload", f"echo: Secret of {slug}", (f"echo: Secret of {slug}",))
        for slug in sorted([channel.slug, other_channel.slug])
    ]


@pytest.mark.parametrize(
    "caller",
    ["staff_with_manage_plugins", "staff_with_manage_apps", "app_with_manage_apps"],
)
def test_managers_who_read_no_tickets_see_deliveries_without_payloads(
    api_for, logged, caller
):
    assert subjects(api_for(caller), logged) == [(None, None, (None,))] * 2


def test_a_restricted_manager_sees_the_payloads_of_their_channel_only(
    api_for, logged, channel
):
    assert subjects(api_for("restricted_manager"), logged) == [
        (
            "payload",
            f"echo: Secret of {channel.slug}",
            (f"echo: Secret of {channel.slug}",),
        ),
        (None, None, (None,)),
    ]


def test_the_payload_is_visible_in_the_log_as_the_consumer_gets_it(manager_api, logged):
    data = manager_api(
        DELIVERIES, {"id": gid("HelpdeskWebhookSubscription", logged.pk)}
    )

    payloads = {
        json.loads(e["node"]["payload"])["ticket"]["subject"]
        for e in data["webhookSubscription"]["deliveries"]["edges"]
    }
    assert len(payloads) == 2


@pytest.mark.parametrize(
    ("caller", "shown"),
    [
        ("staff_with_manage_plugins", False),
        ("staff_with_manage_plugins_and_orders", True),
    ],
)
def test_redelivery_answers_with_the_payload_only_for_readers(
    api_for, logged, channel, caller, shown
):
    delivery = WebhookDelivery.objects.get(ticket__channel_id=channel.pk)

    payload = api_for(caller)(
        op.REDELIVER, {"id": gid("HelpdeskWebhookDelivery", delivery.pk)}
    )["webhookDeliveryRedeliver"]

    assert payload["errors"] == []
    assert payload["delivery"]["status"] == "PENDING"
    assert (payload["delivery"]["payload"] is not None) is shown
    assert (payload["delivery"]["lastResponseExcerpt"] is not None) is shown
