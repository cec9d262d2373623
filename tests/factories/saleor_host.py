"""Host objects inside real Saleor (used when `saleor.order` is installed).

Only public facts about Saleor's models are used here (field names and required
values); the objects are made with Saleor's own models and token functions.
"""

from decimal import Decimal

import factory
from saleor.account.models import Address, Group, User
from saleor.app.models import App, AppToken
from saleor.core.jwt import create_access_token, create_access_token_for_app
from saleor.order import OrderOrigin
from saleor.order.models import Order, OrderLine
from saleor.permission.models import Permission

from .shared_host import ChannelFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    language_code = "en"
    password = factory.PostGenerationMethodCall("set_unusable_password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StaffFactory(UserFactory):
    email = factory.Sequence(lambda n: f"staff{n}@example.com")
    is_staff = True


class AddressFactory(factory.django.DjangoModelFactory):
    """An address with a phone number as the shop saved it: Saleor's field stores
    E.164 for a number it can read and the typed text for one it cannot."""

    class Meta:
        model = Address

    first_name = "Anna"
    last_name = "Schmidt"
    street_address_1 = "Hauptstraße 1"
    city = "BERLIN"
    postal_code = "10115"
    country = "DE"
    phone = ""


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    channel = factory.SubFactory(ChannelFactory)
    user = factory.SubFactory(UserFactory)
    user_email = factory.LazyAttribute(
        lambda o: o.user.email if o.user else "guest@example.com"
    )
    currency = factory.LazyAttribute(lambda o: o.channel.currency_code)
    language_code = "en"
    status = "unfulfilled"
    origin = OrderOrigin.CHECKOUT
    lines_count = 0
    total_gross_amount = Decimal("0")
    total_net_amount = Decimal("0")


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderLine
        skip_postgeneration_save = True

    order = factory.SubFactory(OrderFactory)
    product_name = factory.Sequence(lambda n: f"Product {n}")
    variant_name = "M"
    product_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    is_shipping_required = True
    is_gift_card = False
    quantity = 3
    currency = factory.LazyAttribute(lambda o: o.order.currency)
    unit_price_net_amount = Decimal("16.800")
    unit_price_gross_amount = Decimal("19.990")
    total_price_net_amount = factory.LazyAttribute(
        lambda o: o.unit_price_net_amount * o.quantity
    )
    total_price_gross_amount = factory.LazyAttribute(
        lambda o: o.unit_price_gross_amount * o.quantity
    )

    @factory.post_generation
    def update_total(obj, create, extracted, **kwargs):
        if create:
            order = obj.order
            order.total_gross_amount += obj.total_price_gross_amount
            order.total_net_amount += obj.total_price_net_amount
            order.lines_count += 1
            order.save(
                update_fields=["total_gross_amount", "total_net_amount", "lines_count"]
            )


def grant(user_or_app, *codes: str, channels=None) -> None:
    permissions = list(
        Permission.objects.filter(codename__in=[c.lower() for c in codes])
    )
    assert len(permissions) == len(codes), f"unknown Saleor permission in {codes}"
    if isinstance(user_or_app, App):
        user_or_app.permissions.add(*permissions)
        return
    group = Group.objects.create(
        name=f"group-{user_or_app.pk}-{Group.objects.count()}",
        restricted_access_to_channels=channels is not None,
    )
    group.permissions.add(*permissions)
    if channels is not None:
        group.channels.add(*channels)
    user_or_app.groups.add(group)


def access_token_for(user) -> str:
    return create_access_token(user)


def app_token_for(app) -> str:
    _token, raw = AppToken.objects.create(app=app)
    return raw


# Payments: what a checkout leaves on an order, and the payment app's later answer.
# Amounts are made real the way Saleor makes them: by transaction events.


def pay_by_transaction(
    order, amount=None, *, app_identifier="standin.payments.later", refundable=True
):
    from saleor.payment import TransactionAction, TransactionEventType
    from saleor.payment.models import TransactionItem

    amount = order.total_gross_amount if amount is None else amount
    item = TransactionItem.objects.create(
        order_id=order.pk,
        name="Card",
        psp_reference=f"psp-{order.number}",
        currency=order.currency,
        charged_value=amount,
        available_actions=[TransactionAction.REFUND] if refundable else [],
        app_identifier=app_identifier,
    )
    item.events.create(
        type=TransactionEventType.CHARGE_SUCCESS,
        amount_value=amount,
        currency=order.currency,
        psp_reference=f"charge-{order.number}",
        # Saleor recalculates a transaction's amounts from the events flagged so.
        include_in_calculations=True,
    )
    return item


def pay_by_payment(order, amount=None, *, declining=False):
    from saleor.payment import ChargeStatus, TransactionKind
    from saleor.payment.models import Payment

    from tests.saleor.payment_plugin import DECLINING_GATEWAY, GATEWAY

    amount = order.total_gross_amount if amount is None else amount
    payment = Payment.objects.create(
        order=order,
        gateway=DECLINING_GATEWAY if declining else GATEWAY,
        is_active=True,
        charge_status=ChargeStatus.FULLY_CHARGED,
        total=amount,
        captured_amount=amount,
        currency=order.currency,
        billing_email=order.user_email,
    )
    payment.transactions.create(
        kind=TransactionKind.CAPTURE,
        is_success=True,
        amount=amount,
        currency=order.currency,
        gateway_response={},
    )
    return payment


def answer_refund_requests(order, *, success=True, message=""):
    """The payment app answers every refund request of the order still waiting."""
    from saleor.payment import TransactionEventType
    from saleor.payment.models import TransactionEvent

    from tests.saleor.payment_plugin import answer

    waiting = TransactionEvent.objects.filter(
        transaction__order_id=order.pk, type=TransactionEventType.REFUND_REQUEST
    ).exclude(
        related_granted_refund__transaction_events__type__in=[
            TransactionEventType.REFUND_SUCCESS,
            TransactionEventType.REFUND_FAILURE,
        ]
    )
    for event in list(waiting):
        answer(event, success=success, message=message)


def configure_refund_reasons(*titles):
    """Saleor 3.22+ refund settings: a page type whose pages are the refund reasons."""
    from django.contrib.sites.models import Site
    from django.utils.text import slugify
    from saleor.page.models import Page, PageType

    page_type = PageType.objects.create(name="Refund reasons", slug="refund-reasons")
    pages = [
        Page.objects.create(title=title, slug=slugify(title), page_type=page_type)
        for title in titles
    ]
    settings_row = Site.objects.get_current().settings
    settings_row.refund_reason_reference_type = page_type
    settings_row.save(update_fields=["refund_reason_reference_type"])
    return [str(page.pk) for page in pages]


def order_events_of(order) -> list[tuple[str, dict]]:
    return list(order.events.order_by("date", "pk").values_list("type", "parameters"))


def third_party_token_for(user, app) -> str:
    """The Dashboard's token for `app` (`App.accessToken`)."""
    return create_access_token_for_app(app, user)
