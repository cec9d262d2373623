"""The port to the shop platform: the helpdesk asks the host, never Saleor directly.

`get_host()` returns the host configured by `settings.HELPDESK_HOST` (Saleor by
default; the test suite's stand-in host is `tests/host/port.py`).

- `base.py`: the port, `HostPort`, with its contract, and `AuthenticationError`,
  `CustomerSummary`, `StoredPhone`, `AddressPhones`.
- `shared.py`: `SharedHostPort`, what both hosts do alike over Saleor's model names
  (current actor, staff access, customer summary, reading payments and refunds).
- `saleor.py`: the Saleor 3.22+ host (imports Saleor): authentication with Saleor's
  tokens, order notes, signing, app registration. `saleor_refunds.py`: its refund
  reasons and refunds through Saleor's own mutations.
- Shared by both hosts, importing nothing of Saleor: `refunds.py` (the values refunds
  cross the port as), `order_reading.py` (an order's payments, refund options and
  refund states, read by Saleor's names), `address_reading.py` (the phone numbers on
  orders' and customers' addresses), `staff_access.py` (Saleor's permission and
  channel rules), `shop_models.py` (the shop's models by app label),
  `third_party.py` (Dashboard tokens bound to the helpdesk's app),
  `app_registration.py` (the Dashboard app's rows).
- `hooks.py`: the guarded door Saleor's plugin hooks come through (`plugin.py`).

The refund path through these modules is walked in `saleor_helpdesk/refunds/`.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import (
    AddressPhones,
    AuthenticationError,
    CustomerSummary,
    HostPort,
    StoredPhone,
)

DEFAULT_HOST = "saleor_helpdesk.host.saleor.SaleorHost"

__all__ = [
    "AddressPhones",
    "AuthenticationError",
    "CustomerSummary",
    "HostPort",
    "StoredPhone",
    "get_host",
]


@cache
def _host_class(path: str) -> type[HostPort]:
    return import_string(path)


def get_host() -> HostPort:
    # Only the class is cached (it is code, the same in every process); the instance is
    # new each time and holds no state.
    return _host_class(getattr(settings, "HELPDESK_HOST", DEFAULT_HOST))()
