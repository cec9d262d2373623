"""Staff answer with a response template, filled in for the ticket."""

from graphene.relay import Node

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import ResponseTemplate
from tests.assertions import raises_error
from tests.factories import make_ticket

REPLY_FROM_TEMPLATE = """
mutation($id: ID!, $template: ID!) {
  ticketCommentAdd(id: $id, input: {body: "", template: $template}) {
    errors { field code message } comment { body }
  }
}
"""


def test_an_empty_reply_with_a_template_is_the_filled_in_template(
    customer_actor, staff_actor, channel
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Lieferung")
    template = ResponseTemplate.objects.create(
        name="Danke",
        language_code="de",
        body="<p>Hallo {{ customer.first_name }}, zu #{{ ticket.number }}: wir prüfen.</p>",
    )

    comment = add_comment(staff_actor, ticket.pk, "", template_id=template.pk)

    assert comment.body == f"<p>Hallo Anna, zu #{ticket.number}: wir prüfen.</p>"


def test_a_typed_body_wins_over_the_template(customer_actor, staff_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    template = ResponseTemplate.objects.create(name="x", body="Vorlage")

    comment = add_comment(
        staff_actor, ticket.pk, "Selbst geschrieben", template_id=template.pk
    )

    assert comment.body == "Selbst geschrieben"


def test_customers_cannot_use_templates(customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    template = ResponseTemplate.objects.create(name="x", body="Vorlage")

    with raises_error(None, "permission_denied"):
        add_comment(customer_actor, ticket.pk, "", template_id=template.pk)


def test_an_inactive_template_is_not_found(customer_actor, staff_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    template = ResponseTemplate.objects.create(
        name="x", body="Vorlage", is_active=False
    )

    with raises_error("template", "not_found", "Response template not found."):
        add_comment(staff_actor, ticket.pk, "", template_id=template.pk)


def test_through_the_api(staff_api, customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    template = ResponseTemplate.objects.create(name="x", body="Status: {{ status }}")

    result = staff_api(
        REPLY_FROM_TEMPLATE,
        {
            "id": Node.to_global_id("Ticket", str(ticket.pk)),
            "template": Node.to_global_id("ResponseTemplate", str(template.pk)),
        },
    )["ticketCommentAdd"]

    assert result == {"errors": [], "comment": {"body": "Status: Neu"}}
