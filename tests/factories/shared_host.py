"""Host objects that are made the same way on both hosts (the models are named by app
label, so the stand-in's and Saleor's classes are both found)."""

import factory


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
