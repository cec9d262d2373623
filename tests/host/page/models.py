"""Stand-in for `saleor.page.models`: pages of a page type (the shop's refund reasons
are the pages of the type chosen in the refund settings)."""

from django.db import models


class PageType(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)

    class Meta:
        app_label = "page"


class Page(models.Model):
    slug = models.SlugField(unique=True, max_length=255)
    title = models.CharField(max_length=250)
    page_type = models.ForeignKey(
        PageType, related_name="pages", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ("slug",)
        app_label = "page"
