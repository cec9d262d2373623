"""Seed the stand-in host for the demo: channels, customers, staff, orders, an app.

What Saleor's `populatedb` does for a real shop, in small: the helpdesk's own sample
data (`helpdesk_sample_data`) then works on these objects. Safe to run again: existing
data is left alone, and fresh credentials are printed every time.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from tests.host.account.models import Group, User
from tests.host.app.models import App
from tests.host.channel.models import Channel
from tests.host.order.models import Order, OrderLine, OrderStatus
from tests.host.payment.models import TransactionAction, TransactionItem
from tests.host.payments import DEMO_PAYMENT_APP
from tests.host.permission.models import Permission
from tests.host.tokens import create_access_token, create_app_token

TOKEN_TTL = timedelta(hours=12)
DEMO_PASSWORD = "demo"
APP_IDENTIFIER = "demo.erp-connector"
ALL_PERMISSIONS = [
    "manage_orders",
    "handle_payments",
    "manage_users",
    "manage_plugins",
    "manage_apps",
]

# slug, name, currency, country
CHANNELS = [
    ("webshop-de", "Webshop Deutschland", "EUR", "DE"),
    ("webshop-intl", "Webshop International", "USD", "US"),
]

# e-mail, first name, last name, language
CUSTOMERS = [
    ("anna.schmidt@example.com", "Anna", "Schmidt", "de"),
    ("jonas.becker@example.com", "Jonas", "Becker", "de"),
    ("lea.hoffmann@example.net", "Lea", "Hoffmann", "de"),
    ("felix.wagner@example.org", "Felix", "Wagner", "de"),
    ("marie.schulz@example.com", "Marie", "Schulz", "de"),
    ("emily.clarke@example.com", "Emily", "Clarke", "en"),
    ("james.walker@example.net", "James", "Walker", "en"),
    ("sophie.turner@example.org", "Sophie", "Turner", "en"),
]

# e-mail, language: customers who order without an account
GUESTS = [
    ("karin.vogel@example.org", "de"),
    ("thomas.krause@example.net", "de"),
    ("olivia.bennett@example.com", "en"),
]

# e-mail, first name, last name, language, permissions, restricted to channel
STAFF = [
    ("lena.fischer@shop.example", "Lena", "Fischer", "de", ALL_PERMISSIONS, None),
    (
        "markus.weber@shop.example",
        "Markus",
        "Weber",
        "de",
        ["manage_orders", "handle_payments", "manage_users"],
        None,
    ),
    (
        "sarah.miller@shop.example",
        "Sarah",
        "Miller",
        "en",
        ["manage_orders", "manage_users"],
        "webshop-intl",
    ),
]

# sku, German name, English name, price in EUR
PRODUCTS = [
    (
        "KB-350-WEISS",
        "Kaffeebecher Steingut 350 ml",
        "Stoneware coffee mug 350 ml",
        "12.90",
    ),
    ("TK-GLAS-12", "Teekanne Glas 1,2 l", "Glass teapot 1.2 l", "34.50"),
    (
        "ESM-SIEB-01",
        "Espressomaschine Siebträger",
        "Portafilter espresso machine",
        "449.00",
    ),
    ("MAS-ELEK-02", "Milchaufschäumer elektrisch", "Electric milk frother", "59.90"),
    (
        "KM-KEGEL-03",
        "Kaffeemühle mit Kegelmahlwerk",
        "Conical burr coffee grinder",
        "129.00",
    ),
    ("FP-1000", "French Press 1 l", "French press 1 l", "29.95"),
    (
        "ET-SET-4",
        "Espressotassen-Set (4 Stück)",
        "Espresso cup set (4 pieces)",
        "24.90",
    ),
    ("TD-BLECH-250", "Teedose Weißblech 250 g", "Tin tea caddy 250 g", "9.50"),
    (
        "FIL-1X4-100",
        "Filterpapier 1x4 (100 Stück)",
        "Paper filters 1x4 (100 pieces)",
        "3.99",
    ),
    (
        "TH-KANNE-1L",
        "Isolierkanne Edelstahl 1 l",
        "Stainless steel vacuum jug 1 l",
        "39.00",
    ),
    ("BOH-ESP-1KG", "Espressobohnen Crema 1 kg", "Crema espresso beans 1 kg", "22.90"),
    ("TEE-GRUEN-100", "Grüner Tee Sencha 100 g", "Green tea Sencha 100 g", "8.90"),
]

ORDER_COUNT = 30
USD_PER_EUR = Decimal("1.08")
VAT = Decimal("1.19")


class Command(BaseCommand):
    help = "Seed the stand-in host with demo channels, customers, staff, orders and an app."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=7, help="Random seed for the orders."
        )

    def handle(self, *args, **options):
        if Channel.objects.filter(slug=CHANNELS[0][0]).exists():
            self.stdout.write("Host data already present; nothing seeded.")
        else:
            with transaction.atomic():
                self._seed(random.Random(options["seed"]))
        # Staff sign in to the Dashboard extension's demo login, customers to a
        # storefront's (Saleor's tokenCreate), with this password.
        for user in User.objects.filter(is_active=True):
            if not user.check_password(DEMO_PASSWORD):
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
        self._print_credentials()

    def _seed(self, rng: random.Random) -> None:
        # Shop-like order numbers (#1001, …) instead of #1.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval('order_order_number_seq', GREATEST(1000, "
                "(SELECT last_value FROM order_order_number_seq)))"
            )
        channels = {
            slug: Channel.objects.create(
                slug=slug,
                name=name,
                currency_code=currency,
                default_country=country,
                is_active=True,
            )
            for slug, name, currency, country in CHANNELS
        }
        customers = [
            User.objects.create_user(
                email, first_name=first, last_name=last, language_code=language
            )
            for email, first, last, language in CUSTOMERS
        ]
        for email, first, last, language, perms, channel in STAFF:
            staff = User.objects.create_user(
                email,
                first_name=first,
                last_name=last,
                language_code=language,
                is_staff=True,
                is_superuser=perms == ALL_PERMISSIONS,
            )
            restricted = [channels[channel]] if channel else None
            _grant(staff, perms, channels=restricted)
        app = App.objects.create(
            name="ERP connector", identifier=APP_IDENTIFIER, is_active=True
        )
        app.permissions.add(*[_permission("manage_orders")])

        buyers: list[tuple[User | None, str, str]] = [
            (user, user.email, user.language_code) for user in customers
        ]
        buyers += [(None, email, language) for email, language in GUESTS]
        # Every buyer orders at least once; the rest is chance. Oldest orders first, so
        # order numbers grow with the order date.
        picks = buyers + [rng.choice(buyers) for _ in range(ORDER_COUNT - len(buyers))]
        rng.shuffle(picks)
        ages = sorted((rng.uniform(2, 90) for _ in picks), reverse=True)
        for (user, email, language), age_days in zip(picks, ages, strict=True):
            # Most English-speaking buyers shop in the international channel.
            slug = (
                "webshop-de"
                if language == "de" or rng.random() < 0.2
                else "webshop-intl"
            )
            _create_order(rng, channels[slug], user, email, language, age_days)
        self.stdout.write(
            f"Host data: {len(channels)} channels, {len(customers)} customers, "
            f"{len(GUESTS)} guests, {len(STAFF)} staff users, "
            f"{Order.objects.count()} orders with {OrderLine.objects.count()} lines, "
            "1 app."
        )

    def _print_credentials(self) -> None:
        staff = User.objects.filter(is_staff=True, is_active=True)
        admin = staff.filter(is_superuser=True).order_by("pk").first()
        restricted = staff.filter(groups__restricted_access_to_channels=True).first()
        customer = (
            User.objects.filter(is_staff=False, orders__isnull=False)
            .order_by("pk")
            .first()
        )
        app = (
            App.objects.filter(identifier=APP_IDENTIFIER).first()
            or App.objects.filter(is_active=True).first()
        )
        guest_order = (
            Order.objects.filter(user__isnull=True)
            .exclude(user_email="")
            .exclude(status=OrderStatus.DRAFT)
            .order_by("number")
            .first()
        )
        hours = int(TOKEN_TTL.total_seconds() // 3600)
        lines = [
            f"Dashboard extension login: {admin.email if admin else '-'} / "
            f"{DEMO_PASSWORD} (every demo user, staff or customer, has this password)",
            f"Credentials (access tokens valid {hours} hours):",
        ]
        for label, user in (
            ("staff, all permissions", admin),
            ("staff, one channel only", restricted),
            ("customer", customer),
        ):
            if user is not None:
                token = create_access_token(user, ttl=TOKEN_TTL)
                lines += [f"  {label}: {user.email}", f"    Bearer {token}"]
        if app is not None:
            lines += [
                f"  app: {app.name}",
                f"    Bearer {create_app_token(app, name='demo')}",
            ]
        if guest_order is not None:
            lines.append(
                f"  guest order: #{guest_order.number} id {guest_order.pk} "
                f"e-mail {guest_order.user_email}"
            )
        self.stdout.write("\n".join(lines))


def _permission(codename: str) -> Permission:
    return Permission.objects.get_or_create(
        codename=codename, defaults={"name": codename.replace("_", " ")}
    )[0]


def _grant(user: User, codenames: list[str], channels=None) -> None:
    """Permissions through a group, as Saleor does (see tests/factories `grant`)."""
    group = Group.objects.create(
        name=f"{user.first_name} {user.last_name}",
        restricted_access_to_channels=channels is not None,
    )
    group.permissions.add(*[_permission(code) for code in codenames])
    if channels is not None:
        group.channels.add(*channels)
    user.groups.add(group)


def _create_order(
    rng: random.Random,
    channel: Channel,
    user: User | None,
    email: str,
    language: str,
    age_days: float,
) -> Order:
    created = timezone.now() - timedelta(days=age_days)
    # Older orders are mostly delivered; recent ones still wait for shipping.
    if age_days > 10:
        status = rng.choice([OrderStatus.FULFILLED] * 4 + [OrderStatus.CANCELED])
    else:
        status = rng.choice(
            [
                OrderStatus.UNFULFILLED,
                OrderStatus.PARTIALLY_FULFILLED,
                OrderStatus.FULFILLED,
            ]
        )
    order = Order.objects.create(
        created_at=created,
        status=status,
        charge_status="full",
        user=user,
        user_email=email,
        language_code=language,
        channel=channel,
        currency=channel.currency_code,
    )
    total = Decimal(0)
    for sku, name_de, name_en, price in rng.sample(PRODUCTS, rng.randint(1, 4)):
        unit = Decimal(price)
        if channel.currency_code == "USD":
            unit = (unit * USD_PER_EUR).quantize(Decimal("0.01"))
        quantity = rng.choice([1, 1, 1, 2, 2, 3, 4])
        fulfilled = {
            OrderStatus.FULFILLED: quantity,
            OrderStatus.PARTIALLY_FULFILLED: rng.randint(0, quantity),
        }.get(status, 0)
        OrderLine.objects.create(
            order=order,
            product_name=name_de if language == "de" else name_en,
            product_sku=sku,
            quantity=quantity,
            quantity_fulfilled=fulfilled,
            currency=channel.currency_code,
            unit_price_gross_amount=unit,
            total_price_gross_amount=unit * quantity,
        )
        total += unit * quantity
    shipping = Decimal("4.90") if channel.currency_code == "EUR" else Decimal("5.90")
    total += shipping
    order.shipping_price_gross_amount = shipping
    order.total_gross_amount = total
    order.total_net_amount = (total / VAT).quantize(Decimal("0.001"))
    order.total_charged_amount = Decimal(0) if status == OrderStatus.CANCELED else total
    order.save(
        update_fields=[
            "shipping_price_gross_amount",
            "total_gross_amount",
            "total_net_amount",
            "total_charged_amount",
        ]
    )
    if status != OrderStatus.CANCELED:
        # Paid through the demo's payment app (Transactions API), which answers
        # refund requests a few seconds later, as a real payment app would.
        TransactionItem.objects.create(
            order=order,
            name="Credit card",
            psp_reference=f"demo-{order.number}",
            currency=order.currency,
            charged_value=total,
            available_actions=[TransactionAction.REFUND],
            app_identifier=DEMO_PAYMENT_APP,
        )
    return order
