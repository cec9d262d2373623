"""The Dashboard app inside real Saleor: the rows are Saleor's, Saleor's own API lists
the extensions and hands out the tokens the Dashboard passes to the helpdesk's pages,
and activating the plugin installs the app. Skipped on the stand-in host."""

import logging

import pytest

pytest.importorskip(
    "saleor.app.models",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

import graphene  # noqa: E402

from saleor_helpdesk import PLUGIN_ID  # noqa: E402
from saleor_helpdesk.host import get_host  # noqa: E402
from saleor_helpdesk.host.third_party import FOREIGN_APP_MESSAGE  # noqa: E402
from tests.factories import (  # noqa: E402
    AppFactory,
    StaffFactory,
    access_token_for,
    grant,
    install_helpdesk_app,
    make_ticket,
)
from tests.graphql.conftest import Api  # noqa: E402
from tests.saleor.graphql_client import SALEOR_API, post_graphql  # noqa: E402

PAGES = "https://shop.example.com/plugins/global/saleor.helpdesk/dashboard/"
INBOX = "{ tickets(first: 10) { totalCount edges { node { number } } } }"
EXTENSIONS = """
{ appExtensions(first: 20) { edges { node {
    label mountName targetName url accessToken
    permissions { code }
    app { id name }
} } } }
"""
APP_TOKEN = "query($id: ID!) { app(id: $id) { name type accessToken } }"


def saleor_api(token: str, query: str, variables: dict | None = None) -> dict:
    """Saleor's own GraphQL API, as the Dashboard calls it."""
    return post_graphql(SALEOR_API, query, variables or {}, token)


def app_id(app) -> str:
    return graphene.Node.to_global_id("App", app.pk)


@pytest.fixture
def support_staff(db):
    # May work orders and see customers; not refund, not manage products' app.
    user = StaffFactory(email="support@shop.example")
    grant(user, "MANAGE_ORDERS", "MANAGE_USERS", "MANAGE_PRODUCTS")
    return user


@pytest.mark.django_db
def test_the_app_holds_saleors_own_permission_rows():
    app = install_helpdesk_app()

    assert sorted(
        app.permissions.values_list("content_type__app_label", "codename")
    ) == [
        ("account", "manage_users"),
        ("order", "manage_orders"),
        ("payment", "handle_payments"),
        ("plugins", "manage_plugins"),
    ]
    assert app.get_permissions() == {
        "account.manage_users",
        "order.manage_orders",
        "payment.handle_payments",
        "plugins.manage_plugins",
    }


@pytest.mark.django_db
def test_saleors_api_lists_the_three_extensions_for_staff(support_staff):
    # given the installed app
    app = install_helpdesk_app()

    # when the Dashboard asks Saleor for the extensions
    data = saleor_api(access_token_for(support_staff), EXTENSIONS)

    # then Saleor shows them where the helpdesk put them, each with a token
    nodes = [edge["node"] for edge in data["appExtensions"]["edges"]]
    assert sorted(
        (
            node["mountName"],
            node["targetName"],
            node["url"],
            sorted(p["code"] for p in node["permissions"]),
            node["app"]["id"],
        )
        for node in nodes
    ) == [
        (
            "CUSTOMER_DETAILS_WIDGETS",
            "WIDGET",
            f"{PAGES}customer-widget",
            ["MANAGE_ORDERS", "MANAGE_USERS"],
            app_id(app),
        ),
        ("NAVIGATION_ORDERS", "APP_PAGE", "/inbox", ["MANAGE_ORDERS"], app_id(app)),
        (
            "ORDER_DETAILS_WIDGETS",
            "WIDGET",
            f"{PAGES}order-widget",
            ["MANAGE_ORDERS"],
            app_id(app),
        ),
    ]
    assert all(node["accessToken"] for node in nodes)


@pytest.mark.django_db
def test_the_dashboards_token_for_the_app_page_opens_the_inbox(
    support_staff, customer_actor, order
):
    # given a ticket and the token Saleor gives the Dashboard for the app's page
    ticket = make_ticket(customer_actor, order_id=order.pk)
    app = install_helpdesk_app()
    data = saleor_api(access_token_for(support_staff), APP_TOKEN, {"id": app_id(app)})
    assert (data["app"]["name"], data["app"]["type"]) == ("Helpdesk", "THIRDPARTY")
    token = data["app"]["accessToken"]

    # when the page sends it to the helpdesk
    actor = get_host().authenticate(_request(token))
    inbox = Api(token)(INBOX)

    # then it is the staff user with the app's ∩ the user's permissions
    assert actor.user == support_staff
    assert actor.permissions == frozenset({"MANAGE_ORDERS", "MANAGE_USERS"})
    assert inbox["tickets"]["edges"] == [{"node": {"number": ticket.number}}]


@pytest.mark.django_db
def test_a_widgets_token_carries_only_the_extensions_permissions(support_staff):
    # given the installed app and the token Saleor gives the order widget
    install_helpdesk_app()
    data = saleor_api(access_token_for(support_staff), EXTENSIONS)
    [widget] = [
        edge["node"]
        for edge in data["appExtensions"]["edges"]
        if edge["node"]["mountName"] == "ORDER_DETAILS_WIDGETS"
    ]

    # when the widget sends it to the helpdesk
    actor = get_host().authenticate(_request(widget["accessToken"]))

    # then it may work orders and nothing else the user could
    assert actor.permissions == frozenset({"MANAGE_ORDERS"})


@pytest.mark.django_db
def test_another_apps_dashboard_token_is_refused_with_401(support_staff):
    # given another third-party app and the token Saleor gives the Dashboard for it
    install_helpdesk_app()
    other = AppFactory(name="ERP connector", type="thirdparty", identifier="erp")
    grant(other, "MANAGE_ORDERS")
    data = saleor_api(access_token_for(support_staff), APP_TOKEN, {"id": app_id(other)})

    # when that token is sent to the helpdesk
    response = Api(data["app"]["accessToken"]).post(INBOX)

    # then the helpdesk refuses it
    assert response.status_code == 401
    assert response.json()["errors"] == [
        {"message": FOREIGN_APP_MESSAGE, "extensions": {"code": "INVALID_TOKEN"}}
    ]


@pytest.mark.django_db
def test_activating_the_plugin_installs_the_dashboard_app(settings):
    # given a deactivated plugin and Saleor's public URL
    from saleor.app.models import App, AppExtension
    from saleor.plugins.manager import get_plugins_manager
    from saleor.plugins.models import PluginConfiguration

    settings.PUBLIC_URL = "https://shop.example.com/"
    PluginConfiguration.objects.create(identifier=PLUGIN_ID, active=False)

    # when the merchant switches it on (what `pluginUpdate` does)
    get_plugins_manager(allow_replica=False).save_plugin_configuration(
        PLUGIN_ID, None, {"active": True}
    )

    # then the app and its extensions exist
    app = App.objects.get(identifier=PLUGIN_ID)
    assert app.app_url == PAGES
    assert AppExtension.objects.filter(app=app).count() == 3


@pytest.mark.django_db
def test_a_failing_install_never_fails_the_activation(settings, monkeypatch, caplog):
    # given an install that breaks
    from saleor.app.models import App
    from saleor.plugins.manager import get_plugins_manager
    from saleor.plugins.models import PluginConfiguration

    from saleor_helpdesk.host.saleor import SaleorHost

    def broken(self, spec):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(SaleorHost, "install_dashboard_app", broken)
    settings.PUBLIC_URL = "https://shop.example.com/"
    PluginConfiguration.objects.create(identifier=PLUGIN_ID, active=False)

    # when the plugin is switched on
    with caplog.at_level(logging.ERROR, logger="saleor_helpdesk.plugin"):
        configuration = get_plugins_manager(
            allow_replica=False
        ).save_plugin_configuration(PLUGIN_ID, None, {"active": True})

    # then the plugin is active, the failure logged, and no app written
    assert configuration.active is True
    assert PluginConfiguration.objects.get(identifier=PLUGIN_ID).active is True
    assert [r.getMessage() for r in caplog.records] == [
        "Helpdesk activated, installing the Dashboard app failed; run "
        "`manage.py helpdesk_dashboard_app_install` to retry."
    ]
    assert not App.objects.filter(identifier=PLUGIN_ID).exists()


@pytest.mark.django_db
def test_activation_without_a_public_url_only_logs(settings, caplog):
    from saleor.app.models import App
    from saleor.plugins.manager import get_plugins_manager
    from saleor.plugins.models import PluginConfiguration

    settings.PUBLIC_URL = None
    PluginConfiguration.objects.create(identifier=PLUGIN_ID, active=False)

    with caplog.at_level(logging.WARNING, logger="saleor_helpdesk.plugin"):
        get_plugins_manager(allow_replica=False).save_plugin_configuration(
            PLUGIN_ID, None, {"active": True}
        )

    assert [r.getMessage() for r in caplog.records] == [
        "Helpdesk activated, Dashboard app not installed: Saleor's PUBLIC_URL is not "
        "set. Run `manage.py helpdesk_dashboard_app_install --base-url <URL>`."
    ]
    assert not App.objects.filter(identifier=PLUGIN_ID).exists()


@pytest.mark.django_db
def test_activation_without_the_extensions_build_only_logs(
    settings, monkeypatch, tmp_path, caplog
):
    # given an installation without the Dashboard extension's build
    from saleor.app.models import App
    from saleor.plugins.manager import get_plugins_manager
    from saleor.plugins.models import PluginConfiguration

    from saleor_helpdesk.dashboard import files as dashboard_files

    monkeypatch.setattr(dashboard_files, "BUILD_DIR", tmp_path)
    settings.PUBLIC_URL = "https://shop.example.com/"
    PluginConfiguration.objects.create(identifier=PLUGIN_ID, active=False)

    # when the plugin is switched on
    with caplog.at_level(logging.WARNING, logger="saleor_helpdesk.plugin"):
        get_plugins_manager(allow_replica=False).save_plugin_configuration(
            PLUGIN_ID, None, {"active": True}
        )

    # then no app whose pages would answer 404 is registered, and the log says why
    assert not App.objects.filter(identifier=PLUGIN_ID).exists()
    [message] = [r.getMessage() for r in caplog.records]
    assert message.startswith(
        "Helpdesk activated, Dashboard app not installed: The Dashboard extension is "
        "not built into this installation"
    )
    assert "npm ci && npm run build" in message


def _request(token: str):
    from django.test import RequestFactory

    return RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
