"""Stand-in for `saleor.site.models.SiteSettings`: only the refund settings (Saleor
3.22+: a page type whose pages are the shop's refund reasons)."""

from django.db import models


class SiteSettings(models.Model):
    refund_reason_reference_type = models.ForeignKey(
        "page.PageType",
        blank=True,
        null=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    class Meta:
        app_label = "site"

    @classmethod
    def current(cls) -> "SiteSettings":
        return cls.objects.order_by("pk").first() or cls.objects.create()
