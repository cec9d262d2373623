"""Find the host port configured by `settings.HELPDESK_HOST` (Saleor by default)."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import AuthenticationError, CustomerSummary, HostPort

DEFAULT_HOST = "saleor_helpdesk.host.saleor.SaleorHost"

__all__ = ["AuthenticationError", "CustomerSummary", "HostPort", "get_host"]


@cache
def _host_class(path: str) -> type[HostPort]:
    return import_string(path)


def get_host() -> HostPort:
    # Only the class is cached (it is code, the same in every process); the instance is
    # new each time and holds no state.
    return _host_class(getattr(settings, "HELPDESK_HOST", DEFAULT_HOST))()
