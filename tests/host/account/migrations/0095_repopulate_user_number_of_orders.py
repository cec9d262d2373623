"""Marker: the Saleor migration `account 0095_repopulate_user_number_of_orders` that the helpdesk's migrations depend on.

It exists on every Saleor release the helpdesk supports (3.22.0 and newer; checked on the
3.22.0 and 3.23.0 tags and main). Here it only
pins the same name, so `saleor_helpdesk` migrations apply unchanged on both hosts.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("account", "0001_initial")]
    operations: list = []
