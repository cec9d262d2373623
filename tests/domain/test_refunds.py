"""Refunds from a ticket: through the host's machinery, once per request, never more
than the order allows, and the ticket following the payment app's answer."""

import threading
from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import connection

from saleor_helpdesk.actions.refunds import RefundRequest, request_refund
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import (
    ChannelSettings,
    EmailMessage,
    RefundReasonMapping,
    Ticket,
    TicketRefund,
)
from saleor_helpdesk.refunds.options import ticket_refund_options
from saleor_helpdesk.refunds.settle import sync_refund
from tests.assertions import raises_error
from tests.factories import (
    OrderFactory,
    OrderLineFactory,
    access_token_for,
    answer_refund_requests,
    configure_refund_reasons,
    grant,
    make_complaint,
    make_ticket,
    order_events_of,
    pay_by_payment,
    pay_by_transaction,
)

REFUNDER = {Perm.MANAGE_ORDERS.value, Perm.HANDLE_PAYMENTS.value}


def refunder_for(user, channel_ids=None) -> Actor:
    """A staff actor allowed to refund, holding a token as a request would (the Saleor
    host refunds through Saleor's own mutations, as this user)."""
    grant(user, "MANAGE_ORDERS", "HANDLE_PAYMENTS")
    actor = Actor.staff(user, REFUNDER, channel_ids)
    return replace(actor, credentials=access_token_for(user))


@pytest.fixture
def refunder(staff_user):
    return refunder_for(staff_user)


@pytest.fixture
def paid_order(customer, channel):
    # given an order of 3 x 10.00 + 1 x 25.00 + 4.90 shipping, paid by card
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    OrderLineFactory(
        order=order,
        product_name="Becher",
        quantity=3,
        unit_price_gross_amount=Decimal("10.00"),
    )
    OrderLineFactory(
        order=order,
        product_name="Kanne",
        quantity=1,
        unit_price_gross_amount=Decimal("25.00"),
    )
    order.shipping_price_gross_amount = Decimal("4.90")
    order.total_gross_amount += Decimal("4.90")
    order.save()
    return order


@pytest.fixture
def lines(paid_order):
    becher, kanne = paid_order.lines.order_by("product_name")
    return becher, kanne


@pytest.fixture
def complaint(customer_actor, paid_order, lines):
    becher, kanne = lines
    return make_complaint(customer_actor, paid_order, lines=[(becher, 2), (kanne, 1)])


def _request(key="key-1", lines=(), **fields):
    return RefundRequest(
        idempotency_key=key,
        lines=tuple((str(line.pk), quantity) for line, quantity in lines),
        **fields,
    )


def _customer_emails(ticket, notification):
    return EmailMessage.objects.filter(ticket=ticket, notification=notification).count()


def test_refunding_two_lines_grants_a_refund_and_waits_for_the_payment_app(
    refunder, complaint, paid_order, lines, django_capture_on_commit_callbacks
):
    # given the order was paid through the Transactions API
    pay_by_transaction(paid_order)
    becher, kanne = lines

    # when staff refunds both complained lines
    with django_capture_on_commit_callbacks(execute=True):
        refund = request_refund(
            refunder,
            complaint.pk,
            _request(lines=[(becher, 2), (kanne, 1)], reason="Bruch beim Versand"),
        )

    # then Saleor has a granted refund of 2 x 10 + 25, and the ticket waits for the app
    assert refund.state == "pending"
    assert refund.amount == Decimal("45.000")
    assert refund.method == "transaction"
    granted = paid_order.granted_refunds.get()
    assert granted.amount_value == Decimal("45.000")
    assert refund.reference in granted.reason
    assert "Bruch beim Versand" in granted.reason
    assert {
        (str(line.order_line_id), line.quantity) for line in granted.lines.all()
    } == {
        (str(becher.pk), 2),
        (str(kanne.pk), 1),
    }
    assert granted.status == "pending"
    # and the order's timeline names the ticket
    note_type, note = order_events_of(paid_order)[-1]
    assert note_type == "note_added"
    assert f"#{complaint.number}" in note["message"]
    # and the customer is told the refund was requested, not yet that it was paid
    assert _customer_emails(complaint, "refund_requested") == 1
    assert _customer_emails(complaint, "refund_completed") == 0
    assert (
        list(complaint.events.values_list("type", flat=True)).count("refund_requested")
        == 1
    )


def test_the_payment_apps_success_completes_the_refund_and_tells_the_customer(
    refunder, complaint, paid_order, lines, django_capture_on_commit_callbacks
):
    # given a pending refund and a channel that closes tickets on refund
    ChannelSettings.objects.update_or_create(
        channel=complaint.channel, defaults={"auto_close_on_full_refund": True}
    )
    pay_by_transaction(paid_order)
    becher, _ = lines
    refund = request_refund(refunder, complaint.pk, _request(lines=[(becher, 2)]))

    # when the payment app reports the refund as done (Saleor calls order_refunded)
    with django_capture_on_commit_callbacks(execute=True):
        answer_refund_requests(paid_order, success=True)

    # then the ticket's refund succeeded, the customer hears it, the ticket is closed
    refund.refresh_from_db()
    assert refund.state == "succeeded"
    assert refund.completed_at is not None
    assert _customer_emails(complaint, "refund_completed") == 1
    complaint.refresh_from_db()
    assert complaint.status.is_closed
    kinds = list(complaint.events.values_list("type", "parameters"))
    assert (
        "order_event",
        {"order_event": "refunded", "order_number": paid_order.number},
    ) in kinds
    assert (
        "refund_updated",
        {"reference": refund.reference, "state": "succeeded"},
    ) in kinds


def test_a_failed_refund_is_recorded_without_telling_the_customer_it_was_paid(
    refunder, complaint, paid_order, lines
):
    pay_by_transaction(paid_order)
    becher, _ = lines
    refund = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    # when the payment app declines (Saleor has no hook for it: the sync finds it)
    answer_refund_requests(paid_order, success=False, message="Card expired")
    assert sync_refund(refund.pk) == "failed"

    refund.refresh_from_db()
    assert refund.failure_message == "Card expired"
    assert _customer_emails(complaint, "refund_completed") == 0
    # and the quantity is refundable again
    options = ticket_refund_options(complaint).options
    assert options.line(str(becher.pk)).refundable_quantity == 3


def test_a_payment_app_that_answers_at_once_completes_the_refund_immediately(
    refunder, complaint, paid_order, lines, django_capture_on_commit_callbacks
):
    pay_by_transaction(paid_order, app_identifier="standin.payments.instant")
    becher, _ = lines

    with django_capture_on_commit_callbacks(execute=True):
        refund = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    refund.refresh_from_db()
    assert refund.state == "succeeded"
    assert _customer_emails(complaint, "refund_requested") == 1
    assert _customer_emails(complaint, "refund_completed") == 1


def test_legacy_payment_is_refunded_through_the_payment_api(
    refunder, complaint, paid_order, lines
):
    payment = pay_by_payment(paid_order)
    becher, _ = lines

    refund = request_refund(
        refunder, complaint.pk, _request(lines=[(becher, 1)], include_shipping=True)
    )

    assert refund.state == "succeeded"
    assert refund.method == "payment"
    assert refund.amount == Decimal("14.900")
    payment.refresh_from_db()
    assert payment.captured_amount == Decimal("45.000")  # 59.90 - 14.90
    assert payment.charge_status == "partially-refunded"


def test_the_same_request_twice_refunds_once(refunder, complaint, paid_order, lines):
    pay_by_transaction(paid_order)
    becher, _ = lines
    first = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    again = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    assert again.pk == first.pk
    assert paid_order.granted_refunds.count() == 1
    assert TicketRefund.objects.count() == 1


def test_an_idempotency_key_cannot_be_reused_for_another_refund(
    refunder, complaint, paid_order, lines
):
    pay_by_transaction(paid_order)
    becher, kanne = lines
    request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    with raises_error(
        "idempotency_key",
        "idempotency_key_reused",
        "This idempotency key was used for another refund.",
    ):
        request_refund(refunder, complaint.pk, _request(lines=[(kanne, 1)]))
    assert paid_order.granted_refunds.count() == 1


@pytest.mark.parametrize(
    ("build", "field", "code", "message"),
    [
        (
            lambda lines: _request(amount=Decimal("59.91")),
            "amount",
            "amount_exceeds_refundable",
            "At most 59.90 EUR can be refunded.",
        ),
        (
            lambda lines: _request(lines=[(lines[0], 4)]),
            "lines",
            "quantity_exceeded",
            "Only 3 of Becher can still be refunded.",
        ),
        (
            lambda lines: _request(lines=[(lines[2], 1)]),
            "lines",
            "line_not_in_order",
            "The line is not part of this ticket's order.",
        ),
        (
            lambda lines: _request(lines=[(lines[0], 1), (lines[0], 1)]),
            "lines",
            "duplicated_input_item",
            "Each order line may appear once.",
        ),
        (
            lambda lines: _request(lines=[(lines[0], 0)]),
            "lines",
            "invalid",
            "Quantities must be at least 1.",
        ),
        (
            lambda lines: _request(),
            "lines",
            "required",
            "Choose lines, shipping or an amount to refund.",
        ),
        (
            lambda lines: _request(key="", lines=[(lines[0], 1)]),
            "idempotency_key",
            "required",
            "Send an idempotency key of 1 to 128 characters.",
        ),
    ],
)
def test_refusals_are_typed_and_change_nothing(
    refunder, complaint, paid_order, lines, channel, build, field, code, message
):
    pay_by_transaction(paid_order)
    foreign_line = OrderLineFactory(order=OrderFactory(channel=channel))
    with raises_error(field, code, message):
        request_refund(refunder, complaint.pk, build((*lines, foreign_line)))
    assert TicketRefund.objects.count() == 0
    assert paid_order.granted_refunds.count() == 0


def test_no_payment_to_refund(refunder, complaint, paid_order):
    with raises_error(
        "id", "no_payment_to_refund", "The order has no payment to refund."
    ):
        request_refund(refunder, complaint.pk, _request(amount=Decimal("1")))


def test_a_payment_app_that_cannot_refund(refunder, complaint, paid_order):
    pay_by_transaction(paid_order, refundable=False)
    with raises_error(
        "id", "no_payment_to_refund", "The payment app cannot refund this payment."
    ):
        request_refund(refunder, complaint.pk, _request(amount=Decimal("1")))


def test_a_declining_gateway_is_a_typed_error_and_records_nothing(
    refunder, complaint, paid_order
):
    pay_by_payment(paid_order, declining=True)
    with raises_error("id", "refund_refused"):
        request_refund(refunder, complaint.pk, _request(amount=Decimal("5")))
    assert TicketRefund.objects.count() == 0


def test_refunding_needs_handle_payments(staff_actor, complaint, paid_order):
    pay_by_transaction(paid_order)
    with raises_error(
        None,
        "permission_denied",
        "You need the HANDLE_PAYMENTS permission to refund.",
    ):
        request_refund(staff_actor, complaint.pk, _request(amount=Decimal("5")))


def test_staff_of_another_channel_cannot_refund(
    staff_user, complaint, paid_order, other_channel
):
    pay_by_transaction(paid_order)
    outsider = refunder_for(staff_user, channel_ids={other_channel.pk})
    with raises_error("id", "not_found", "Ticket not found."):
        request_refund(outsider, complaint.pk, _request(amount=Decimal("5")))


def test_a_ticket_without_order_cannot_be_refunded(refunder, customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    with raises_error("id", "no_order", "The ticket has no order to refund."):
        request_refund(refunder, ticket.pk, _request(amount=Decimal("5")))


def test_shipping_is_refunded_once(refunder, complaint, paid_order):
    pay_by_transaction(paid_order)
    request_refund(refunder, complaint.pk, _request(key="a", include_shipping=True))
    with raises_error(
        "include_shipping",
        "shipping_already_refunded",
        "The shipping costs have already been refunded.",
    ):
        request_refund(refunder, complaint.pk, _request(key="b", include_shipping=True))


def test_a_required_refund_reason_is_asked_for_and_preselected_from_the_mapping(
    refunder, complaint, paid_order, lines
):
    # given the shop requires a refund reason and maps transport damage to one
    pay_by_transaction(paid_order)
    damaged, other = configure_refund_reasons("Transportschaden", "Sonstiges")
    RefundReasonMapping.objects.create(
        complaint_reason="damaged_in_transit", reason_reference_id=damaged
    )
    becher, _ = lines

    # then the dialog's options list the reasons and preselect the mapped one
    options = ticket_refund_options(complaint)
    assert options.options.reason_required
    assert [reason.title for reason in options.options.reasons] == [
        "Sonstiges",
        "Transportschaden",
    ]
    assert options.suggested_reason_reference_id == damaged
    assert options.suggested_lines == ((str(becher.pk), 2), (str(lines[1].pk), 1))

    # and a refund without a reason is refused, with one it goes through
    with raises_error(
        "reason_reference", "required", "The shop requires a refund reason: choose one."
    ):
        request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))
    refund = request_refund(
        refunder,
        complaint.pk,
        _request(lines=[(becher, 1)], reason_reference_id=damaged),
    )
    assert paid_order.granted_refunds.get().reason_reference_id == int(damaged)
    assert refund.reason_reference_id == damaged


def test_a_refund_left_requested_by_a_crash_is_found_again_by_its_reference(
    refunder, complaint, paid_order, lines, monkeypatch
):
    # given the host took the refund but the helpdesk crashed before recording it
    pay_by_transaction(paid_order)
    becher, _ = lines
    from saleor_helpdesk.refunds import settle

    def crash(*args, **kwargs):
        raise RuntimeError("worker killed")

    monkeypatch.setattr("saleor_helpdesk.actions.refunds.record_submission", crash)
    with pytest.raises(RuntimeError):
        request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))
    refund = TicketRefund.objects.get()
    assert refund.state == "requested" and refund.granted_refund_id == ""

    # when the sync runs
    assert settle.sync_refund(refund.pk) == "pending"

    # then it is linked to Saleor's granted refund, and the customer told once
    refund.refresh_from_db()
    assert refund.granted_refund_id == str(paid_order.granted_refunds.get().pk)
    assert _customer_emails(complaint, "refund_requested") == 1


def test_a_full_refund_of_the_order_settles_its_refund_requests(
    customer_actor, paid_order, django_capture_on_commit_callbacks
):
    from saleor_helpdesk.refunds.settle import settle_refund_requests

    ticket = make_ticket(customer_actor, kind="refund_request", order_id=paid_order.pk)
    ChannelSettings.objects.update_or_create(
        channel=ticket.channel, defaults={"auto_close_on_full_refund": True}
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert settle_refund_requests(paid_order.pk) == 1

    ticket.refresh_from_db()
    assert ticket.status.is_closed
    assert (
        ticket.events.filter(
            type="refund_updated", parameters__state="succeeded"
        ).count()
        == 1
    )
    assert _customer_emails(ticket, "refund_completed") == 1
    # and settling again changes nothing (the ticket is closed)
    assert settle_refund_requests(paid_order.pk) == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_refunds_never_exceed_what_was_charged(
    staff_user, customer, channel
):
    # given an order of 50.00 paid by card, and two agents each refunding 30.00
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    OrderLineFactory(order=order, quantity=5, unit_price_gross_amount=Decimal("10.00"))
    pay_by_transaction(order)
    ticket = make_ticket(Actor.customer(customer), order_id=order.pk)
    actor = refunder_for(staff_user)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def agent(key: str) -> None:
        start.wait()
        try:
            request_refund(actor, ticket.pk, _request(key=key, amount=Decimal("30")))
            outcomes.append("refunded")
        except Exception as error:
            outcomes.append(
                getattr(error, "error_dict", {}).get("amount", [error])[0].code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=agent, args=(key,)) for key in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["amount_exceeds_refundable", "refunded"]
    assert order.granted_refunds.count() == 1
    assert TicketRefund.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_click_refunds_once(staff_user, customer, channel):
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    OrderLineFactory(order=order, quantity=1, unit_price_gross_amount=Decimal("10.00"))
    pay_by_transaction(order)
    ticket = make_ticket(Actor.customer(customer), order_id=order.pk)
    actor = refunder_for(staff_user)
    start = threading.Barrier(3)
    ids: list[object] = []

    def click() -> None:
        start.wait()
        try:
            ids.append(
                request_refund(
                    actor, ticket.pk, _request(key="same", amount=Decimal("10"))
                ).pk
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(ids) == 3 and len(set(ids)) == 1
    assert order.granted_refunds.count() == 1
    assert Ticket.objects.get(pk=ticket.pk).refunds.count() == 1


def test_the_sync_command_reports_progress_and_moves_answered_refunds(
    refunder, complaint, paid_order, lines
):
    from io import StringIO

    from django.core.management import call_command

    pay_by_transaction(paid_order)
    becher, _ = lines
    refund = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))
    answer_refund_requests(paid_order, success=False, message="Declined")
    out = StringIO()

    call_command("helpdesk_sync_refunds", stdout=out)

    assert out.getvalue().splitlines() == [
        "1 open refund(s) to sync.",
        "  1/1 synced",
        "Done. failed: 1",
    ]
    refund.refresh_from_db()
    assert refund.state == "failed"


def test_a_refund_the_shop_refuses_right_away_is_failed_without_telling_the_customer(
    refunder, complaint, paid_order, lines, monkeypatch
):
    # given a shop that takes the grant but whose payment app refuses the request
    from saleor_helpdesk.host import get_host
    from saleor_helpdesk.host.refunds import RefundSubmission

    pay_by_transaction(paid_order)
    becher, _ = lines

    def refused(self, *, actor, order, plan):
        return RefundSubmission(
            state="failed", method="transaction", granted_refund_id="77", message="No"
        )

    monkeypatch.setattr(type(get_host()), "submit_refund", refused)

    refund = request_refund(refunder, complaint.pk, _request(lines=[(becher, 1)]))

    # then it is recorded as failed, with the reason, and the customer hears nothing
    assert (refund.state, refund.failure_message, refund.granted_refund_id) == (
        "failed",
        "No",
        "77",
    )
    assert _customer_emails(complaint, "refund_requested") == 0
    assert _customer_emails(complaint, "refund_completed") == 0
    assert not complaint.events.filter(type="refund_requested").exists()


def test_a_repeated_full_refund_hook_settles_a_request_once(
    customer_actor, paid_order, django_capture_on_commit_callbacks
):
    from saleor_helpdesk.refunds.settle import settle_refund_requests

    # given a channel that leaves tickets open on refund
    ticket = make_ticket(customer_actor, kind="refund_request", order_id=paid_order.pk)

    with django_capture_on_commit_callbacks(execute=True):
        assert settle_refund_requests(paid_order.pk) == 1
        assert settle_refund_requests(paid_order.pk) == 0

    ticket.refresh_from_db()
    assert not ticket.status.is_closed
    assert _customer_emails(ticket, "refund_completed") == 1


def test_money_promised_to_a_pending_refund_is_not_offered_again(
    refunder, complaint, paid_order
):
    # given 50.00 of the 59.90 are being refunded and the payment app has not answered
    pay_by_transaction(paid_order)
    request_refund(refunder, complaint.pk, _request(key="a", amount=Decimal("50")))

    # then only the rest is offered, and more is refused
    assert ticket_refund_options(complaint).options.max_amount == Decimal("9.900")
    with raises_error(
        "amount", "amount_exceeds_refundable", "At most 9.90 EUR can be refunded."
    ):
        request_refund(refunder, complaint.pk, _request(key="b", amount=Decimal("10")))

    # and once the app refuses the first, its money is offered again
    answer_refund_requests(paid_order, success=False)
    assert ticket_refund_options(complaint).options.max_amount == Decimal("59.900")
