"""The Saleor plugin: discovered through the `saleor.plugins` entry point.

Kept thin: HTTP goes to `http.dispatch`, and (issue 5) order hooks record and enqueue
inside a guard, so a helpdesk error never reaches a checkout or order flow. This module
and `host/saleor.py` are the only ones that import Saleor.
"""

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from saleor.plugins.base_plugin import BasePlugin

from . import PLUGIN_ID
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
