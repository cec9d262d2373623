"""Factories that hide which host runs: the stand-in host (default) or real Saleor.

Behaviour tests import from here only; `host_objects` is the module that knows how to
make the host's users, channels, orders and lines.
"""

from django.apps import apps

if apps.is_installed("saleor.order"):
    from . import saleor_host as host_objects
else:
    from . import standin_host as host_objects  # type: ignore[no-redef]

from .helpdesk import (
    AttachmentFileFactory,
    CategoryFactory,
    ContactFactory,
    SupportAgentFactory,
    make_complaint,
    make_ticket,
)
from .shared_host import AppFactory, ChannelFactory

UserFactory = host_objects.UserFactory
StaffFactory = host_objects.StaffFactory
OrderFactory = host_objects.OrderFactory
OrderLineFactory = host_objects.OrderLineFactory
access_token_for = host_objects.access_token_for
app_token_for = host_objects.app_token_for
grant = host_objects.grant

__all__ = [
    "AppFactory",
    "AttachmentFileFactory",
    "CategoryFactory",
    "ChannelFactory",
    "ContactFactory",
    "OrderFactory",
    "OrderLineFactory",
    "StaffFactory",
    "SupportAgentFactory",
    "UserFactory",
    "access_token_for",
    "app_token_for",
    "grant",
    "make_complaint",
    "make_ticket",
]
