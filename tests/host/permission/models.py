"""Stand-in for `saleor.permission.models.Permission` (Saleor's own copy of Django's)."""

from django.db import models


class Permission(models.Model):
    name = models.CharField(max_length=255)
    codename = models.CharField(max_length=100)

    class Meta:
        app_label = "permission"

    def __str__(self) -> str:
        return self.codename
