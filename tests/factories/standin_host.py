"""Host objects on the stand-in host."""

from decimal import Decimal

import factory

from tests.host.account.models import Group, User
from tests.host.app.models import App
from tests.host.order.models import Order, OrderLine
from tests.host.permission.models import Permission
from tests.host.tokens import create_access_token, create_app_token

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
