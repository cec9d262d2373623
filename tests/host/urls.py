"""URLs of the stand-in host, shaped like Saleor's `saleor/urls.py` plugin routes."""

from django.urls import re_path

from .views import handle_plugin_webhook

urlpatterns = [
    re_path(
        r"^plugins/global/(?P<plugin_id>[.0-9A-Z_a-z-]+)/",
        handle_plugin_webhook,
        name="plugins-global",
    ),
]
