"""ticketRefundOptions and ticketRefundCreate: the refund dialog's data and its button."""

from decimal import Decimal

import pytest

from saleor_helpdesk.models import TicketRefund
from tests.factories import (
    StaffFactory,
    SupportAgentFactory,
    access_token_for,
    configure_refund_reasons,
    grant,
    make_complaint,
    pay_by_transaction,
)
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import NOT_STAFF, PERMISSION_DENIED, gid

OPTIONS = """
query Options($ticket: ID!) {
  ticketRefundOptions(ticket: $ticket) {
    canRefund unavailableReason method currency maxAmount shippingAmount
    shippingRefundable reasonRequired suggestedReasonId
    lines { orderLineId productName quantity refundableQuantity unitPrice suggestedQuantity }
    reasons { id title }
  }
}
"""

REFUND = """
mutation Refund($id: ID!, $input: TicketRefundCreateInput!) {
  ticketRefundCreate(id: $id, input: $input) {
    errors { field code message }
    refund {
      state method amount currency includeShipping reason
      lines { orderLineId productName quantity }
    }
    ticket { refunds { state amount } }
  }
}
"""

CUSTOMER_VIEW = """
query Mine($id: ID!) {
  ticket(id: $id) { refunds { state amount currency reason grantedRefundId } }
}
"""


@pytest.fixture
def refunder_api(channel):
    agent = SupportAgentFactory(user=StaffFactory(email="kasse@shop.example"))
    grant(agent.user, "MANAGE_ORDERS", "HANDLE_PAYMENTS")
    return Api(access_token_for(agent.user))


@pytest.fixture
def complaint(customer_actor, order):
    pay_by_transaction(order)
    mug = order.lines.get(product_name="Kaffeebecher")
    return make_complaint(customer_actor, order, lines=[(mug, 2)])


def test_the_dialog_offers_the_orders_lines_with_the_complaint_preselected(
    refunder_api, complaint, order
):
    mug = order.lines.get(product_name="Kaffeebecher")

    data = refunder_api(OPTIONS, {"ticket": gid("Ticket", complaint.pk)})

    options = data["ticketRefundOptions"]
    assert options["canRefund"] is True
    assert options["method"] == "TRANSACTION"
    assert Decimal(options["maxAmount"]) == order.total_gross_amount
    assert options["reasonRequired"] is False
    by_name = {line["productName"]: line for line in options["lines"]}
    assert by_name["Kaffeebecher"] == {
        "orderLineId": gid("OrderLine", mug.pk),
        "productName": "Kaffeebecher",
        "quantity": 2,
        "refundableQuantity": 2,
        "unitPrice": "19.99",
        "suggestedQuantity": 2,
    }
    assert by_name["Teekanne"]["suggestedQuantity"] == 0


def test_refunding_from_the_api(refunder_api, complaint, order):
    mug = order.lines.get(product_name="Kaffeebecher")
    variables = {
        "id": gid("Ticket", complaint.pk),
        "input": {
            "idempotencyKey": "dialog-1",
            "lines": [{"orderLineId": gid("OrderLine", mug.pk), "quantity": 2}],
            "reason": "Bruch",
        },
    }

    data = refunder_api(REFUND, variables)["ticketRefundCreate"]

    assert data["errors"] == []
    assert data["refund"]["state"] == "PENDING"
    assert Decimal(data["refund"]["amount"]) == 2 * mug.unit_price_gross_amount
    assert data["refund"]["lines"] == [
        {
            "orderLineId": gid("OrderLine", mug.pk),
            "productName": "Kaffeebecher",
            "quantity": 2,
        }
    ]
    assert data["ticket"]["refunds"] == [
        {"state": "PENDING", "amount": data["refund"]["amount"]}
    ]
    # and pressing again with the same key returns the same refund
    again = refunder_api(REFUND, variables)["ticketRefundCreate"]
    assert again["refund"] == data["refund"]
    assert TicketRefund.objects.count() == 1


def test_the_customer_sees_the_state_but_not_the_shops_details(
    refunder_api, complaint, order, customer_api
):
    refunder_api(
        REFUND,
        {
            "id": gid("Ticket", complaint.pk),
            "input": {"idempotencyKey": "k", "amount": "5.00", "reason": "intern"},
        },
    )

    data = customer_api(CUSTOMER_VIEW, {"id": gid("Ticket", complaint.pk)})

    assert data["ticket"]["refunds"] == [
        {
            "state": "PENDING",
            "amount": "5.00",
            "currency": order.currency,
            "reason": None,
            "grantedRefundId": None,
        }
    ]


def test_an_amount_above_the_maximum_is_a_typed_error(refunder_api, complaint, order):
    data = refunder_api(
        REFUND,
        {
            "id": gid("Ticket", complaint.pk),
            "input": {"idempotencyKey": "k", "amount": "100000"},
        },
    )["ticketRefundCreate"]

    assert data["errors"] == [
        {
            "field": "amount",
            "code": "AMOUNT_EXCEEDS_REFUNDABLE",
            # 2 x 19.99 + 1 x 19.99, at the currency's precision
            "message": "At most 59.97 EUR can be refunded.",
        }
    ]
    assert data["refund"] is None
    assert TicketRefund.objects.count() == 0


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_may_refund(api_as, caller, complaint):
    data = api_as(caller)(
        REFUND,
        {
            "id": gid("Ticket", complaint.pk),
            "input": {"idempotencyKey": "k", "amount": "1"},
        },
    )["ticketRefundCreate"]
    assert data["errors"] == [PERMISSION_DENIED]
    assert TicketRefund.objects.count() == 0


def test_staff_without_handle_payments_may_not_refund(staff_api, complaint):
    data = staff_api(
        REFUND,
        {
            "id": gid("Ticket", complaint.pk),
            "input": {"idempotencyKey": "k", "amount": "1"},
        },
    )["ticketRefundCreate"]
    assert data["errors"] == [
        {
            "field": None,
            "code": "PERMISSION_DENIED",
            "message": "You need the HANDLE_PAYMENTS permission to refund.",
        }
    ]


MAPPING = """
mutation Map($input: RefundReasonMappingInput!) {
  refundReasonMappingSet(input: $input) {
    errors { field code message }
    mapping { complaintReason reasonId }
  }
}
"""


def test_mapping_a_complaint_reason_preselects_the_shops_reason(
    refunder_api, complaint, staff_user
):
    damaged, _ = configure_refund_reasons("Transportschaden", "Sonstiges")
    grant(staff_user, "MANAGE_PLUGINS")
    settings_api = Api(access_token_for(staff_user))

    data = settings_api(
        MAPPING,
        {
            "input": {
                "complaintReason": "DAMAGED_IN_TRANSIT",
                "reasonId": gid("Page", damaged),
            }
        },
    )["refundReasonMappingSet"]
    assert data == {
        "errors": [],
        "mapping": {
            "complaintReason": "DAMAGED_IN_TRANSIT",
            "reasonId": gid("Page", damaged),
        },
    }

    options = refunder_api(OPTIONS, {"ticket": gid("Ticket", complaint.pk)})[
        "ticketRefundOptions"
    ]
    assert options["reasonRequired"] is True
    assert options["suggestedReasonId"] == gid("Page", damaged)
    assert [reason["title"] for reason in options["reasons"]] == [
        "Sonstiges",
        "Transportschaden",
    ]


def test_mapping_to_a_page_that_is_not_a_refund_reason_is_refused(staff_user):
    configure_refund_reasons("Transportschaden")
    grant(staff_user, "MANAGE_PLUGINS")
    data = Api(access_token_for(staff_user))(
        MAPPING,
        {"input": {"complaintReason": "DEFECTIVE", "reasonId": gid("Page", 999999)}},
    )["refundReasonMappingSet"]
    assert data["errors"] == [
        {
            "field": "reasonId",
            "code": "INVALID",
            "message": "Choose one of the shop's refund reasons.",
        }
    ]


REASONS = "{ refundReasons { id title } }"


def test_the_shops_refund_reasons_are_listed_for_the_settings(refunder_api):
    assert refunder_api(REASONS) == {"refundReasons": None}  # none configured yet

    transport, other = configure_refund_reasons("Transportschaden", "Sonstiges")

    assert refunder_api(REASONS) == {
        "refundReasons": [
            {"id": gid("Page", other), "title": "Sonstiges"},
            {"id": gid("Page", transport), "title": "Transportschaden"},
        ]
    }


def test_customers_may_not_list_refund_reasons(customer_api):
    response = customer_api.post(REASONS)
    assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"


PAYMENTS = """
query Payments($id: ID!) {
  ticket(id: $id) {
    order { payments { kind name currency charged refunded pendingRefund canRefund } }
  }
}
"""


def test_the_order_panel_shows_how_the_order_was_paid_and_what_is_refunded(
    refunder_api, complaint, order, customer_api
):
    # given a refund the payment app has not answered yet
    refunder_api(
        REFUND,
        {
            "id": gid("Ticket", complaint.pk),
            "input": {"idempotencyKey": "p", "amount": "5.00"},
        },
    )

    data = refunder_api(PAYMENTS, {"id": gid("Ticket", complaint.pk)})

    [payment] = data["ticket"]["order"]["payments"]
    assert payment["kind"] == "TRANSACTION"
    assert payment["canRefund"] is True
    # (Saleor moves the 5.00 from charged to pending once the app acknowledges it)
    charged, pending = Decimal(payment["charged"]), Decimal(payment["pendingRefund"])
    assert charged + pending == order.total_gross_amount
    assert Decimal(payment["refunded"]) == 0
    # and customers do not see the shop's payment details
    mine = customer_api(PAYMENTS, {"id": gid("Ticket", complaint.pk)})
    assert mine["ticket"]["order"]["payments"] is None
