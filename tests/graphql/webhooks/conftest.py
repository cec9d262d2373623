import pytest

from tests.factories import StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api


@pytest.fixture
def api_for(db, customer):
    """The API as one of the named callers."""

    def make(caller: str) -> Api:
        if caller == "anonymous":
            return Api()
        if caller == "customer":
            return Api(access_token_for(customer))
        if caller == "staff_without_permission":
            user = StaffFactory(email="intern@shop.example")
            grant(user, "MANAGE_ORDERS")  # works tickets, but not webhooks
            return Api(access_token_for(user))
        if caller in ("staff_with_manage_plugins", "staff_with_manage_apps"):
            user = StaffFactory(email=f"{caller}@shop.example")
            grant(user, caller.removeprefix("staff_with_").upper())
            return Api(access_token_for(user))
        raise AssertionError(caller)

    return make


@pytest.fixture
def manager_api(api_for):
    return api_for("staff_with_manage_plugins")
