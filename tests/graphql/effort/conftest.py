"""Callers and tickets of the time and effort API tests (the staff tests' own)."""

import pytest

from saleor_helpdesk.core.actor import Actor
from tests.factories import StaffFactory, SupportAgentFactory, access_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import (  # noqa: F401 (fixtures)
    api_as,
    other_channel_staff_api,
    stranger,
    ticket,
)

REFUSED_QUERY = "You need the MANAGE_ORDERS permission to work tickets."
REFUSED_CONTRACTS = "You need the MANAGE_USERS permission to manage support contracts."


def refusal(api: Api, query: str, variables: dict) -> tuple:
    """A refused query: (its data, [(code, field, message)])."""
    response = api.post(query, variables)
    assert response.status_code == 200, response.content
    body = response.json()
    return body["data"], [
        (e["extensions"]["code"], e["extensions"].get("field"), e["message"])
        for e in body["errors"]
    ]


@pytest.fixture
def contract_manager_api(staff_user):
    """Staff with MANAGE_ORDERS and MANAGE_USERS (customer data)."""
    grant(staff_user, "MANAGE_ORDERS", "MANAGE_USERS")
    return Api(access_token_for(staff_user))


@pytest.fixture
def agent_only_api(db):
    """Staff who work tickets (MANAGE_ORDERS) but may not see customer data."""
    user = SupportAgentFactory(user=StaffFactory(email="nur-tickets@shop.example")).user
    grant(user, "MANAGE_ORDERS")
    return Api(access_token_for(user))


@pytest.fixture
def staff_actor_of(staff_user):
    return Actor.staff(staff_user, {"MANAGE_ORDERS"})
