"""The host port's contract (`saleor_helpdesk/host/base.py`), asserted on whichever host
runs: the stand-in host here, real Saleor when the suite runs inside Saleor. Users,
orders, tokens and payments come from `tests.factories`, which make them the host's
way, so every assertion below holds on both hosts; the few that only Saleor keeps are
marked `saleor_only`.
"""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.test import RequestFactory

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.core.actor import Actor, ActorKind
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.dashboard.app import InstallStatus, dashboard_app_spec
from saleor_helpdesk.host import AuthenticationError, StoredPhone, get_host
from saleor_helpdesk.host.refunds import (
    RefundableLine,
    RefundPlan,
    RefundReason,
    RefundRefused,
)
from saleor_helpdesk.host.shared import SharedHostPort
from saleor_helpdesk.host.third_party import FOREIGN_APP_MESSAGE
from tests.factories import (
    AddressFactory,
    AppFactory,
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    UserFactory,
    access_token_for,
    answer_refund_requests,
    app_token_for,
    configure_refund_reasons,
    grant,
    install_helpdesk_app,
    order_events_of,
    pay_by_payment,
    pay_by_transaction,
    third_party_token_for,
)
from tests.factories.shared_host import SHOP_URL

IN_SALEOR = apps.is_installed("saleor.order")

pytestmark = pytest.mark.django_db


def saleor_only(test):
    """What only Saleor's host does (the suite's `saleor_only` marker), skipped on the
    stand-in host."""
    skip = pytest.mark.skipif(
        not IN_SALEOR, reason="Only Saleor's host keeps this; the stand-in does not."
    )
    return pytest.mark.saleor_only(skip(test))


def authenticate(token: str | None) -> Actor:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return get_host().authenticate(RequestFactory().get("/", **headers))


def staff(*codes: str, channels=None, **fields):
    user = StaffFactory(**fields)
    if codes or channels is not None:
        grant(user, *codes, channels=channels)
    return user


def test_the_host_inherits_what_both_hosts_share():
    assert isinstance(get_host(), SharedHostPort)


# Who is acting: authenticate and current_actor


def test_no_token_is_anonymous():
    assert authenticate(None) == Actor.anonymous()


def test_a_customer_is_a_customer_by_token_and_by_lookup():
    # given a customer
    customer = UserFactory()

    # when their token is authenticated, and when they are looked up later
    by_token = authenticate(access_token_for(customer))
    by_lookup = get_host().current_actor(user=customer)

    # then both are the customer, without permissions
    assert by_token == by_lookup == Actor.customer(customer)
    assert by_token.kind == ActorKind.CUSTOMER and not by_token.is_agent


def test_staff_are_the_same_actor_by_token_and_by_lookup(
    channel, other_channel, django_assert_num_queries
):
    # given staff whose only group holds two permissions in one channel
    user = staff("MANAGE_ORDERS", "HANDLE_PAYMENTS", channels=[other_channel])

    # when their token is authenticated
    by_token = authenticate(access_token_for(user))
    # and when they are looked up later (`staff_access`: one query)
    with django_assert_num_queries(1):
        by_lookup = get_host().current_actor(user=user)

    # then both carry the same permissions and channels
    assert by_token == by_lookup
    assert by_token.kind == ActorKind.STAFF and by_token.user == user
    assert by_token.permissions == frozenset({"MANAGE_ORDERS", "HANDLE_PAYMENTS"})
    assert by_token.channel_ids == frozenset({other_channel.pk})
    assert by_token.can_access_channel(other_channel.pk)
    assert not by_token.can_access_channel(channel.pk)


def test_an_app_is_the_same_actor_by_token_and_by_lookup(django_assert_num_queries):
    # given an app with a permission
    app = AppFactory()
    grant(app, "MANAGE_ORDERS")

    # when its token is authenticated, and when it is looked up later (one query)
    by_token = authenticate(app_token_for(app))
    with django_assert_num_queries(1):
        by_lookup = get_host().current_actor(app=app)

    # then both are the app with its permissions
    assert by_token == by_lookup == Actor.for_app(app, {"MANAGE_ORDERS"})
    assert by_token.is_agent


def test_the_helpdesks_dashboard_token_is_the_staff_user_with_shared_permissions():
    # given the helpdesk's Dashboard app and staff holding one of its permissions
    helpdesk_app = install_helpdesk_app()
    user = staff("MANAGE_ORDERS", "MANAGE_PRODUCTS")

    # when the Dashboard's token for the helpdesk app is authenticated
    actor = authenticate(third_party_token_for(user, helpdesk_app))

    # then it is the user with what both the app and the user hold
    assert actor.kind == ActorKind.STAFF and actor.user == user
    assert actor.app is None
    assert actor.permissions == frozenset({"MANAGE_ORDERS"})


def test_a_dashboard_token_of_another_app_is_refused():
    install_helpdesk_app()
    other = AppFactory()
    grant(other, "MANAGE_ORDERS")
    user = staff("MANAGE_ORDERS")

    with pytest.raises(AuthenticationError) as refused:
        authenticate(third_party_token_for(user, other))

    assert str(refused.value) == FOREIGN_APP_MESSAGE


@pytest.mark.parametrize(
    "token", ["garbage", "a.b.c", "x" * 30, "eyJhbGciOiJIUzI1NiJ9.e30.invalid"]
)
def test_an_invalid_token_is_an_error_never_anonymous(token):
    with pytest.raises(AuthenticationError):
        authenticate(token)


def test_who_may_no_longer_act_is_anonymous_or_a_customer():
    # given a deactivated user, a deactivated app, a removed app, and ex-staff
    inactive = staff("MANAGE_ORDERS", is_active=False)
    switched_off = AppFactory(is_active=False)
    removed = AppFactory(removed_at=datetime(2026, 1, 1, tzinfo=UTC))
    former_staff = UserFactory(is_staff=False)
    grant(former_staff, "MANAGE_ORDERS")
    host = get_host()

    # then the inactive have no permissions and ex-staff are customers
    assert host.current_actor() == Actor.anonymous()
    assert host.current_actor(user=inactive) == Actor.anonymous()
    assert host.current_actor(app=switched_off) == Actor.anonymous()
    assert host.current_actor(app=removed) == Actor.anonymous()
    assert host.current_actor(user=former_staff) == Actor.customer(former_staff)
    # and the deactivated user's token no longer opens anything
    with pytest.raises(AuthenticationError):
        authenticate(access_token_for(inactive))


@saleor_only
def test_in_saleor_an_actor_keeps_its_token_to_act_in_saleor():
    # Saleor's host refunds through Saleor's own mutations, as the caller.
    user = staff("MANAGE_ORDERS")
    app = AppFactory()
    user_token, app_token = access_token_for(user), app_token_for(app)

    assert authenticate(user_token).credentials == user_token
    assert authenticate(app_token).credentials == app_token


# Staff access and channel access


def test_staff_access_is_the_shops_permission_and_channel_rule(
    channel, other_channel, django_assert_num_queries
):
    # given staff in every shape of group membership, and users who are not staff
    everywhere = staff("MANAGE_ORDERS")
    one_channel = staff("MANAGE_ORDERS", channels=[channel])
    mixed = staff("MANAGE_ORDERS", channels=[other_channel])
    grant(mixed, "MANAGE_USERS")
    no_channel = staff("MANAGE_ORDERS", channels=[])
    without_groups = staff()
    superuser = staff(is_superuser=True)
    inactive = staff("MANAGE_ORDERS", is_active=False)
    customer = UserFactory()
    users = [everywhere, one_channel, mixed, no_channel, without_groups, superuser]

    # when the host reads their access at once (one query, however many users)
    with django_assert_num_queries(1):
        access = get_host().staff_access(
            [user.pk for user in (*users, inactive, customer)]
        )

    # then each active staff user has the shop's permissions and channels
    assert set(access) == {user.pk for user in users}
    assert access[everywhere.pk].channel_ids is None
    assert access[one_channel.pk].channel_ids == frozenset({channel.pk})
    # (any group without a channel restriction opens every channel)
    assert access[mixed.pk].channel_ids is None
    assert access[mixed.pk].permissions == frozenset({"MANAGE_ORDERS", "MANAGE_USERS"})
    assert access[no_channel.pk].channel_ids == frozenset()
    assert access[without_groups.pk].permissions == frozenset()
    assert access[without_groups.pk].channel_ids == frozenset()
    assert access[superuser.pk].permissions == frozenset(perm.value for perm in Perm)
    assert access[superuser.pk].channel_ids is None
    # and who may work a ticket of a channel follows from it
    assert access[one_channel.pk].may_work(channel.pk)
    assert not access[one_channel.pk].may_work(other_channel.pk)
    assert not access[one_channel.pk].may_work(None)
    assert access[everywhere.pk].may_work(None)
    assert not access[no_channel.pk].may_work(channel.pk)
    assert not access[without_groups.pk].may_work(channel.pk)
    # and a request of each of them carries the same channels
    for user in users:
        actor = authenticate(access_token_for(user))
        assert actor.channel_ids == access[user.pk].channel_ids, user.email
    assert get_host().staff_access([]) == {}


# The customer summary


def test_the_customer_summary_counts_a_customers_orders_but_not_drafts(
    customer, channel, django_assert_num_queries
):
    # given two orders of the customer and a draft
    for quantity in (1, 2):
        OrderLineFactory(
            order=OrderFactory(
                user=customer, user_email=customer.email, channel=channel
            ),
            quantity=quantity,
            unit_price_gross_amount=Decimal("10.000"),
        )
    draft = OrderFactory(
        user=customer, user_email=customer.email, channel=channel, status="draft"
    )
    OrderLineFactory(order=draft)

    # when the host sums them up (two queries)
    with django_assert_num_queries(2):
        summary = get_host().customer_summary(user=customer, email=customer.email)

    # then the draft is left out
    assert summary.email == customer.email
    assert summary.name == "Anna Schmidt"
    assert summary.user_id == customer.pk
    assert summary.is_registered
    assert summary.date_joined == customer.date_joined
    assert summary.order_count == 2
    assert summary.total_spent == Decimal("30.000")
    assert summary.currency == "EUR"
    assert summary.language_code == "de"


def test_a_guests_summary_is_found_by_email_in_any_case(channel):
    OrderLineFactory(
        order=OrderFactory(user=None, user_email="Gast@Example.de", channel=channel),
        quantity=1,
        unit_price_gross_amount=Decimal("12.500"),
    )

    summary = get_host().customer_summary(user=None, email="gast@example.de")

    assert summary.email == "gast@example.de"
    assert (summary.name, summary.user_id, summary.is_registered) == ("", None, False)
    assert (summary.date_joined, summary.language_code) == (None, None)
    assert (summary.order_count, summary.total_spent) == (1, Decimal("12.500"))
    assert summary.currency == "EUR"


def test_someone_without_orders_has_an_empty_summary():
    summary = get_host().customer_summary(user=None, email="nobody@example.com")

    assert (summary.order_count, summary.total_spent, summary.currency) == (
        0,
        Decimal(0),
        None,
    )


# Phone numbers on addresses


def test_address_phones_are_the_numbers_as_the_shop_keeps_them(
    channel, django_assert_num_queries
):
    # given a customer whose default shipping address has a mobile number and whose
    # billing address has none, an order shipped without a number and billed to an
    # Austrian address with one typed in its national form (kept as typed), and an
    # order without addresses
    customer = UserFactory(
        default_shipping_address=AddressFactory(phone="+4915112345678"),
        default_billing_address=AddressFactory(country="AT", phone=""),
    )
    order = OrderFactory(
        user=customer,
        channel=channel,
        shipping_address=AddressFactory(phone=""),
        billing_address=AddressFactory(
            country="AT", phone="0664 1234567", validation_skipped=True
        ),
    )
    bare = OrderFactory(channel=channel)
    nobody = UserFactory()

    # when the host is asked for their numbers
    with django_assert_num_queries(2):
        phones = get_host().address_phones(
            order_ids=[order.pk, bare.pk], user_ids=[customer.pk, nobody.pk]
        )

    # then each number comes with its address's country, in the order of preference,
    # and what holds none is left out
    assert phones.orders == {order.pk: (StoredPhone("0664 1234567", "AT"),)}
    assert phones.users == {customer.pk: (StoredPhone("+4915112345678", "DE"),)}


def test_address_phones_keep_shipping_before_billing():
    customer = UserFactory(
        default_shipping_address=AddressFactory(phone="+4915100000001"),
        default_billing_address=AddressFactory(phone="+4915100000002"),
    )

    phones = get_host().address_phones(user_ids=[customer.pk])

    assert [phone.number for phone in phones.users[customer.pk]] == [
        "+4915100000001",
        "+4915100000002",
    ]


def test_no_ids_ask_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        phones = get_host().address_phones()

    assert (phones.orders, phones.users) == ({}, {})


# The order's timeline, signatures, the writer


def test_a_note_lands_on_the_orders_own_timeline(order, staff_user):
    get_host().add_order_note(
        order=order, actor=Actor.staff(staff_user, ()), message="Ticket #7 opened."
    )

    [(kind, parameters)] = [
        event for event in order_events_of(order) if event[0] == "note_added"
    ]
    assert parameters["message"] == "Ticket #7 opened."


def test_a_signature_names_its_payload():
    host = get_host()

    first, second = host.sign_payload(b'{"a": 1}'), host.sign_payload(b'{"a": 2}')

    assert isinstance(first, str) and first
    assert first != second


def test_tasks_can_ask_for_the_writer():
    with get_host().writer_access():
        assert OrderFactory().pk is not None


# Reading an order's payments and what it allows to refund


def refunder() -> Actor:
    """A staff user allowed to refund, as a request of theirs is authenticated."""
    return authenticate(access_token_for(staff("MANAGE_ORDERS", "HANDLE_PAYMENTS")))


def plan(order, amount="19.99", quantity=1, reference="helpdesk-refund:contract"):
    mug = order.lines.get(product_name="Kaffeebecher")
    return RefundPlan(
        reference=reference,
        amount=Decimal(amount),
        lines=((str(mug.pk), quantity),),
        reason=f"Contract ({reference})",
    )


def test_an_order_without_payment_offers_its_lines_but_no_way_to_refund(order):
    # lines come in primary-key order; Saleor's line keys are UUIDs, so in no fixed
    # order of creation
    by_key = list(order.lines.order_by("pk"))

    options = get_host().refund_options(order=order)

    assert options.method is None
    assert options.max_amount == 0
    assert options.unavailable == "The order has no payment to refund."
    assert options.currency == "EUR"
    assert (options.shipping_amount, options.shipping_refundable) == (0, False)
    expected = {
        "Kaffeebecher": (2, 2, Decimal("19.990")),
        "Teekanne": (1, 1, Decimal("19.990")),
    }
    assert options.lines == tuple(
        RefundableLine(str(line.pk), line.product_name, *expected[line.product_name])
        for line in by_key
    )
    assert (options.reason_required, options.reasons) == (False, ())
    assert get_host().payments(order=order) == ()


def test_a_transaction_the_payment_app_cannot_refund_offers_nothing(order):
    pay_by_transaction(order, refundable=False)

    options = get_host().refund_options(order=order)
    [payment] = get_host().payments(order=order)

    assert options.method is None
    assert options.unavailable == "The payment app cannot refund this payment."
    assert (payment.kind, payment.can_refund) == ("transaction", False)


def test_the_shops_refund_reasons_are_its_pages_by_title(order):
    # given no refund settings, then two reasons configured
    assert get_host().refund_reasons() is None
    damaged, wrong_size = configure_refund_reasons("Transportschaden", "Falsche Größe")

    reasons = get_host().refund_reasons()

    assert reasons == (
        RefundReason(id=wrong_size, title="Falsche Größe"),
        RefundReason(id=damaged, title="Transportschaden"),
    )
    options = get_host().refund_options(order=order)
    assert (options.reason_required, options.reasons) == (True, reasons)


# Refunds handed to the host, and where they stand


def test_a_transaction_refund_is_granted_requested_and_followed(order):
    # given an order paid through the Transactions API
    item = pay_by_transaction(order)
    host = get_host()
    options = host.refund_options(order=order)
    assert (options.method, options.max_amount) == ("transaction", Decimal("59.970"))

    # when one mug is refunded
    submission = host.submit_refund(actor=refunder(), order=order, plan=plan(order))

    # then the shop granted it and asked the payment app
    granted = order.granted_refunds.get()
    assert submission.state == "pending"
    assert submission.method == "transaction"
    assert submission.granted_refund_id == str(granted.pk)
    assert submission.transaction_id == str(item.token)
    # and neither the mug nor the money is offered again
    options = host.refund_options(order=order)
    assert options.line(plan(order).lines[0][0]).refundable_quantity == 1
    assert options.max_amount == Decimal("39.980")
    # and the refund is found by its id, and by its reference alone
    by_id = host.refund_status(
        order=order,
        method="transaction",
        granted_refund_id=str(granted.pk),
        reference="",
    )
    by_reference = host.refund_status(
        order=order,
        method="transaction",
        granted_refund_id="",
        reference="helpdesk-refund:contract",
    )
    assert by_id == by_reference
    assert by_id.state == "pending"
    assert by_id.details == {"granted_refund_id": str(granted.pk)}
    assert (
        host.refund_status(
            order=order,
            method="transaction",
            granted_refund_id="",
            reference="helpdesk-refund:unknown",
        )
        is None
    )

    # when the payment app reports success
    answer_refund_requests(order, success=True)

    # then the refund succeeded and the transaction shows it
    status = host.refund_status(
        order=order,
        method="transaction",
        granted_refund_id=str(granted.pk),
        reference="",
    )
    assert status.state == "succeeded"
    [payment] = host.payments(order=order)
    assert (payment.kind, payment.name, payment.currency) == (
        "transaction",
        "Card",
        "EUR",
    )
    assert payment.refunded == Decimal("19.990")
    assert payment.charged == Decimal("39.980")
    assert payment.can_refund


def test_a_legacy_payment_is_refunded_at_once(order):
    # given an order paid through the legacy Payment API
    payment = pay_by_payment(order)
    host = get_host()
    options = host.refund_options(order=order)
    assert (options.method, options.max_amount) == ("payment", Decimal("59.970"))

    # when one mug is refunded
    submission = host.submit_refund(actor=refunder(), order=order, plan=plan(order))

    # then the gateway refunded it synchronously: there is nothing to follow
    assert (submission.state, submission.method) == ("succeeded", "payment")
    assert submission.payment_id == str(payment.pk)
    assert (
        host.refund_status(
            order=order,
            method="payment",
            granted_refund_id="",
            reference="helpdesk-refund:contract",
        )
        is None
    )
    [summary] = host.payments(order=order)
    assert (summary.kind, summary.name) == ("payment", payment.gateway)
    assert summary.charged == Decimal("39.980")
    assert summary.refunded == Decimal("19.990")


def test_without_a_payment_the_host_refuses_before_anything_starts(order):
    with pytest.raises(RefundRefused) as refused:
        get_host().submit_refund(actor=refunder(), order=order, plan=plan(order))

    assert (refused.value.field, refused.value.code) == (None, "no_payment_to_refund")
    assert order.granted_refunds.count() == 0


def test_the_shops_own_permission_check_refuses_staff_who_may_not_refund(order):
    # given staff who may not work orders, as their request is authenticated
    pay_by_transaction(order)
    outsider = authenticate(access_token_for(staff("MANAGE_USERS")))

    # when they ask the host to refund
    with pytest.raises(RefundRefused) as refused:
        get_host().submit_refund(actor=outsider, order=order, plan=plan(order))

    # then the shop refuses and grants nothing
    assert refused.value.code == "permission_denied"
    assert order.granted_refunds.count() == 0


# Registering the Dashboard app


def test_the_dashboard_app_is_installed_once_and_removed_once():
    host = get_host()
    spec = dashboard_app_spec(SHOP_URL)

    created = host.install_dashboard_app(spec)
    again = host.install_dashboard_app(spec)

    assert (created.status, again.status) == (
        InstallStatus.CREATED,
        InstallStatus.UNCHANGED,
    )
    assert again.app_id == created.app_id
    app = apps.get_model("app", "App").objects.get(pk=created.app_id)
    assert app.identifier == PLUGIN_ID
    assert host.uninstall_dashboard_app(PLUGIN_ID) is True
    assert host.uninstall_dashboard_app(PLUGIN_ID) is False
