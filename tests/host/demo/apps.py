from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Seeds the stand-in host for the demo (`manage.py demo_host_data`)."""

    name = "tests.host.demo"
    label = "demo"
