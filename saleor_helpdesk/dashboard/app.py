"""The helpdesk's Saleor App for the Dashboard: what it is, as data.

Saleor shows an app's extensions in its Dashboard: the inbox in the navigation, a
widget on the order page and one on the customer page. This module says what the app
and its extensions look like for a given base URL; the host port writes the rows
(`HostPort.install_dashboard_app`). Nothing here imports Saleor or GraphQL.

Facts from Saleor (3.22.0, 3.23.0 and main) behind the choices below:

- The Dashboard gets a token for an app page only from `App.accessToken`, which Saleor
  issues for `thirdparty` apps only, and never for an app holding MANAGE_APPS
  (`graphql/app/resolvers.py`). The token's permissions are the app's ∩ the staff
  user's (`core/jwt.py` `create_access_token_for_app`); a widget's token carries the
  extension's ∩ the user's and is issued only when the user holds all of the
  extension's permissions.
- An APP_PAGE extension's URL is a path relative to the app's `app_url`: the Dashboard
  opens it at `/extensions/app/<id>/<path>` and loads `app_url` + that path (Saleor
  3.22 refuses absolute APP_PAGE URLs in manifests). Widgets load their URL as it is
  (absolute here), with `GET`.
- The Dashboard appends its own query (`saleorApiUrl`, `id`, `orderId`, …) to either
  URL with a URL-joining helper (`resolveAppIframeUrl`, Dashboard 3.23): behind a
  `#fragment` the query would land inside the fragment, where AppBridge never looks,
  and the page would never learn which Saleor it serves. So every entry point is a
  path of its own (`inbox`, `order-widget`, `customer-widget`, and `tickets/<id>`
  when a widget opens a ticket), served by the plugin as the same page; the
  front-end takes its first screen from that path. The same
  helper drops a trailing slash, which the plugin answers with a redirect.
- Mounts `navigation_orders`, `order_details_widgets`, `customer_details_widgets` and
  targets `app_page`, `widget` exist on every release from 3.22; Saleor stores them in
  lower case. 3.22 keeps them as closed choices, 3.23+ as free strings.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from .. import PLUGIN_ID, __version__
from ..core.permissions import Perm

APP_NAME = "Helpdesk"
APP_ABOUT = (
    "Support tickets, complaints and refund requests tied to orders and customers. "
    "Installed by the saleor-helpdesk plugin; its pages are served by the plugin."
)

# The extension's entry pages below `app_url` (the plugin serves each as the same
# page; see `http.dashboard.ENTRY_PAGES`); inside a page the front-end routes by hash.
INBOX_PAGE = "inbox"
ORDER_WIDGET_PAGE = "order-widget"
CUSTOMER_WIDGET_PAGE = "customer-widget"
ENTRY_PAGES = (INBOX_PAGE, ORDER_WIDGET_PAGE, CUSTOMER_WIDGET_PAGE)
# A widget opens a ticket on the app page: the Dashboard goes to
# /extensions/app/<id>/tickets/<ticket id> and loads `app_url` + `tickets/<ticket id>`.
_TICKET_PAGE = re.compile(r"tickets/[A-Za-z0-9_=-]+/?")


def is_entry_page(path: str) -> bool:
    """Whether `path` (below `app_url`) is one of the extension's pages."""
    return path.rstrip("/") in ENTRY_PAGES or bool(_TICKET_PAGE.fullmatch(path))


class Mount(StrEnum):
    NAVIGATION_ORDERS = "navigation_orders"
    ORDER_DETAILS_WIDGETS = "order_details_widgets"
    CUSTOMER_DETAILS_WIDGETS = "customer_details_widgets"


class Target(StrEnum):
    APP_PAGE = "app_page"
    WIDGET = "widget"


# What the app may do for a staff user through the Dashboard's token (always ∩ the
# user's own permissions): work tickets, refund, see customer data, edit the helpdesk's
# settings. Never MANAGE_APPS: Saleor issues no Dashboard token for such an app.
APP_PERMISSIONS: tuple[Perm, ...] = (
    Perm.MANAGE_ORDERS,
    Perm.HANDLE_PAYMENTS,
    Perm.MANAGE_USERS,
    Perm.MANAGE_PLUGINS,
)


@dataclass(frozen=True)
class ExtensionSpec:
    # Unique within the app; stored as Saleor's `AppExtension.identifier` (3.24+).
    identifier: str
    label: str
    mount: Mount
    target: Target
    url: str
    # A staff user sees the extension only with all of these (Saleor's rule); they
    # are also all its token carries.
    permissions: tuple[Perm, ...]
    # Saleor's extension `options` (stored as `settings`, 3.23+).
    settings: dict[str, Any] = field(default_factory=dict, hash=False)
    # The same for 3.22, whose `http_target_method` column 3.23 deprecated.
    http_target_method: str | None = None


@dataclass(frozen=True)
class DashboardAppSpec:
    identifier: str
    name: str
    app_url: str
    about_app: str
    version: str
    permissions: tuple[Perm, ...]
    extensions: tuple[ExtensionSpec, ...]

    def supported_by(
        self, mounts: set[str] | None, targets: set[str] | None
    ) -> tuple["DashboardAppSpec", tuple[ExtensionSpec, ...]]:
        """The spec without the extensions a host cannot show (unknown mount or
        target; `None` means any value is accepted), and those left out."""
        kept = tuple(
            extension
            for extension in self.extensions
            if (mounts is None or extension.mount.value in mounts)
            and (targets is None or extension.target.value in targets)
        )
        skipped = tuple(e for e in self.extensions if e not in kept)
        return _replace_extensions(self, kept), skipped


def _replace_extensions(
    spec: DashboardAppSpec, extensions: tuple[ExtensionSpec, ...]
) -> DashboardAppSpec:
    return DashboardAppSpec(
        identifier=spec.identifier,
        name=spec.name,
        app_url=spec.app_url,
        about_app=spec.about_app,
        version=spec.version,
        permissions=spec.permissions,
        extensions=extensions,
    )


class InvalidBaseURL(ValueError):
    pass


def normalize_base_url(base_url: str) -> str:
    """`https://shop.example.com/` → `https://shop.example.com`: where Saleor answers,
    with an optional path prefix, without query or fragment."""
    value = (base_url or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidBaseURL(
            f"{base_url!r} is not an http(s) URL: give Saleor's public URL, "
            "e.g. https://shop.example.com."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InvalidBaseURL(
            f"{base_url!r}: give Saleor's public URL without credentials, query or "
            "fragment."
        )
    return value.rstrip("/")


def dashboard_url(base_url: str) -> str:
    """Where the plugin serves the extension's pages (the app's `app_url`)."""
    return f"{normalize_base_url(base_url)}/plugins/global/{PLUGIN_ID}/dashboard/"


def dashboard_app_spec(base_url: str) -> DashboardAppSpec:
    app_url = dashboard_url(base_url)
    widget = {"widgetTarget": {"method": "GET"}}
    return DashboardAppSpec(
        identifier=PLUGIN_ID,
        name=APP_NAME,
        app_url=app_url,
        about_app=APP_ABOUT,
        version=__version__,
        permissions=APP_PERMISSIONS,
        extensions=(
            ExtensionSpec(
                identifier="inbox",
                label="Helpdesk",
                mount=Mount.NAVIGATION_ORDERS,
                target=Target.APP_PAGE,
                # Relative to app_url, as Saleor and the Dashboard require.
                url=f"/{INBOX_PAGE}",
                permissions=(Perm.MANAGE_ORDERS,),
            ),
            ExtensionSpec(
                identifier="order-widget",
                label="Helpdesk tickets",
                mount=Mount.ORDER_DETAILS_WIDGETS,
                target=Target.WIDGET,
                url=f"{app_url}{ORDER_WIDGET_PAGE}",
                permissions=(Perm.MANAGE_ORDERS,),
                settings=widget,
                http_target_method="GET",
            ),
            ExtensionSpec(
                identifier="customer-widget",
                label="Helpdesk tickets",
                mount=Mount.CUSTOMER_DETAILS_WIDGETS,
                target=Target.WIDGET,
                url=f"{app_url}{CUSTOMER_WIDGET_PAGE}",
                permissions=(Perm.MANAGE_ORDERS, Perm.MANAGE_USERS),
                settings=widget,
                http_target_method="GET",
            ),
        ),
    )


class InstallStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class InstallResult:
    status: InstallStatus
    app_id: int
    is_active: bool
    extensions_created: int = 0
    extensions_updated: int = 0
    extensions_removed: int = 0
    # What differed from the spec, e.g. "app_url", "extension inbox: url".
    changes: tuple[str, ...] = ()
    # Extensions the host's Saleor cannot show (unknown mount or target).
    skipped: tuple[str, ...] = ()
