"""Support contracts in the API: MANAGE_USERS manages them; staff who only work
tickets, customers and anonymous callers are refused."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.effort.contracts import create_contract
from saleor_helpdesk.models import SupportContract
from tests.factories import UserFactory
from tests.graphql.effort.conftest import REFUSED_CONTRACTS, refusal
from tests.graphql.staff.conftest import NOT_STAFF, gid

CONTRACT_FIELDS = """
  id name customer { email } customerEmail unit budget validFrom validUntil
  warningThreshold pointsPerTicket isActive warnedAt used remaining low
"""
CREATE = f"""
mutation Create($input: SupportContractInput!) {{
  supportContractCreate(input: $input) {{
    errors {{ field code message }}
    contract {{ {CONTRACT_FIELDS} }}
  }}
}}
"""
UPDATE = """
mutation Update($id: ID!, $input: SupportContractInput!) {
  supportContractUpdate(id: $id, input: $input) {
    errors { field code message }
    contract { budget validUntil remaining low }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  supportContractDelete(id: $id) { errors { field code message } id }
}
"""
CONTRACTS = f"""
query Contracts($customer: ID, $email: String) {{
  supportContracts(customer: $customer, customerEmail: $email) {{ {CONTRACT_FIELDS} }}
}}
"""
DENIED = {"field": None, "code": "PERMISSION_DENIED", "message": REFUSED_CONTRACTS}


def new(customer, **given) -> dict:
    return {
        "name": "Wartung 2026",
        "customer": gid("User", customer.pk),
        "unit": "HOURS",
        "budget": "10",
        "validFrom": "2026-01-01",
        "warningThreshold": "2",
        **given,
    }


def contract(customer, **given) -> SupportContract:
    values = {
        "name": "Wartung",
        "customer_id": customer.pk,
        "unit": "hours",
        "budget": Decimal(10),
        "valid_from": timezone.localdate() - timedelta(days=10),
    }
    values.update(given)
    return create_contract(Actor.system(), values)


@pytest.mark.parametrize("caller", [*NOT_STAFF, "staff"])
def test_only_staff_with_manage_users_manage_contracts(api_as, caller, customer):
    # given a caller without MANAGE_USERS ("staff" works tickets only) and a contract
    existing = contract(customer)
    api = api_as(caller)
    before = list(SupportContract.objects.values())

    # when they list, create, change and remove contracts
    data, errors = refusal(api, CONTRACTS, {})
    created = api(CREATE, {"input": new(customer)})["supportContractCreate"]
    changed = api(
        UPDATE,
        {"id": gid("SupportContract", existing.pk), "input": {"budget": "1"}},
    )["supportContractUpdate"]
    removed = api(DELETE, {"id": gid("SupportContract", existing.pk)})[
        "supportContractDelete"
    ]

    # then each is refused and nothing changed
    assert data == {"supportContracts": None}
    assert errors == [("PERMISSION_DENIED", None, REFUSED_CONTRACTS)]
    assert created == {"errors": [DENIED], "contract": None}
    assert changed == {"errors": [DENIED], "contract": None}
    assert removed == {"errors": [DENIED], "id": None}
    assert list(SupportContract.objects.values()) == before


def test_a_manager_creates_changes_lists_and_removes_a_contract(
    contract_manager_api, customer
):
    # when a manager gives the customer a 10-hour contract
    data = contract_manager_api(CREATE, {"input": new(customer)})[
        "supportContractCreate"
    ]
    created = SupportContract.objects.get()
    assert data == {
        "errors": [],
        "contract": {
            "id": gid("SupportContract", created.pk),
            "name": "Wartung 2026",
            "customer": {"email": "kunde@example.de"},
            "customerEmail": "",
            "unit": "HOURS",
            "budget": "10.00",
            "validFrom": "2026-01-01",
            "validUntil": None,
            "warningThreshold": "2.00",
            "pointsPerTicket": "1.00",
            "isActive": True,
            "warnedAt": None,
            "used": "0.00",
            "remaining": "10.00",
            "low": False,
        },
    }

    # and changes it
    data = contract_manager_api(
        UPDATE,
        {
            "id": gid("SupportContract", created.pk),
            "input": {"budget": "20", "validUntil": "2026-12-31"},
        },
    )["supportContractUpdate"]
    assert data == {
        "errors": [],
        "contract": {
            "budget": "20.00",
            "validUntil": "2026-12-31",
            "remaining": "20.00",
            "low": False,
        },
    }

    # then it is listed for the customer, and removed
    listed = contract_manager_api(CONTRACTS, {"customer": gid("User", customer.pk)})
    assert [c["name"] for c in listed["supportContracts"]] == ["Wartung 2026"]
    data = contract_manager_api(DELETE, {"id": gid("SupportContract", created.pk)})
    assert data["supportContractDelete"] == {
        "errors": [],
        "id": gid("SupportContract", created.pk),
    }
    assert not SupportContract.objects.exists()


def test_a_guest_contract_names_an_address(contract_manager_api):
    data = contract_manager_api(
        CREATE,
        {
            "input": {
                "name": "Gast",
                "customerEmail": "Gast@Example.de",
                "unit": "POINTS",
                "budget": "5",
                "validFrom": "2026-01-01",
            }
        },
    )["supportContractCreate"]

    assert data["errors"] == []
    assert (data["contract"]["customer"], data["contract"]["customerEmail"]) == (
        None,
        "gast@example.de",
    )
    listed = contract_manager_api(CONTRACTS, {"email": "gast@example.de"})
    assert len(listed["supportContracts"]) == 1


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"unit": None}, ("unit", "REQUIRED", "Choose hours or points.")),
        (
            {"budget": "0"},
            ("budget", "INVALID", "Enter an amount between 0.01 and 99999999.99."),
        ),
        (
            {"warningThreshold": "10"},
            (
                "warningThreshold",
                "INVALID",
                "The warning threshold must be below the budget.",
            ),
        ),
        (
            {"validUntil": "2025-12-31"},
            ("validUntil", "INVALID_PERIOD", "The contract ends before it starts."),
        ),
    ],
)
def test_a_bad_contract_is_refused_and_nothing_is_written(
    contract_manager_api, customer, given, error
):
    data = contract_manager_api(CREATE, {"input": new(customer, **given)})[
        "supportContractCreate"
    ]

    assert data == {
        "errors": [dict(zip(("field", "code", "message"), error, strict=True))],
        "contract": None,
    }
    assert not SupportContract.objects.exists()


@pytest.mark.parametrize("count", [2, 10])
def test_the_contracts_list_costs_the_same_for_2_and_10(contract_manager_api, count):
    # given contracts of different customers
    for index in range(count):
        contract(UserFactory(email=f"k{index}@example.de"))

    with CaptureQueriesContext(connection) as captured:
        data = contract_manager_api(CONTRACTS, {})

    # then: authentication 4 (the stand-in host), the contracts 1, their budgets 2
    # (the customers' contracts and tickets, `budgets_of`), customers 1
    assert len(data["supportContracts"]) == count
    assert len(captured.captured_queries) == 8


def test_a_tickets_contract_names_its_customer_only_to_manage_users(
    staff_api, customer, ticket
):
    # given a contract of the ticket's customer, and staff who work tickets only
    contract(customer)

    # when they read the ticket's time
    data = staff_api(
        "query($t: ID!) { ticketTime(ticket: $t) { contract { name remaining "
        "customer { email } customerEmail } } }",
        {"t": gid("Ticket", ticket.pk)},
    )

    # then they see the budget, not the contract's customer fields
    assert data["ticketTime"]["contract"] == {
        "name": "Wartung",
        "remaining": "10.00",
        "customer": None,
        "customerEmail": "",
    }
