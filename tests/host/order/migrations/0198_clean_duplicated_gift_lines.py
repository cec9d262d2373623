"""Marker: the Saleor migration `order 0198_clean_duplicated_gift_lines` that the helpdesk's migrations depend on.

It exists on every Saleor release the helpdesk supports (3.22 and newer). Here it only
pins the same name, so `saleor_helpdesk` migrations apply unchanged on both hosts.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("order", "0001_initial")]
    operations: list = []
