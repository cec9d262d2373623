"""What the helpdesk's Dashboard app looks like, as data (no database, no host)."""

import pytest

from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.dashboard.app import (
    InvalidBaseURL,
    Mount,
    Target,
    dashboard_app_spec,
    normalize_base_url,
)

PAGES = "https://shop.example.com/plugins/global/saleor.helpdesk/dashboard/"


def test_the_app_is_the_plugins_with_the_permissions_its_pages_use():
    spec = dashboard_app_spec("https://shop.example.com")

    assert spec.identifier == "saleor.helpdesk"
    assert spec.name == "Helpdesk"
    assert spec.app_url == PAGES
    # Never MANAGE_APPS: Saleor gives the Dashboard no token for such an app.
    assert spec.permissions == (
        Perm.MANAGE_ORDERS,
        Perm.HANDLE_PAYMENTS,
        Perm.MANAGE_USERS,
        Perm.MANAGE_PLUGINS,
    )


def test_three_extensions_point_at_the_pages_the_plugin_serves():
    spec = dashboard_app_spec("https://shop.example.com")

    assert [
        (e.identifier, e.mount, e.target, e.url, e.permissions) for e in spec.extensions
    ] == [
        (
            "inbox",
            Mount.NAVIGATION_ORDERS,
            Target.APP_PAGE,
            "/inbox",  # an APP_PAGE's URL is a path below app_url
            (Perm.MANAGE_ORDERS,),
        ),
        (
            "order-widget",
            Mount.ORDER_DETAILS_WIDGETS,
            Target.WIDGET,
            f"{PAGES}order-widget",
            (Perm.MANAGE_ORDERS,),
        ),
        (
            "customer-widget",
            Mount.CUSTOMER_DETAILS_WIDGETS,
            Target.WIDGET,
            f"{PAGES}customer-widget",
            (Perm.MANAGE_ORDERS, Perm.MANAGE_USERS),
        ),
    ]
    widget_options = [(e.settings, e.http_target_method) for e in spec.extensions]
    assert widget_options == [
        ({}, None),
        ({"widgetTarget": {"method": "GET"}}, "GET"),
        ({"widgetTarget": {"method": "GET"}}, "GET"),
    ]


def test_every_extension_permission_is_one_of_the_apps():
    # Saleor refuses a manifest whose extension asks for more than its app has.
    spec = dashboard_app_spec("https://shop.example.com")

    for extension in spec.extensions:
        assert set(extension.permissions) <= set(spec.permissions)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://shop.example.com", "https://shop.example.com"),
        ("https://shop.example.com/", "https://shop.example.com"),
        (" http://localhost:8000/ ", "http://localhost:8000"),
        ("https://example.com/saleor/", "https://example.com/saleor"),
    ],
)
def test_the_base_url_is_saleors_public_url_without_a_trailing_slash(given, expected):
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "shop.example.com",
            "'shop.example.com' is not an http(s) URL: give Saleor's public URL, "
            "e.g. https://shop.example.com.",
        ),
        (
            "ftp://shop.example.com",
            "'ftp://shop.example.com' is not an http(s) URL: give Saleor's public "
            "URL, e.g. https://shop.example.com.",
        ),
        (
            "https://shop.example.com/?a=1",
            "'https://shop.example.com/?a=1': give Saleor's public URL without "
            "credentials, query or fragment.",
        ),
        (
            "https://user:pw@shop.example.com",
            "'https://user:pw@shop.example.com': give Saleor's public URL without "
            "credentials, query or fragment.",
        ),
    ],
)
def test_a_base_url_that_is_not_saleors_public_url_is_refused(given, message):
    with pytest.raises(InvalidBaseURL) as info:
        normalize_base_url(given)

    assert str(info.value) == message


def test_a_saleor_with_closed_mount_choices_gets_only_what_it_can_show():
    # given a Saleor that knows navigation and order widgets but not customer widgets
    spec = dashboard_app_spec("https://shop.example.com")

    # when the spec is narrowed to what it accepts
    supported, skipped = spec.supported_by(
        mounts={"navigation_orders", "order_details_widgets"},
        targets={"app_page", "widget", "popup"},
    )

    # then the customer widget is left out and named
    assert [e.identifier for e in supported.extensions] == ["inbox", "order-widget"]
    assert [e.identifier for e in skipped] == ["customer-widget"]
    assert supported.app_url == spec.app_url


def test_a_saleor_with_free_mounts_and_targets_gets_every_extension():
    spec = dashboard_app_spec("https://shop.example.com")

    supported, skipped = spec.supported_by(mounts=None, targets=None)

    assert supported == spec
    assert skipped == ()
