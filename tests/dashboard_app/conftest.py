"""Rows of the host's app tables, read the same way on both hosts."""

import pytest
from django.apps import apps

from saleor_helpdesk import PLUGIN_ID


def app_model():
    return apps.get_model("app", "App")


def extension_model():
    return apps.get_model("app", "AppExtension")


def token_model():
    return apps.get_model("app", "AppToken")


def helpdesk_apps():
    return app_model().objects.filter(identifier=PLUGIN_ID)


def extension_rows(app) -> list[tuple]:
    """(mount, target, label, url, permission codenames) per extension of `app`."""
    return sorted(
        (
            row.mount,
            row.target,
            row.label,
            row.url,
            sorted(p.codename for p in row.permissions.all()),
        )
        for row in extension_model().objects.filter(app=app)
    )


def writes(captured) -> list[str]:
    """The statements of a CaptureQueriesContext that changed rows."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


@pytest.fixture
def shop_url() -> str:
    return "https://shop.example.com"
