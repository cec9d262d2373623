"""Factories for the helpdesk's own rows. Tickets are made through the actions, so a
test's data went through the same checks as production data."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from saleor_helpdesk.actions import NewComplaint, NewLine, NewTicket, create_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketKind
from saleor_helpdesk.models import Category, Contact, SupportAgent

# The package chose the host's factories before importing this module.
from . import host_objects

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00"
    b"\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Category {n}")
    kind = TicketKind.QUESTION


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    slug = factory.Sequence(lambda n: f"contact-{n}")
    name = factory.Sequence(lambda n: f"Contact {n}")


class SupportAgentFactory(factory.django.DjangoModelFactory):
    """A member of the support team. Like everyone `supportAgentAdd` takes, they hold
    MANAGE_ORDERS in every channel; `works_tickets=False` makes one without it (lost
    since, or to be granted a channel-restricted group by the test)."""

    class Meta:
        model = SupportAgent
        skip_postgeneration_save = True

    user = factory.SubFactory("tests.factories.StaffFactory")

    @factory.post_generation
    def works_tickets(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            host_objects.grant(obj.user, "MANAGE_ORDERS")


class AttachmentFileFactory:
    """Uploaded files as a storefront would send them."""

    @staticmethod
    def png(name: str = "photo.png") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")

    @staticmethod
    def make(name: str, content: bytes, content_type: str = "image/png"):
        return SimpleUploadedFile(name, content, content_type=content_type)


def make_ticket(actor: Actor | None = None, **fields):
    """A ticket opened by `actor` (the system, for a customer, by default)."""
    if actor is None:
        actor = Actor.system()
        if (
            "customer_email" not in fields
            and "customer_id" not in fields
            and not fields.get("order_id")
        ):
            fields["customer_email"] = "someone@example.com"
    fields.setdefault("subject", "Where is my parcel?")
    fields.setdefault("body", "<p>It has not arrived yet.</p>")
    return create_ticket(actor, NewTicket(**fields))


def make_complaint(actor: Actor, order, lines=None, **fields):
    fields.setdefault("subject", "Broken on arrival")
    fields.setdefault("body", "<p>The mug was broken.</p>")
    fields.setdefault("complaint", NewComplaint(requested_resolution="refund"))
    line_requests = [
        NewLine(order_line_id=line.pk, quantity=qty, reason="damaged_in_transit")
        for line, qty in (lines or [])
    ]
    return create_ticket(
        actor,
        NewTicket(
            kind=TicketKind.COMPLAINT, order_id=order.pk, lines=line_requests, **fields
        ),
    )
