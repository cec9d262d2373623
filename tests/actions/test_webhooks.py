"""Webhook subscriptions and redeliveries, managed through the actions."""

import pytest

from saleor_helpdesk.actions.webhooks import (
    create_subscription,
    delete_subscription,
    redeliver,
    update_subscription,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.host import get_host
from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from saleor_helpdesk.models.webhook import WebhookDeliveryStatus
from tests.assertions import raises_error
from tests.factories import StaffFactory, grant, make_ticket

MANAGER = {Perm.MANAGE_APPS.value, Perm.MANAGE_ORDERS.value}


@pytest.fixture(autouse=True)
def _loopback(settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True


@pytest.fixture
def manager(db):
    # The shop grants the permissions: deliveries look the reader up again.
    user = StaffFactory()
    grant(user, *MANAGER)
    return get_host().current_actor(user=user)


def subscribe(actor, **fields):
    fields.setdefault("name", "ERP")
    fields.setdefault("target_url", "http://127.0.0.1:9/hooks")
    fields.setdefault("events", ["ticket.created"])
    return create_subscription(actor, fields)


def test_create_returns_the_secret_once_and_records_the_reader(manager, channel):
    subscription, secret = subscribe(
        manager, events=["ticket.created", "ticket.created"], channels=[channel.slug]
    )

    stored = WebhookSubscription.objects.get()
    assert stored.pk == subscription.pk and stored.secret == secret
    assert stored.events == ["ticket.created"]
    assert stored.channel_ids == [channel.pk]
    assert stored.reader_user_id == manager.user.pk


@pytest.mark.parametrize(
    "fields, field, code",
    [
        ({"name": " "}, "name", "required"),
        ({"events": []}, "events", "required"),
        ({"events": ["ticket.exploded"]}, "events", "unknown_webhook_topic"),
        ({"channels": ["nowhere"]}, "channels", "not_found"),
        ({"signing": "rot13"}, "signing", "invalid"),
    ],
)
def test_a_bad_subscription_is_refused_and_not_saved(manager, fields, field, code):
    with raises_error(field, code):
        subscribe(manager, **fields)
    assert not WebhookSubscription.objects.exists()


def test_an_update_of_what_is_sent_makes_the_caller_the_reader(manager):
    subscription, _ = subscribe(manager)
    other = Actor.staff(StaffFactory(), MANAGER)

    # renaming keeps the reader
    update_subscription(other, subscription.pk, {"name": "CRM"})
    subscription.refresh_from_db()
    assert (subscription.name, subscription.reader_user_id) == ("CRM", manager.user.pk)

    # changing the topics makes the caller the reader
    update_subscription(other, subscription.pk, {"events": ["comment.created"]})
    subscription.refresh_from_db()
    assert subscription.reader_user_id == other.user.pk


def test_changing_what_is_sent_needs_manage_orders(manager):
    subscription, _ = subscribe(manager)
    apps_only = Actor.staff(StaffFactory(), {Perm.MANAGE_APPS.value})

    update_subscription(apps_only, subscription.pk, {"is_active": False})
    with raises_error(None, "permission_denied"):
        update_subscription(apps_only, subscription.pk, {"events": ["ticket.closed"]})

    subscription.refresh_from_db()
    assert (subscription.is_active, subscription.events) == (False, ["ticket.created"])


@pytest.mark.parametrize(
    "permissions", [set(), {Perm.MANAGE_ORDERS.value}, {Perm.MANAGE_USERS.value}]
)
def test_only_webhook_managers_write(manager, permissions):
    subscription, _ = subscribe(manager)
    actor = Actor.staff(StaffFactory(), permissions)

    with raises_error(None, "permission_denied"):
        subscribe(actor)
    with raises_error(None, "permission_denied"):
        update_subscription(actor, subscription.pk, {"name": "x"})
    with raises_error(None, "permission_denied"):
        delete_subscription(actor, subscription.pk)
    assert WebhookSubscription.objects.get().name == "ERP"


def test_delete_returns_the_row_with_its_id(manager):
    subscription, _ = subscribe(manager)

    deleted = delete_subscription(manager, subscription.pk)

    assert deleted.pk == subscription.pk
    assert not WebhookSubscription.objects.exists()
    with raises_error("id", "not_found", "Webhook subscription not found."):
        delete_subscription(manager, subscription.pk)
    with raises_error("id", "not_found"):
        update_subscription(manager, subscription.pk, {"name": "x"})


def test_redelivery_queues_the_row_again_after_commit_only(
    manager, customer_actor, channel, django_capture_on_commit_callbacks
):
    subscription, _ = subscribe(manager)
    make_ticket(customer_actor, channel_id=channel.pk)
    delivery = WebhookDelivery.objects.get(subscription=subscription)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDeliveryStatus.FAILED, attempts=5
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        row = redeliver(manager, delivery.pk)

    assert (row.status, row.attempts) == (WebhookDeliveryStatus.PENDING, 0)
    assert len(callbacks) == 1

    # a queued delivery is not queued twice
    with raises_error("id", "invalid", "The delivery is queued already."):
        redeliver(manager, delivery.pk)
    with raises_error("id", "not_found", "Webhook delivery not found."):
        redeliver(manager, delivery.pk + 1000)
