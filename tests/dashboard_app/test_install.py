"""Installing and uninstalling the helpdesk's Dashboard app through the host port
(the rows Saleor's Dashboard reads), on either host."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.dashboard.app import InstallStatus, dashboard_app_spec
from saleor_helpdesk.host import get_host
from saleor_helpdesk.models import Comment, Ticket, TicketEvent
from tests.factories import (
    AppFactory,
    app_token_for,
    install_helpdesk_app,
    make_ticket,
)

from .conftest import (
    extension_model,
    extension_rows,
    helpdesk_apps,
    token_model,
    writes,
)

PAGES = "https://shop.example.com/plugins/global/saleor.helpdesk/dashboard/"
APP_PERMISSIONS = ["handle_payments", "manage_orders", "manage_plugins", "manage_users"]


@pytest.mark.django_db
def test_install_creates_the_app_and_its_three_extensions_with_permissions(shop_url):
    # when the app is installed for the shop's URL
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then one third-party app exists, active, with the helpdesk's permissions
    assert result.status == InstallStatus.CREATED
    assert (result.extensions_created, result.skipped) == (3, ())
    [app] = helpdesk_apps()
    assert app.pk == result.app_id
    assert (app.name, app.type, app.is_active, app.is_installed) == (
        "Helpdesk",
        "thirdparty",
        True,
        True,
    )
    assert app.app_url == PAGES
    assert sorted(p.codename for p in app.permissions.all()) == APP_PERMISSIONS
    # and the inbox, the order widget and the customer widget, each with its own
    assert extension_rows(app) == [
        (
            "customer_details_widgets",
            "widget",
            "Helpdesk tickets",
            f"{PAGES}customer-widget",
            ["manage_orders", "manage_users"],
        ),
        ("navigation_orders", "app_page", "Helpdesk", "/inbox", ["manage_orders"]),
        (
            "order_details_widgets",
            "widget",
            "Helpdesk tickets",
            f"{PAGES}order-widget",
            ["manage_orders"],
        ),
    ]


@pytest.mark.django_db
def test_a_second_install_reports_unchanged_and_writes_nothing(shop_url):
    # given an installed app
    first = get_host().install_dashboard_app(dashboard_app_spec(shop_url))
    rows_before = extension_rows(helpdesk_apps().get())
    extension_ids = sorted(extension_model().objects.values_list("pk", flat=True))

    # when it is installed again
    with CaptureQueriesContext(connection) as captured:
        second = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then nothing was written and the result says so
    assert writes(captured) == []
    assert second.status == InstallStatus.UNCHANGED
    assert (second.app_id, second.changes) == (first.app_id, ())
    assert (
        second.extensions_created,
        second.extensions_updated,
        second.extensions_removed,
    ) == (0, 0, 0)
    assert extension_rows(helpdesk_apps().get()) == rows_before
    assert sorted(extension_model().objects.values_list("pk", flat=True)) == (
        extension_ids
    )


@pytest.mark.django_db
def test_a_changed_base_url_updates_the_app_url_and_the_widgets(shop_url):
    # given an app installed for the old URL
    first = get_host().install_dashboard_app(dashboard_app_spec(shop_url))
    extension_ids = sorted(extension_model().objects.values_list("pk", flat=True))

    # when it is installed for a new one
    result = get_host().install_dashboard_app(
        dashboard_app_spec("https://helpdesk.example.org/")
    )

    # then the same rows point at the new URL (the inbox's path is relative)
    new_pages = "https://helpdesk.example.org/plugins/global/saleor.helpdesk/dashboard/"
    assert result.status == InstallStatus.UPDATED
    assert result.app_id == first.app_id
    assert result.changes == (
        "app_url",
        "extension order-widget: url",
        "extension customer-widget: url",
    )
    assert (
        result.extensions_created,
        result.extensions_updated,
        result.extensions_removed,
    ) == (0, 2, 0)
    app = helpdesk_apps().get()
    assert app.app_url == new_pages
    assert [row[3] for row in extension_rows(app)] == [
        f"{new_pages}customer-widget",
        "/inbox",
        f"{new_pages}order-widget",
    ]
    assert sorted(extension_model().objects.values_list("pk", flat=True)) == (
        extension_ids
    )


@pytest.mark.django_db
def test_changes_made_in_the_dashboard_are_put_back(shop_url):
    # given an installed app whose permission and inbox label someone changed
    app = install_helpdesk_app(shop_url)
    app.permissions.remove(app.permissions.get(codename="handle_payments"))
    inbox = extension_model().objects.get(app=app, mount="navigation_orders")
    inbox.label = "Tickets"
    inbox.save()
    inbox.permissions.clear()

    # when it is installed again
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then both are back as the helpdesk needs them
    assert result.status == InstallStatus.UPDATED
    assert result.changes == ("permissions", "extension inbox: label, permissions")
    assert result.extensions_updated == 1
    assert sorted(p.codename for p in app.permissions.all()) == APP_PERMISSIONS
    inbox.refresh_from_db()
    assert inbox.label == "Helpdesk"
    assert [p.codename for p in inbox.permissions.all()] == ["manage_orders"]


@pytest.mark.django_db
def test_an_extension_the_helpdesk_no_longer_has_is_removed(shop_url):
    # given an installed app with an extension the spec does not name
    app = install_helpdesk_app(shop_url)
    extension_model().objects.create(
        app=app,
        label="Old statistics",
        url="/#/statistics",
        mount="navigation_customers",
        target="app_page",
    )

    # when it is installed again
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then only the three extensions remain
    assert result.status == InstallStatus.UPDATED
    assert result.changes == ("extension Old statistics: removed",)
    assert result.extensions_removed == 1
    assert extension_model().objects.filter(app=app).count() == 3


@pytest.mark.django_db
def test_a_missing_extension_is_created_again(shop_url):
    # given an installed app whose order widget was deleted
    app = install_helpdesk_app(shop_url)
    extension_model().objects.filter(app=app, mount="order_details_widgets").delete()

    # when it is installed again
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then the widget is back
    assert result.status == InstallStatus.UPDATED
    assert result.changes == ("extension order-widget: created",)
    assert result.extensions_created == 1
    assert [row[0] for row in extension_rows(app)] == [
        "customer_details_widgets",
        "navigation_orders",
        "order_details_widgets",
    ]


@pytest.mark.django_db
def test_install_leaves_an_app_the_merchant_deactivated_deactivated(shop_url):
    # given an installed app deactivated in the Dashboard
    app = install_helpdesk_app(shop_url)
    app.is_active = False
    app.save()

    # when it is installed again
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then it is unchanged and reported as inactive
    assert (result.status, result.is_active) == (InstallStatus.UNCHANGED, False)
    app.refresh_from_db()
    assert app.is_active is False


@pytest.mark.django_db
def test_an_app_saleor_marked_removed_is_not_reused(shop_url):
    # given an app removed in the Dashboard (Saleor deletes it later)
    old = install_helpdesk_app(shop_url)
    old.removed_at = datetime(2026, 1, 1, tzinfo=UTC)
    old.is_active = False
    old.save()

    # when the app is installed
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then a new one is created beside it
    assert result.status == InstallStatus.CREATED
    assert result.app_id != old.pk
    assert helpdesk_apps().filter(removed_at__isnull=True).get().pk == result.app_id


@pytest.mark.django_db
def test_uninstall_removes_app_extensions_and_tokens_and_keeps_helpdesk_data(
    shop_url, customer_actor, order, staff_actor
):
    # given tickets with comments, and the installed app with a token
    ticket = make_ticket(customer_actor, order_id=order.pk)
    make_ticket(customer_actor, subject="Second question", channel_id=order.channel_id)
    add_comment(staff_actor, ticket.pk, "<p>We are on it.</p>")
    app = install_helpdesk_app(shop_url)
    app_token_for(app)
    other = AppFactory(name="ERP")
    other_token_count = token_model().objects.exclude(app=app).count()
    counts = (
        Ticket.objects.count(),
        Comment.objects.count(),
        TicketEvent.objects.count(),
    )

    # when the app is uninstalled
    removed = get_host().uninstall_dashboard_app(PLUGIN_ID)

    # then the app, its extensions and its token are gone, nothing else
    assert removed is True
    assert helpdesk_apps().count() == 0
    assert extension_model().objects.filter(app_id=app.pk).count() == 0
    assert token_model().objects.filter(app_id=app.pk).count() == 0
    assert token_model().objects.count() == other_token_count
    other.refresh_from_db()
    assert (
        Ticket.objects.count(),
        Comment.objects.count(),
        TicketEvent.objects.count(),
    ) == counts
    assert counts[:2] == (2, 3)  # each ticket opens with its message, plus the reply


@pytest.mark.django_db
def test_uninstall_also_removes_an_app_saleor_marked_removed(shop_url):
    app = install_helpdesk_app(shop_url)
    app.removed_at = datetime(2026, 1, 1, tzinfo=UTC)
    app.save()

    assert get_host().uninstall_dashboard_app(PLUGIN_ID) is True
    assert helpdesk_apps().count() == 0


@pytest.mark.django_db
def test_uninstall_without_an_app_removes_nothing():
    other = AppFactory(name="ERP")

    assert get_host().uninstall_dashboard_app(PLUGIN_ID) is False
    other.refresh_from_db()


@pytest.mark.django_db
def test_a_saleor_with_closed_mount_choices_gets_what_it_can_show(
    shop_url, monkeypatch
):
    # given a Saleor whose extension mounts are closed choices without the customer
    # widgets' mount (as 3.22 keeps them, were one missing)
    mount = extension_model()._meta.get_field("mount")
    monkeypatch.setattr(
        mount,
        "choices",
        [("navigation_orders", "navigation_orders"), ("order_details_widgets", "x")],
    )

    # when the app is installed
    result = get_host().install_dashboard_app(dashboard_app_spec(shop_url))

    # then the other two extensions are written and the missing one is named
    assert (result.status, result.extensions_created) == (InstallStatus.CREATED, 2)
    assert result.skipped == ("customer-widget",)
    assert [row[0] for row in extension_rows(helpdesk_apps().get())] == [
        "navigation_orders",
        "order_details_widgets",
    ]
