"""Callers and checks shared by the tests of the configuration API."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.models import (
    Category,
    ChannelSettings,
    Contact,
    CustomerResponsible,
    Priority,
    ResponseTemplate,
    StatusTransition,
    SupportAgent,
    TicketStatus,
)
from tests.factories import StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api

# Who may not read the configuration lists, and who may not change the configuration.
NOT_READERS = ["anonymous", "customer", "staff_without_permission"]
NOT_MANAGERS = [*NOT_READERS, "staff_with_manage_orders"]

READ_DENIED = (
    "You need the MANAGE_ORDERS or MANAGE_PLUGINS permission to read the helpdesk's "
    "settings."
)
WRITE_DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_PLUGINS permission to change the helpdesk's "
    "settings.",
}


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def snapshot() -> tuple:
    """Every configuration row: compare before and after a refusal."""
    through = SupportAgent.contacts.through
    return tuple(
        list(model.objects.order_by("pk").values())
        for model in (
            TicketStatus,
            StatusTransition,
            Priority,
            Category,
            Contact,
            ResponseTemplate,
            ChannelSettings,
            SupportAgent,
            through,
            CustomerResponsible,
        )
    )


@pytest.fixture
def manager(db):
    """A staff user who may change the helpdesk's settings (MANAGE_PLUGINS)."""
    user = StaffFactory(email="admin@shop.example", first_name="Ada", last_name="Admin")
    grant(user, "MANAGE_PLUGINS")
    return user


@pytest.fixture
def manager_api(manager):
    return Api(access_token_for(manager))


@pytest.fixture
def api_for(db, customer, staff_user, manager):
    """The API as one of the named callers."""

    def make(caller: str) -> Api:
        if caller == "anonymous":
            return Api()
        if caller == "customer":
            return Api(access_token_for(customer))
        if caller == "staff_without_permission":
            return Api(access_token_for(StaffFactory(email="intern@shop.example")))
        if caller == "staff_with_manage_orders":
            grant(staff_user, "MANAGE_ORDERS")
            return Api(access_token_for(staff_user))
        if caller == "staff_with_manage_plugins":
            return Api(access_token_for(manager))
        raise AssertionError(caller)

    return make


def read_refused(api: Api, query: str, variables: dict | None = None) -> dict:
    """Call a query the caller may not make; return its only error."""
    response = api.post(query, variables)
    assert response.status_code == 200, response.content
    body = response.json()
    [error] = body["errors"]
    assert all(value is None for value in body["data"].values())
    return error


def status(slug: str) -> TicketStatus:
    return TicketStatus.objects.get(slug=slug)


def priority(slug: str) -> Priority:
    return Priority.objects.get(slug=slug)


def refused(api: Api, query: str, variables: dict) -> dict:
    """Run a mutation that must be refused: check that it wrote nothing and return its
    only error."""
    before = snapshot()
    [payload] = api(query, variables).values()
    assert snapshot() == before, "a refused mutation changed the configuration"
    [error] = payload["errors"]
    return error


def succeeded(api: Api, query: str, variables: dict) -> dict:
    """Run a mutation that must succeed; return its payload."""
    [payload] = api(query, variables).values()
    assert payload["errors"] == []
    return payload
