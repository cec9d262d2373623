"""The stand-in host's Celery app, configured like `saleor/celeryconf.py`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.host.settings")

app = Celery("stand_in_host")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["saleor_helpdesk"])
