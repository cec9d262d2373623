"""Stand-in for `saleor.account.models`: User, Group and Address with Saleor's names and
keys (only the fields the helpdesk reads)."""

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string


class UserManager(BaseUserManager["User"]):
    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password) if password else user.set_unusable_password()
        user.save()
        return user


class Group(models.Model):
    name = models.CharField(max_length=150, unique=True)
    permissions = models.ManyToManyField("permission.Permission", blank=True)
    restricted_access_to_channels = models.BooleanField(default=False)
    channels = models.ManyToManyField("channel.Channel", blank=True)

    class Meta:
        app_label = "account"


class Address(models.Model):
    """Saleor's `Address`. Its `phone` is a `PhoneNumberField` there: a varchar that holds
    what the shop saved, E.164 when it validated the number (`validation_skipped` lets
    other text through)."""

    country = models.CharField(max_length=2)
    phone = models.CharField(max_length=128, blank=True, default="", db_index=True)
    validation_skipped = models.BooleanField(default=False)

    class Meta:
        ordering = ("pk",)
        app_label = "account"


def _jwt_token_key() -> str:
    return get_random_string(length=12)


class User(AbstractBaseUser):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    addresses = models.ManyToManyField(
        Address, blank=True, related_name="user_addresses"
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    is_confirmed = models.BooleanField(default=True)
    note = models.TextField(null=True, blank=True)
    date_joined = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    language_code = models.CharField(max_length=35, default="en")
    default_shipping_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    default_billing_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    jwt_token_key = models.CharField(max_length=12, default=_jwt_token_key)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    groups = models.ManyToManyField(Group, blank=True, related_name="user_set")
    user_permissions = models.ManyToManyField(
        "permission.Permission", blank=True, related_name="user_set"
    )
    is_superuser = models.BooleanField(default=False)

    USERNAME_FIELD = "email"
    objects = UserManager()

    class Meta:
        ordering = ("email",)
        app_label = "account"

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
