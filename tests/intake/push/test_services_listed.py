from saleor_helpdesk.http.inbound.services import SERVICES
from saleor_helpdesk.mailboxes.urls import INBOUND_ESPS


def test_the_api_lists_exactly_the_services_the_endpoint_serves():
    assert sorted(INBOUND_ESPS) == sorted(SERVICES)
