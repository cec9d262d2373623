"""Stand-in for `saleor.app.models`: App, AppToken (stored hashed) and AppExtension."""

import hashlib

from django.db import models


class App(models.Model):
    name = models.CharField(max_length=60)
    identifier = models.CharField(max_length=256, blank=True, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField(default=True)
    # Saleor's `appDelete` marks an app removed; a task deletes it later.
    removed_at = models.DateTimeField(blank=True, null=True)
    is_installed = models.BooleanField(default=True)
    type = models.CharField(max_length=60, default="local")
    permissions = models.ManyToManyField(
        "permission.Permission", blank=True, related_name="app_set"
    )
    app_url = models.URLField(blank=True, null=True)
    about_app = models.TextField(blank=True, null=True)
    version = models.CharField(max_length=60, blank=True, null=True)

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


class AppExtension(models.Model):
    """Saleor's (main) fields: mount and target are free lower-case strings (3.23+),
    `settings` holds the manifest's options, `identifier` is unique per app (3.24+)."""

    app = models.ForeignKey(App, on_delete=models.CASCADE, related_name="extensions")
    label = models.CharField(max_length=256)
    url = models.URLField()
    mount = models.CharField(max_length=256)
    target = models.CharField(max_length=128, default="popup")
    permissions = models.ManyToManyField("permission.Permission", blank=True)
    http_target_method = models.CharField(null=True, max_length=4)
    settings = models.JSONField(blank=True, default=dict)
    identifier = models.CharField(max_length=256, null=True)

    class Meta:
        app_label = "app"
        constraints = [
            models.UniqueConstraint(
                fields=["app", "identifier"], name="unique_app_extension_identifier"
            )
        ]
