"""A subscription sends only what its reader (the staff user or app who saved it) may
read now: checked when it is saved, when deliveries are planned and before each is
sent. Readers are made through the host's factories and looked up through the host
port, so these run on both hosts."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.actions.webhooks import (
    create_subscription,
    update_subscription,
)
from saleor_helpdesk.host import get_host
from saleor_helpdesk.models import TicketEvent, WebhookDelivery, WebhookSubscription
from saleor_helpdesk.tasks import retry_due_deliveries
from saleor_helpdesk.timeline import side_effects
from saleor_helpdesk.webhooks.planner import plan_deliveries
from saleor_helpdesk.webhooks.readers import reader_actor, suspended_reason
from tests.factories import AppFactory, StaffFactory, grant, make_ticket

RESUME = (
    " Nothing is sent until a staff user or app with MANAGE_ORDERS and access to its "
    "channels saves it again (for example with isActive: true)."
)


def staff(*codes, channels=None, email=None):
    user = StaffFactory(**({"email": email} if email else {}))
    grant(user, *codes, channels=channels)
    return user


def as_actor(user=None, app=None):
    return get_host().current_actor(user=user, app=app)


def subscribe(actor, **fields):
    fields.setdefault("name", "ERP")
    fields.setdefault("target_url", "http://127.0.0.1:9/hooks")
    fields.setdefault("events", ["ticket.created"])
    subscription, _ = create_subscription(actor, fields)
    return subscription


def sent_tickets(subscription):
    return sorted(
        WebhookDelivery.objects.filter(subscription=subscription).values_list(
            "ticket_id", flat=True
        )
    )


@pytest.fixture(autouse=True)
def _loopback(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True


def remove_groups(user):
    user.groups.all().delete()


# Saving


def test_manage_plugins_alone_cannot_create_a_subscription(db, other_channel):
    # given the reported attacker: MANAGE_PLUGINS, in a group restricted to a channel
    user = staff("MANAGE_PLUGINS", channels=[other_channel])

    # when they ask for every channel's internal notes
    with pytest.raises(ValidationError) as refused:
        subscribe(as_actor(user), include_internal_comments=True)

    # then nothing is created
    assert refused.value.messages == [
        "You need the MANAGE_ORDERS permission as well: a webhook subscription sends "
        "ticket contents, and only what the staff user or app who saves it may read."
    ]
    assert refused.value.error_list[0].code == "permission_denied"
    assert not WebhookSubscription.objects.exists()


def test_a_channel_restricted_reader_must_name_its_channels(db, channel, other_channel):
    user = staff("MANAGE_PLUGINS", "MANAGE_ORDERS", channels=[channel])

    with pytest.raises(ValidationError) as every_channel:
        subscribe(as_actor(user))
    with pytest.raises(ValidationError) as foreign:
        subscribe(as_actor(user), channels=[channel.slug, other_channel.slug])
    subscription = subscribe(as_actor(user), channels=[channel.slug])

    assert every_channel.value.message_dict == {
        "channels": [
            "You may read the tickets of some channels only: name them in channels "
            "(an empty list means every channel)."
        ]
    }
    assert foreign.value.message_dict == {
        "channels": [
            f"You may not read the tickets of channel(s): {other_channel.slug}."
        ]
    }
    assert list(WebhookSubscription.objects.all()) == [subscription]
    assert (subscription.reader_kind, subscription.reader_user) == ("staff", user)


def test_changing_what_is_sent_makes_the_caller_the_reader(db, channel, other_channel):
    owner = staff("MANAGE_PLUGINS", "MANAGE_ORDERS")
    subscription = subscribe(as_actor(owner))
    plugins_only = staff("MANAGE_PLUGINS")
    restricted = staff("MANAGE_PLUGINS", "MANAGE_ORDERS", channels=[other_channel])

    # renaming and deactivating keep the reader, and need no ticket access
    update_subscription(as_actor(plugins_only), subscription.pk, {"name": "CRM"})
    update_subscription(as_actor(plugins_only), subscription.pk, {"is_active": False})
    # pointing it elsewhere or reactivating it reads with the caller's eyes
    with pytest.raises(ValidationError):
        update_subscription(
            as_actor(plugins_only),
            subscription.pk,
            {"target_url": "http://127.0.0.1:8/mine"},
        )
    with pytest.raises(ValidationError) as every_channel:
        update_subscription(as_actor(restricted), subscription.pk, {"is_active": True})
    update_subscription(
        as_actor(restricted),
        subscription.pk,
        {"is_active": True, "channels": [other_channel.slug]},
    )

    assert every_channel.value.message_dict["channels"]
    subscription.refresh_from_db()
    assert (subscription.name, subscription.is_active) == ("CRM", True)
    assert subscription.target_url == "http://127.0.0.1:9/hooks"
    assert subscription.reader_user == restricted
    assert subscription.channel_ids == [other_channel.pk]


# Planning


def test_a_reader_whose_channels_shrank_gets_only_the_channels_it_still_reads(
    db, channel, other_channel
):
    # given a subscription for every channel by a reader who could read them all and
    # is now limited to one
    user = staff("MANAGE_PLUGINS", "MANAGE_ORDERS")
    subscription = subscribe(as_actor(user))
    remove_groups(user)
    grant(user, "MANAGE_ORDERS", channels=[channel])

    # when tickets are opened in both channels, and one without a channel
    mine = make_ticket(channel_id=channel.pk)
    make_ticket(channel_id=other_channel.pk)
    make_ticket()

    # then only the readable one is sent
    assert sent_tickets(subscription) == [mine.pk]
    assert suspended_reason(subscription, reader_actor(subscription)) is None


@pytest.mark.parametrize(
    ("take_away", "reason"),
    [
        (
            remove_groups,
            "The staff user reader@shop.example no longer has the MANAGE_ORDERS "
            "permission.",
        ),
        (
            lambda user: type(user).objects.filter(pk=user.pk).update(is_active=False),
            "The staff user reader@shop.example is deactivated or removed.",
        ),
        (
            lambda user: type(user).objects.filter(pk=user.pk).update(is_staff=False),
            "The staff user reader@shop.example is no longer a staff member.",
        ),
        (
            lambda user: user.delete(),
            "The staff user who saved it was deleted.",
        ),
    ],
    ids=["lost MANAGE_ORDERS", "deactivated", "no longer staff", "deleted"],
)
def test_a_reader_who_lost_access_suspends_the_subscription(
    db, channel, take_away, reason
):
    # given a subscription that sent while its reader could read tickets
    user = staff("MANAGE_PLUGINS", "MANAGE_ORDERS", email="reader@shop.example")
    subscription = subscribe(as_actor(user))
    make_ticket(channel_id=channel.pk)
    assert WebhookDelivery.objects.count() == 1

    # when the reader loses access
    take_away(user)
    make_ticket(channel_id=channel.pk)

    # then nothing more is planned, and the subscription says why
    assert WebhookDelivery.objects.count() == 1
    subscription = WebhookSubscription.objects.get()
    assert suspended_reason(subscription, reader_actor(subscription)) == reason + RESUME


def test_a_subscription_saved_before_readers_were_recorded_sends_nothing(db):
    legacy = WebhookSubscription.objects.create(
        name="old", target_url="http://127.0.0.1:9/", events=["ticket.created"]
    )

    make_ticket()

    assert not WebhookDelivery.objects.exists()
    assert suspended_reason(legacy, reader_actor(legacy)) == (
        "Nobody is recorded whose access it sends with (it was saved before the "
        "helpdesk recorded this)." + RESUME
    )


def test_an_apps_subscription_reads_every_channel_while_it_has_manage_orders(
    db, channel, other_channel
):
    app = AppFactory(name="ERP connector")
    grant(app, "MANAGE_APPS", "MANAGE_ORDERS")
    subscription = subscribe(as_actor(app=app))
    first = make_ticket(channel_id=channel.pk)
    second = make_ticket(channel_id=other_channel.pk)
    assert subscription.reader_kind == "app"
    assert sent_tickets(subscription) == sorted([first.pk, second.pk])

    app.permissions.clear()
    make_ticket(channel_id=channel.pk)

    assert sent_tickets(subscription) == sorted([first.pk, second.pk])
    assert suspended_reason(subscription, reader_actor(subscription)) == (
        "The app 'ERP connector' no longer has the MANAGE_ORDERS permission." + RESUME
    )


def test_an_app_without_manage_orders_cannot_create_one(db):
    app = AppFactory()
    grant(app, "MANAGE_APPS")

    with pytest.raises(ValidationError) as refused:
        subscribe(as_actor(app=app))

    assert refused.value.error_list[0].code == "permission_denied"
    assert not WebhookSubscription.objects.exists()


# Sending


def test_a_queued_delivery_is_not_sent_once_its_reader_lost_access(
    db, channel, receiver
):
    # given a delivery planned while its reader could read the ticket
    user = staff("MANAGE_PLUGINS", "MANAGE_ORDERS", email="reader@shop.example")
    subscribe(as_actor(user), target_url=receiver.url, events=["ticket.created"])
    make_ticket(channel_id=channel.pk)

    # when the reader loses MANAGE_ORDERS before it is sent
    remove_groups(user)
    retry_due_deliveries()

    # then it fails unsent, with the reason
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert delivery.last_error == (
        "Not sent: The staff user reader@shop.example no longer has the MANAGE_ORDERS "
        "permission." + RESUME
    )


def test_a_queued_delivery_of_a_channel_the_reader_lost_is_not_sent(
    db, channel, other_channel, receiver
):
    user = staff("MANAGE_PLUGINS", "MANAGE_ORDERS")
    subscribe(as_actor(user), target_url=receiver.url, events=["ticket.created"])
    make_ticket(channel_id=channel.pk)
    make_ticket(channel_id=other_channel.pk)
    remove_groups(user)
    grant(user, "MANAGE_ORDERS", channels=[other_channel])

    retry_due_deliveries()

    assert len(receiver.requests) == 1
    sent, unsent = WebhookDelivery.objects.order_by("-status")
    assert (sent.status, sent.ticket.channel_id) == ("succeeded", other_channel.pk)
    assert (unsent.status, unsent.last_error) == (
        "failed",
        "Not sent: the subscription's reader may not read this ticket's channel "
        "(any more).",
    )


# Cost


def test_planning_looks_each_reader_up_once_per_batch(
    db, channel, django_assert_max_num_queries
):
    first = staff("MANAGE_PLUGINS", "MANAGE_ORDERS")
    second = staff("MANAGE_PLUGINS", "MANAGE_ORDERS", channels=[channel])
    for n in range(3):
        subscribe(as_actor(first), name=f"first-{n}", events=["comment.created"])
    subscribe(
        as_actor(second),
        channels=[channel.slug],
        name="second",
        events=["comment.created"],
    )
    agent = as_actor(staff("MANAGE_ORDERS"))
    tickets = [make_ticket(channel_id=channel.pk, subject=f"t{n}") for n in range(20)]
    with transaction.atomic(), side_effects.batched():
        for ticket in tickets:
            add_comment(agent, ticket.pk, "Antwort")
    events = list(TicketEvent.objects.filter(type="comment_added", user=agent.user))
    WebhookDelivery.objects.all().delete()

    # subscriptions with their readers 1, tickets 1, comments 1, the insert 1, and
    # each of the two readers' current access (1 query on both hosts:
    # `staff_access`'s permissions, groups and channels)
    with django_assert_max_num_queries(4 + 2 * 1):
        created = plan_deliveries(events)

    assert len(events) == 20
    assert len(created) == 4 * 20
