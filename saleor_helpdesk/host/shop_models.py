"""The shop's own models, looked up by app label so the domain never imports Saleor.

Typed as `Any`: their classes belong to the host (Saleor or the stand-in host).
"""

from typing import Any

from django.apps import apps
from django.conf import settings


def user_model() -> Any:
    return apps.get_model(settings.AUTH_USER_MODEL)


def order_model() -> Any:
    return apps.get_model("order", "Order")


def channel_model() -> Any:
    return apps.get_model("channel", "Channel")


def order_line_model() -> Any:
    return apps.get_model("order", "OrderLine")


def page_model() -> Any:
    return apps.get_model("page", "Page")
