import pytest

from tests.factories import (
    AppFactory,
    StaffFactory,
    access_token_for,
    app_token_for,
    grant,
)
from tests.graphql.conftest import Api


@pytest.fixture(autouse=True)
def saleors_loopback_filter(settings):
    """Saleor's own loopback setting off, whatever the host's settings say (it also
    opens loopback to the helpdesk's webhooks)."""
    settings.HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS = False


@pytest.fixture
def api_for(db, customer, request):
    """The API as one of the named callers.

    - `staff_without_permission`: works tickets (MANAGE_ORDERS), manages no webhooks;
    - `staff_with_manage_plugins` / `staff_with_manage_apps`: manage webhooks, read no
      tickets;
    - `…_and_orders`: both, every channel;
    - `restricted_manager`: both, MANAGE_ORDERS limited to the `channel` fixture;
    - `app_with_manage_apps` / `app_with_manage_apps_and_orders`: apps' tokens.
    """

    def make(caller: str) -> Api:
        if caller == "anonymous":
            return Api()
        if caller == "customer":
            return Api(access_token_for(customer))
        if caller == "staff_without_permission":
            user = StaffFactory(email="intern@shop.example")
            grant(user, "MANAGE_ORDERS")  # works tickets, but not webhooks
            return Api(access_token_for(user))
        if caller.startswith("app_with_"):
            app = AppFactory(name=caller)
            grant(app, *_codes(caller.removeprefix("app_with_")))
            return Api(app_token_for(app))
        if caller == "restricted_manager":
            user = StaffFactory(email="restricted@shop.example")
            # one group limited to the channel (any unrestricted group would open
            # every channel: Saleor's rule)
            channel = request.getfixturevalue("channel")
            grant(user, "MANAGE_PLUGINS", "MANAGE_ORDERS", channels=[channel])
            return Api(access_token_for(user))
        if caller.startswith("staff_with_"):
            user = StaffFactory(email=f"{caller}@shop.example")
            grant(user, *_codes(caller.removeprefix("staff_with_")))
            return Api(access_token_for(user))
        raise AssertionError(caller)

    return make


def _codes(names: str) -> list[str]:
    """ "manage_plugins_and_orders" → MANAGE_PLUGINS, MANAGE_ORDERS."""
    first, _, rest = names.partition("_and_")
    return [first.upper()] + ([f"MANAGE_{rest.upper()}"] if rest else [])


@pytest.fixture
def manager_api(api_for):
    """Manages webhooks and reads every channel's tickets."""
    return api_for("staff_with_manage_plugins_and_orders")
