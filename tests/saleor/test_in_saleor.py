"""Tests that only make sense inside real Saleor: discovery, activation, Saleor's own
URL routing to the plugin, and Saleor's order timeline. Skipped on the stand-in host."""

import importlib

import pytest

saleor = pytest.importorskip(
    "saleor.plugins.manager",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from saleor_helpdesk import PLUGIN_ID  # noqa: E402
from saleor_helpdesk.core.actor import Actor  # noqa: E402
from tests.factories import make_ticket  # noqa: E402


def test_saleors_settings_pick_up_the_entry_point():
    # Saleor's own settings module (not our test override) adds app and plugin.
    saleor_settings = importlib.import_module("saleor.settings")

    assert "saleor_helpdesk" in saleor_settings.INSTALLED_APPS
    assert "saleor_helpdesk.plugin.HelpdeskPlugin" in saleor_settings.PLUGINS


@pytest.mark.django_db
def test_the_plugin_is_listed_and_active_by_default():
    from saleor.plugins.manager import get_plugins_manager

    plugin = get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID)

    assert plugin is not None
    assert plugin.PLUGIN_NAME == "Helpdesk"
    assert plugin.active is True
    assert "saleor_helpdesk.plugin.HelpdeskPlugin" in settings.PLUGINS


@pytest.mark.django_db
def test_migrations_created_the_helpdesk_tables():
    tables = set(connection.introspection.table_names())

    assert {
        "saleor_helpdesk_ticket",
        "saleor_helpdesk_comment",
        "saleor_helpdesk_attachment",
        "saleor_helpdesk_ticketevent",
        "saleor_helpdesk_ticketstatus",
    } <= tables


@pytest.mark.django_db
def test_saleors_url_routes_to_the_plugin():
    response = Client().get(f"/plugins/global/{PLUGIN_ID}/")

    assert response.status_code == 200
    assert response.json()["plugin"] == PLUGIN_ID


@pytest.mark.django_db
def test_a_deactivated_plugin_is_not_reachable():
    from saleor.plugins.models import PluginConfiguration

    PluginConfiguration.objects.create(identifier=PLUGIN_ID, active=False)

    response = Client().get(f"/plugins/global/{PLUGIN_ID}/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_a_ticket_on_an_order_writes_a_note_on_saleors_order_timeline(
    customer_actor, order
):
    from saleor.order import OrderEvents

    ticket = make_ticket(customer_actor, order_id=order.pk)

    event = order.events.get(type=OrderEvents.NOTE_ADDED)
    assert event.parameters["message"] == (
        f"Helpdesk ticket #{ticket.number} opened: Where is my parcel?"
    )
    assert event.user == customer_actor.user


@pytest.mark.django_db
def test_customer_summary_counts_saleors_orders(customer, order):
    from saleor_helpdesk.host import get_host

    summary = get_host().customer_summary(user=customer, email=customer.email)

    assert summary.order_count == 1
    assert summary.total_spent == order.total_gross_amount
    assert summary.is_registered


def test_the_system_actor_is_independent_of_saleor():
    assert Actor.system().is_agent


@pytest.mark.django_db
def test_sample_data_runs_on_saleors_own_orders(channel):
    # given a Saleor shop with staff, customers and orders (as after `populatedb`)
    from io import StringIO

    from django.core.management import call_command

    from saleor_helpdesk.models import Ticket
    from tests.factories import (
        OrderFactory,
        OrderLineFactory,
        StaffFactory,
        UserFactory,
        grant,
    )

    # (populatedb's staff are superusers: they hold MANAGE_ORDERS, as agents must)
    for staff in StaffFactory.create_batch(2):
        grant(staff, "MANAGE_ORDERS")
    for customer in UserFactory.create_batch(3, language_code="de"):
        order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
        OrderLineFactory.create_batch(2, order=order)
    guest = OrderFactory(user=None, user_email="gast@example.de", channel=channel)
    OrderLineFactory(order=guest)

    # when the sample data command runs
    out = StringIO()
    call_command("helpdesk_sample_data", "--tickets", "8", stdout=out)

    # then tickets sit on Saleor's orders and Saleor's order timeline names them
    assert Ticket.objects.count() >= 8
    on_orders = Ticket.objects.filter(order__isnull=False)
    assert on_orders.exists()
    ticket = on_orders.first()
    assert ticket.order.events.filter(
        type="note_added", parameters__message__startswith="Helpdesk ticket #"
    ).exists()
