"""The Saleor plugin: discovered through the `saleor.plugins` entry point.

Kept thin: HTTP goes to `http.dispatch`; order and customer hooks go to `hooks.py`,
which records and enqueues inside a guard, so a helpdesk error never reaches a checkout
or order flow. Each hook returns `previous_value` untouched: the helpdesk only listens.
This module and `host/saleor.py` are the only ones that import Saleor.
"""

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from saleor.plugins.base_plugin import BasePlugin

from . import PLUGIN_ID
from .core.constants import OrderHappening
from .dashboard.app import dashboard_app_spec
from .dashboard.files import missing_build
from .host import get_host, hooks
from .http import dispatch

logger = logging.getLogger(__name__)


class HelpdeskPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Helpdesk"
    PLUGIN_DESCRIPTION = (
        "Support tickets, complaints and refund requests tied to orders, with a "
        "GraphQL API for storefronts and a Dashboard extension."
    )
    # One configuration for the whole shop; channel policies live in helpdesk tables.
    CONFIGURATION_PER_CHANNEL = False
    # `pip install` + `migrate` is the whole installation: active unless switched off.
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION: list[dict[str, Any]] = []
    CONFIG_STRUCTURE: dict[str, Any] = {}

    def webhook(
        self, request: HttpRequest, path: str, previous_value: Any
    ) -> HttpResponseBase:
        return dispatch(request, path)

    def order_confirmed(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.CONFIRMED)
        return previous_value

    def order_fully_paid(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.FULLY_PAID)
        return previous_value

    def order_fulfilled(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.FULFILLED)
        return previous_value

    def fulfillment_created(
        self, fulfillment: Any, previous_value: Any, **_: Any
    ) -> Any:
        hooks.fulfillment_created(fulfillment)
        return previous_value

    def order_refunded(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.REFUNDED)
        return previous_value

    def order_fully_refunded(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.FULLY_REFUNDED)
        return previous_value

    def order_cancelled(self, order: Any, previous_value: Any, **_: Any) -> Any:
        hooks.order_happened(order, OrderHappening.CANCELLED)
        return previous_value

    def customer_created(self, customer: Any, previous_value: Any, **_: Any) -> Any:
        hooks.customer_created(customer)
        return previous_value

    def account_confirmed(self, user: Any, previous_value: Any, **_: Any) -> Any:
        hooks.account_confirmed(user)
        return previous_value

    # Saleor calls both after the account's row is gone (on commit of the deletion):
    # staff deleting a customer (`customerDelete`, `customerBulkDelete`), and the
    # customer confirming their own deletion (`accountDelete`).
    def customer_deleted(
        self, customer: Any, previous_value: Any, webhooks: Any = None, **_: Any
    ) -> Any:
        hooks.account_deleted(customer, "customer_deleted")
        return previous_value

    def account_deleted(self, user: Any, previous_value: Any, **_: Any) -> Any:
        hooks.account_deleted(user, "account_deleted")
        return previous_value

    @classmethod
    def save_plugin_configuration(cls, plugin_configuration: Any, cleaned_data: Any):
        """Saleor calls this when the plugin's configuration is saved (`pluginUpdate`,
        the Dashboard's plugin page). Switching the plugin on also installs (or
        updates) the Dashboard app; that never fails the save."""
        was_active = plugin_configuration.active
        configuration = super().save_plugin_configuration(
            plugin_configuration, cleaned_data
        )
        if configuration.active and not was_active:
            install_dashboard_app_on_activation()
        return configuration


def install_dashboard_app_on_activation() -> None:
    base_url = getattr(settings, "PUBLIC_URL", None)
    if not base_url:
        logger.warning(
            "Helpdesk activated, Dashboard app not installed: Saleor's PUBLIC_URL is "
            "not set. Run `manage.py helpdesk_dashboard_app_install --base-url <URL>`."
        )
        return
    problem = missing_build()
    if problem:
        logger.warning("Helpdesk activated, Dashboard app not installed: %s", problem)
        return
    try:
        result = get_host().install_dashboard_app(dashboard_app_spec(base_url))
    except Exception:
        logger.exception(
            "Helpdesk activated, installing the Dashboard app failed; run "
            "`manage.py helpdesk_dashboard_app_install` to retry."
        )
        return
    logger.info(
        "Helpdesk activated: Dashboard app %s (app id %s).",
        result.status,
        result.app_id,
    )
