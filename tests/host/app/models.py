"""Stand-in for `saleor.app.models`: App and AppToken (tokens stored hashed)."""

import hashlib

from django.db import models


class App(models.Model):
    name = models.CharField(max_length=60)
    identifier = models.CharField(max_length=256, blank=True, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField(default=True)
    is_installed = models.BooleanField(default=True)
    type = models.CharField(max_length=60, default="local")
    permissions = models.ManyToManyField(
        "permission.Permission", blank=True, related_name="app_set"
    )
    app_url = models.URLField(blank=True, null=True)

    class Meta:
        app_label = "app"

    def __str__(self) -> str:
        return self.name


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class AppToken(models.Model):
    app = models.ForeignKey(App, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(blank=True, default="", max_length=128)
    auth_token = models.CharField(unique=True, max_length=64)
    token_last_4 = models.CharField(max_length=4)

    class Meta:
        app_label = "app"
