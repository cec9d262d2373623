"""Absolute URLs of the plugin's own HTTP endpoints (`http/`), as the caller reached
the API: the host and scheme of the request, below `/plugins/global/<PLUGIN_ID>`."""

from django.http import HttpRequest

from ... import PLUGIN_ID


def plugin_url(request: HttpRequest, path: str) -> str:
    """`path` (from the plugin's root, starting with "/") as an absolute URL."""
    return request.build_absolute_uri(f"/plugins/global/{PLUGIN_ID}{path}")
