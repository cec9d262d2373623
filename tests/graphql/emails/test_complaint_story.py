"""The issue's "done when", through the API: a merchant configures a German text, and a
German customer receives every step of their complaint by e-mail, in German (internal
notes never)."""

from graphene.relay import Node

from saleor_helpdesk.models import EmailMessage, TicketStatus
from tests.factories import access_token_for
from tests.graphql.conftest import Api
from tests.graphql.emails.conftest import UPDATE

CREATE = """
mutation($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { field code } ticket { id number } }
}
"""
REPLY = """
mutation($id: ID!, $input: TicketCommentInput!) {
  ticketCommentAdd(id: $id, input: $input) { errors { field code } }
}
"""
STATUS = """
mutation($id: ID!, $status: ID!) {
  ticketStatusUpdate(id: $id, status: $status) { errors { field code } }
}
"""
DUE = """
mutation($id: ID!, $input: TicketUpdateInput!) {
  ticketUpdate(id: $id, input: $input) { errors { field code } }
}
"""
DECIDE = """
mutation($id: ID!, $input: ComplaintDecideInput!) {
  complaintDecide(id: $id, input: $input) { errors { field code } }
}
"""
CLOSE = """
mutation($id: ID!) { ticketClose(id: $id) { errors { field code } } }
"""


def test_a_german_customer_receives_every_step_of_a_complaint_in_german(
    api_for,
    customer,
    order,
    staff_api,
    django_capture_on_commit_callbacks,
    mailoutbox,
    settings,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    customer_api = Api(access_token_for(customer))

    def call(api, query, variables):
        with django_capture_on_commit_callbacks(execute=True):
            [payload] = api(query, variables).values()
        assert payload["errors"] == [], payload
        return payload

    # the merchant writes their own German text for staff replies
    call(
        api_for("staff_with_manage_plugins"),
        UPDATE,
        {
            "notification": "STAFF_REPLY",
            "languageCode": "de",
            "input": {
                "subject": "Antwort von Kaffee & Co: {{ ticket.subject }}",
                "body": "<p>Liebe(r) {{ customer.name }},</p><p>{{ reply.text }}</p>",
            },
        },
    )
    line = order.lines.order_by("product_name").first()
    ticket = call(
        customer_api,
        CREATE,
        {
            "input": {
                "subject": "Becher kaputt",
                "body": "Henkel ab.",
                "kind": "COMPLAINT",
                "order": Node.to_global_id("Order", str(order.pk)),
                "lines": [
                    {
                        "orderLineId": Node.to_global_id("OrderLine", str(line.pk)),
                        "quantity": 1,
                        "reason": "DEFECTIVE",
                    }
                ],
            }
        },
    )["ticket"]
    tid, number = ticket["id"], ticket["number"]
    in_progress = TicketStatus.objects.get(slug="in_progress")

    call(staff_api, REPLY, {"id": tid, "input": {"body": "Wir prüfen das."}})
    call(staff_api, REPLY, {"id": tid, "input": {"body": "Geiz?", "internal": True}})
    call(
        staff_api,
        STATUS,
        {"id": tid, "status": Node.to_global_id("TicketStatus", in_progress.pk)},
    )
    call(staff_api, DUE, {"id": tid, "input": {"dueDate": "2026-12-24T12:00:00+00:00"}})
    call(staff_api, DECIDE, {"id": tid, "input": {"decision": "REPLACEMENT"}})
    call(staff_api, CLOSE, {"id": tid})

    to_customer = [mail for mail in mailoutbox if mail.to == [customer.email]]
    assert [mail.subject for mail in to_customer] == [
        f"[#{number}] Wir haben Ihre Anfrage erhalten: Becher kaputt",
        f"[#{number}] Antwort von Kaffee & Co: Becher kaputt",
        f"[#{number}] Ihre Anfrage ist jetzt: In Bearbeitung",
        f"[#{number}] Neuer Termin für Ihre Anfrage: 24.12.2026 12:00",
        f"[#{number}] Entscheidung zu Ihrer Reklamation: Ersatz",
        f"[#{number}] Ihre Anfrage ist abgeschlossen: Becher kaputt",
    ]
    assert "Liebe(r) Anna Schmidt,\nWir prüfen das." in to_customer[1].body
    assert all("Geiz" not in mail.body for mail in mailoutbox)
    assert set(
        EmailMessage.objects.filter(to=[customer.email]).values_list(
            "language", "status"
        )
    ) == {("de", "sent")}
