"""A customer with everything the helpdesk can hold about them, and the four callers of
the privacy operations."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from graphene.relay import Node

from saleor_helpdesk.actions import (
    NewComplaint,
    add_attachments,
    add_comment,
    change_cc,
    close_ticket,
    decide_complaint,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import WebhookSubscription
from tests.factories import (
    StaffFactory,
    UserFactory,
    access_token_for,
    grant,
    make_complaint,
    make_ticket,
)
from tests.files import samples
from tests.graphql.conftest import Api

# What identifies Anna (the `customer` fixture) or what she wrote: none of it may be
# left anywhere after her erasure.
SECRETS = (
    "kunde@example.de",
    "Anna",
    "Schmidt",
    "partner@example.de",
    "Henkel abgebrochen",
    "Kundennummer 4711",
    "Meine private Nachricht",
    "Becher kaputt",
    "privat-foto.png",
)


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture
def subscription(db):
    # Every topic, internal notes included: the widest copy of the customer's data.
    return WebhookSubscription.objects.create(
        name="CRM",
        target_url="https://crm.example.com/hook",
        events=[
            "ticket.created",
            "ticket.updated",
            "comment.created",
            "complaint.created",
            "complaint.decided",
            "ticket.closed",
        ],
        include_internal_comments=True,
        secret="s3cret",
        # Read as the shop's own code: every ticket, internal notes included.
        reader_kind="system",
    )


@pytest.fixture
def annas_data(customer, order, channel, staff_user, subscription, settings):
    """Anna's complaint (with a photo, a CC address, a reply with a file, a staff reply
    and an internal note that name her, a decision) and a question of hers, plus a
    ticket of someone else that must stay untouched."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    anna = Actor.customer(customer)
    staff = Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})
    line = order.lines.first()
    complaint = make_complaint(
        anna,
        order,
        lines=[(line, 1)],
        subject="Becher kaputt",
        body="<p>Henkel abgebrochen, Kundennummer 4711</p>",
        channel_id=channel.pk,
        customer_name="Anna Schmidt",
        complaint=NewComplaint(
            customer_number="Kundennummer 4711",
            description="Henkel abgebrochen",
            requested_resolution="replacement",
        ),
        attachments=[samples.upload("privat-foto.png", samples.PNG)],
    )
    change_cc(staff, complaint.pk, ["partner@example.de"])
    add_comment(
        anna,
        complaint.pk,
        "<p>Meine private Nachricht</p>",
        attachments=[samples.upload("privat-foto.png", samples.PNG)],
    )
    add_comment(staff, complaint.pk, "<p>Liebe Frau Schmidt, wir ersetzen ihn.</p>")
    add_comment(staff, complaint.pk, "<p>Anna Schmidt ruft oft an.</p>", internal=True)
    add_attachments(
        staff, complaint.pk, [samples.upload("etikett.pdf", samples.PDF)], internal=True
    )
    decide_complaint(staff, complaint.pk, "replacement", note="Ersatz für Anna")
    question = make_ticket(anna, channel_id=channel.pk, subject="Becher kaputt auch?")
    close_ticket(staff, question.pk)
    other = make_ticket(
        Actor.customer(UserFactory(email="bert@example.com", first_name="Bert")),
        channel_id=channel.pk,
        subject="Bert fragt",
        body="<p>Berts Frage</p>",
    )
    return {"complaint": complaint, "question": question, "other": other}


@pytest.fixture
def callers(customer, staff_user):
    """anonymous, the customer herself, staff without MANAGE_USERS (but with
    MANAGE_ORDERS), staff with MANAGE_USERS and MANAGE_ORDERS."""
    grant(staff_user, "MANAGE_ORDERS")
    without = StaffFactory(email="ohne@shop.example")
    grant(without, "MANAGE_ORDERS")
    privacy_officer = StaffFactory(email="datenschutz@shop.example")
    grant(privacy_officer, "MANAGE_USERS")
    grant(privacy_officer, "MANAGE_ORDERS")
    return {
        "anonymous": Api(),
        "customer": Api(access_token_for(customer)),
        "staff_without": Api(access_token_for(without)),
        "staff_with": Api(access_token_for(privacy_officer)),
    }


def stored_files() -> list[str]:
    """Every file in the helpdesk's private storage (the tests' own folder)."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def everything_stored() -> str:
    """Every row of the helpdesk's tables, as text: where erased data must not be."""
    return repr(
        [
            list(model.objects.values())
            for model in apps.get_app_config("saleor_helpdesk").get_models()
        ]
    )
