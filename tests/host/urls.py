"""URLs of the stand-in host, shaped like Saleor's `saleor/urls.py` plugin routes."""

from django.urls import path, re_path

from .saleor_api import saleor_graphql
from .views import handle_plugin_webhook

urlpatterns = [
    # Saleor's API; the stand-in answers only `tokenCreate` (the demo login).
    path("graphql/", saleor_graphql, name="api"),
    re_path(
        r"^plugins/global/(?P<plugin_id>[.0-9A-Z_a-z-]+)/",
        handle_plugin_webhook,
        name="plugins-global",
    ),
]
