"""The Saleor plugin: discovered through the `saleor.plugins` entry point.

Kept thin: HTTP goes to `http.dispatch`; order and customer hooks go to `hooks.py`,
which records and enqueues inside a guard, so a helpdesk error never reaches a checkout
or order flow. Each hook returns `previous_value` untouched: the helpdesk only listens.
This module and `host/saleor.py` are the only ones that import Saleor.
"""

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from saleor.plugins.base_plugin import BasePlugin

from . import PLUGIN_ID, hooks
from .constants import OrderHappening
from .http import dispatch


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
