"""The stand-in host as an ASGI application, as Saleor serves itself (`saleor/asgi.py`
behind gunicorn with uvicorn workers); used by the load test (`bin/load`)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.host.settings")

application = get_asgi_application()
