"""A new shop starts with the default workflow, priorities, categories and contacts."""

from django.db import migrations

from saleor_helpdesk.tickets.defaults import install_defaults


def forwards(apps, schema_editor):
    install_defaults(
        status_model=apps.get_model("saleor_helpdesk", "TicketStatus"),
        transition_model=apps.get_model("saleor_helpdesk", "StatusTransition"),
        priority_model=apps.get_model("saleor_helpdesk", "Priority"),
        category_model=apps.get_model("saleor_helpdesk", "Category"),
        contact_model=apps.get_model("saleor_helpdesk", "Contact"),
    )


class Migration(migrations.Migration):
    dependencies = [("saleor_helpdesk", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
