"""The stand-in host: a small Django project shaped like Saleor (see DESIGN.md)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
