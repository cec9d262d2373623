"""Host objects on the stand-in host."""

from decimal import Decimal

import factory

from tests.host.account.models import Address, Group, User
from tests.host.app.models import App
from tests.host.order.models import Order, OrderLine
from tests.host.permission.models import Permission
from tests.host.tokens import (
    create_access_token,
    create_app_token,
    create_third_party_token,
)

from .shared_host import ChannelFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    language_code = "en"


class StaffFactory(UserFactory):
    email = factory.Sequence(lambda n: f"staff{n}@example.com")
    is_staff = True


class AddressFactory(factory.django.DjangoModelFactory):
    """An address with a phone number as the shop saved it (E.164 when validated)."""

    class Meta:
        model = Address

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
    total_gross_amount = Decimal("0")


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderLine
        skip_postgeneration_save = True

    order = factory.SubFactory(OrderFactory)
    product_name = factory.Sequence(lambda n: f"Product {n}")
    variant_name = "M"
    product_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    quantity = 3
    currency = factory.LazyAttribute(lambda o: o.order.currency)
    unit_price_gross_amount = Decimal("19.990")
    total_price_gross_amount = factory.LazyAttribute(
        lambda o: o.unit_price_gross_amount * o.quantity
    )

    @factory.post_generation
    def update_total(obj, create, extracted, **kwargs):
        if create:
            order = obj.order
            order.total_gross_amount += obj.total_price_gross_amount
            order.save(update_fields=["total_gross_amount"])


def _permission(code: str) -> Permission:
    codename = code.lower()
    return Permission.objects.get_or_create(
        codename=codename, defaults={"name": codename.replace("_", " ")}
    )[0]


def grant(user_or_app, *codes: str, channels=None) -> None:
    """Give a staff user (through a group, as Saleor does) or an app permissions."""
    permissions = [_permission(code) for code in codes]
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
    return create_app_token(app)


# Payments: what a checkout leaves on an order, and the payment app's later answer.


def pay_by_transaction(
    order, amount=None, *, app_identifier="standin.payments.later", refundable=True
):
    from tests.host.payment.models import TransactionAction, TransactionItem

    amount = order.total_gross_amount if amount is None else amount
    return TransactionItem.objects.create(
        order=order,
        name="Card",
        psp_reference=f"psp-{order.number}",
        currency=order.currency,
        charged_value=amount,
        available_actions=[TransactionAction.REFUND] if refundable else [],
        app_identifier=app_identifier,
    )


def pay_by_payment(order, amount=None, *, declining=False):
    from tests.host.payment.models import ChargeStatus, Payment
    from tests.host.payments import DECLINING_GATEWAY

    gateway = DECLINING_GATEWAY if declining else "standin.payments.dummy"
    amount = order.total_gross_amount if amount is None else amount
    return Payment.objects.create(
        order=order,
        gateway=gateway,
        charge_status=ChargeStatus.FULLY_CHARGED,
        total=amount,
        captured_amount=amount,
        currency=order.currency,
    )


def answer_refund_requests(order, *, success=True, message=""):
    """The payment app answers every refund request of the order still waiting."""
    from tests.host import payments
    from tests.host.payment.models import TransactionEvent, TransactionEventType

    requests = TransactionEvent.objects.filter(
        transaction__order=order, type=TransactionEventType.REFUND_REQUEST
    ).exclude(
        related_granted_refund__transaction_events__type__in=[
            TransactionEventType.REFUND_SUCCESS,
            TransactionEventType.REFUND_FAILURE,
        ]
    )
    for event in list(requests):
        payments.report_transaction_event(
            event=event,
            type=TransactionEventType.REFUND_SUCCESS
            if success
            else TransactionEventType.REFUND_FAILURE,
            psp_reference=f"refund-{event.pk}",
            message=message,
        )


def configure_refund_reasons(*titles):
    """Saleor 3.22+ refund settings: a page type whose pages are the refund reasons."""
    from django.utils.text import slugify

    from tests.host.page.models import Page, PageType
    from tests.host.site.models import SiteSettings

    page_type = PageType.objects.create(name="Refund reasons", slug="refund-reasons")
    pages = [
        Page.objects.create(title=title, slug=slugify(title), page_type=page_type)
        for title in titles
    ]
    settings_row = SiteSettings.current()
    settings_row.refund_reason_reference_type = page_type
    settings_row.save()
    return [str(page.pk) for page in pages]


def order_events_of(order) -> list[tuple[str, dict]]:
    return list(order.events.order_by("date", "pk").values_list("type", "parameters"))


def third_party_token_for(user, app) -> str:
    """The Dashboard's token for `app` (`App.accessToken`)."""
    return create_third_party_token(user, app)
