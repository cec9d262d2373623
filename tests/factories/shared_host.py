"""Host objects that are made the same way on both hosts (the models are named by app
label, so the stand-in's and Saleor's classes are both found)."""

import factory
from django.apps import apps

from saleor_helpdesk.dashboard.app import dashboard_app_spec
from saleor_helpdesk.host import get_host

SHOP_URL = "https://shop.example.com"


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "channel.Channel"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Channel {n}")
    slug = factory.Sequence(lambda n: f"channel-{n}")
    currency_code = "EUR"
    default_country = "DE"
    is_active = True


class AppFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "app.App"

    name = factory.Sequence(lambda n: f"App {n}")
    is_active = True


def install_helpdesk_app(base_url: str = SHOP_URL):
    """The helpdesk's Dashboard app, installed as the management command does."""
    result = get_host().install_dashboard_app(dashboard_app_spec(base_url))
    return apps.get_model("app", "App").objects.get(pk=result.app_id)
