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
from .shared_host import AppFactory, ChannelFactory, install_helpdesk_app

AddressFactory = host_objects.AddressFactory
UserFactory = host_objects.UserFactory
StaffFactory = host_objects.StaffFactory
OrderFactory = host_objects.OrderFactory
OrderLineFactory = host_objects.OrderLineFactory
access_token_for = host_objects.access_token_for
app_token_for = host_objects.app_token_for
grant = host_objects.grant
third_party_token_for = host_objects.third_party_token_for

__all__ = [
    "AddressFactory",
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
    "install_helpdesk_app",
    "make_complaint",
    "make_ticket",
    "third_party_token_for",
]
pay_by_transaction = host_objects.pay_by_transaction
pay_by_payment = host_objects.pay_by_payment
answer_refund_requests = host_objects.answer_refund_requests
configure_refund_reasons = host_objects.configure_refund_reasons
order_events_of = host_objects.order_events_of
