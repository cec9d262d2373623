"""Fixtures shared by every behaviour test, on either host (see tests/factories)."""

import pytest
from django.apps import apps
from django.db import connection

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import (
    Category,
    Contact,
    Priority,
    StatusTransition,
    TicketStatus,
)
from saleor_helpdesk.tickets.defaults import install_defaults
from tests.factories import (
    AppFactory,
    ChannelFactory,
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    SupportAgentFactory,
    UserFactory,
)

if apps.is_installed("saleor.order"):
    # Inside Saleor, reads may go to the `replica` alias: let tests use it, as Saleor's
    # own conftest does.
    import django.test

    # Saleor's own conftest loads its GraphQL schema before migrations import task
    # modules; without it, migration loading hits a circular import inside Saleor.
    import saleor.graphql.api  # noqa: F401
    from saleor.tests.utils import prepare_test_db_connections

    django.test.TransactionTestCase.databases = {"default", "replica"}
    django.test.TestCase.databases = {"default", "replica"}
    prepare_test_db_connections()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The default workflow is migration data. A reused test database (`--reuse-db`)
    may have lost it to an earlier run's transactional tests: write it again and make it
    part of what serialized rollback restores."""
    with django_db_blocker.unblock():
        if apps.is_installed("saleor.order"):
            _prepare_saleor_test_database()
        install_defaults(
            status_model=TicketStatus,
            transition_model=StatusTransition,
            priority_model=Priority,
            category_model=Category,
            contact_model=Contact,
        )
        # pytest-django serializes only for tests marked `serialized_rollback`; the
        # autouse fixture below asks for it everywhere, so the snapshot is taken here.
        connection._test_serialized_contents = (
            connection.creation.serialize_db_to_string()
        )


def _prepare_saleor_test_database() -> None:
    from django.conf import settings
    from django.contrib.sites.models import Site
    from django.db import connections
    from saleor.site.models import SiteSettings

    # Migrations that just built this database cached the current site as their
    # historical model (Saleor's patched, process-wide site cache); the real model
    # must be looked up again.
    Site.objects.clear_cache()
    # Saleor's mutations read the site's settings (a migration writes them; an earlier
    # run's transactional tests may have emptied the table).
    # Values as Saleor's own `site_settings` fixture writes them, so that its
    # get_or_create finds this row.
    SiteSettings.objects.update_or_create(
        site=Site.objects.get_current(),
        defaults={
            "refund_reason_reference_type": None,
            "default_mail_sender_name": "Example",
            "default_mail_sender_address": "example@example.com",
        },
    )
    # Threads open their own `replica` connection from the settings: point it at the
    # test database too (Saleor's fake replica covers the main thread only).
    replica = settings.DATABASE_CONNECTION_REPLICA_NAME
    connections.settings[replica]["NAME"] = connection.settings_dict["NAME"]


@pytest.fixture(autouse=True)
def _serialized_rollback(django_db_serialized_rollback):
    """Transactional tests (threads, processes, live servers) empty every table when
    they finish. Requesting pytest-django's `django_db_serialized_rollback` makes each
    of them start from what the migrations wrote (the default workflow) instead."""


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # Every test writes attachments into its own folder, so tests can look at disk.
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def channel(db):
    return ChannelFactory(slug="default-channel", name="Default", currency_code="EUR")


@pytest.fixture
def other_channel(db):
    return ChannelFactory(slug="other-channel", name="Other", currency_code="USD")


@pytest.fixture
def customer(db):
    return UserFactory(
        email="kunde@example.de",
        first_name="Anna",
        last_name="Schmidt",
        language_code="de",
    )


@pytest.fixture
def other_customer(db):
    return UserFactory(email="other@example.com")


@pytest.fixture
def customer_actor(customer):
    return Actor.customer(customer)


@pytest.fixture
def order(customer, channel):
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    OrderLineFactory(order=order, product_name="Kaffeebecher", quantity=2)
    OrderLineFactory(order=order, product_name="Teekanne", quantity=1)
    return order


@pytest.fixture
def guest_order(channel):
    order = OrderFactory(user=None, user_email="gast@example.de", channel=channel)
    OrderLineFactory(order=order, quantity=1)
    return order


@pytest.fixture
def guest_actor(guest_order):
    return Actor.guest(guest_order.pk, guest_order.user_email)


@pytest.fixture
def staff_user(db):
    agent = SupportAgentFactory(user=StaffFactory(email="agent@shop.example"))
    return agent.user


@pytest.fixture
def staff_actor(staff_user):
    return Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})


@pytest.fixture
def colleague(db):
    return SupportAgentFactory(user=StaffFactory(email="colleague@shop.example")).user


@pytest.fixture
def staff_without_permission_actor(db):
    return Actor.staff(StaffFactory(email="intern@shop.example"), set())


@pytest.fixture
def app_actor(db):
    return Actor.for_app(AppFactory(name="ERP"), {Perm.MANAGE_ORDERS.value})
