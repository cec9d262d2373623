"""emailTemplates, emailTemplatePlaceholders, emailTemplatePreview,
emailTemplateUpdate and emailTemplateDelete: the merchant's e-mail texts."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.models import EmailMessage, EmailTemplate
from saleor_helpdesk.notifications.kinds import Notification
from saleor_helpdesk.notifications.render import EMAIL_PLACEHOLDERS
from tests.factories import make_ticket
from tests.graphql.emails.conftest import (
    DELETE,
    PLACEHOLDERS,
    PREVIEW,
    TEMPLATES,
    UPDATE,
)

GERMAN = {
    "subject": "Eingang bestätigt: {{ ticket.subject }}",
    "body": (
        "<p>Moin {{ customer.first_name }},</p><p>Ihre Nummer: {{ ticket.number }}."
        '</p><script>alert(1)</script><p onclick="x()">Gruß, {{ shop.name }}</p>'
    ),
}


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def test_a_manager_lists_every_email_in_every_shipped_language(api_for):
    templates = api_for("staff_with_manage_plugins")(TEMPLATES)["emailTemplates"]

    assert len(templates) == len(Notification.values) * 2
    received = [t for t in templates if t["notification"] == "TICKET_RECEIVED"]
    assert [t["languageCode"] for t in received] == ["de", "en"]
    assert (
        received[0]["subject"]
        == "Wir haben Ihre Anfrage erhalten: {{ ticket.subject }}"
    )
    assert received[0]["isCustomized"] is False
    assert "ticket.number" in received[0]["placeholders"]


def test_placeholders_are_listed_with_descriptions(api_for):
    placeholders = api_for("staff_with_manage_plugins")(PLACEHOLDERS)[
        "emailTemplatePlaceholders"
    ]

    assert [p["name"] for p in placeholders] == list(EMAIL_PLACEHOLDERS)
    assert all(p["description"].endswith(".") for p in placeholders)


def test_a_merchant_writes_a_german_text_and_the_customer_receives_it(
    api_for,
    customer_actor,
    channel,
    django_capture_on_commit_callbacks,
    mailoutbox,
    settings,
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    api = api_for("staff_with_manage_plugins")

    [payload] = api(
        UPDATE,
        {"notification": "TICKET_RECEIVED", "languageCode": "de", "input": GERMAN},
    ).values()

    assert payload["errors"] == []
    template = payload["emailTemplate"]
    assert template["isCustomized"] is True
    assert "<script>" not in template["body"] and "onclick" not in template["body"]

    with django_capture_on_commit_callbacks(execute=True):
        ticket = make_ticket(
            customer_actor, subject="Henkel <ab>", channel_id=channel.pk
        )
    [mail] = [m for m in mailoutbox if m.to == ["kunde@example.de"]]
    assert mail.subject == f"[#{ticket.number}] Eingang bestätigt: Henkel <ab>"
    assert f"Moin Anna,\nIhre Nummer: {ticket.number}." in mail.body
    [(html, _)] = mail.alternatives
    assert "Henkel &lt;ab&gt;" in html or "&lt;ab&gt;" not in html
    assert "<p>Moin Anna,</p>" in html
    assert EmailMessage.objects.get(to=["kunde@example.de"]).language == "de"


def test_a_text_with_an_unknown_placeholder_is_refused(api_for):
    [payload] = api_for("staff_with_manage_plugins")(
        UPDATE,
        {
            "notification": "STAFF_REPLY",
            "languageCode": "de",
            "input": {"body": "<p>{{ settings.SECRET_KEY }}</p>"},
        },
    ).values()

    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("body", "UNKNOWN_PLACEHOLDER")
    assert not EmailTemplate.objects.exists()


def test_a_manager_previews_an_email_on_a_ticket(api_for, ticket):
    api = api_for("staff_with_manage_plugins")
    api(
        UPDATE,
        {"notification": "TICKET_RECEIVED", "languageCode": "de", "input": GERMAN},
    )

    preview = api(
        PREVIEW,
        {
            "notification": "TICKET_RECEIVED",
            "languageCode": "de",
            "ticket": gid("Ticket", ticket.pk),
        },
    )["emailTemplatePreview"]

    number = ticket.number
    # values are escaped in HTML and never expanded again
    assert preview["subject"] == (
        f"[#{number}] Eingang bestätigt: Becher <b>kaputt</b> & {{{{ shop.name }}}}"
    )
    assert "<p>Moin Anna,</p>" in preview["html"]
    assert preview["text"].startswith(f"Moin Anna,\nIhre Nummer: {number}.")

    # the shipped English text, too
    english = api(
        PREVIEW,
        {
            "notification": "TICKET_CLOSED",
            "languageCode": "en",
            "ticket": gid("Ticket", ticket.pk),
        },
    )["emailTemplatePreview"]
    assert english["subject"].startswith(f"[#{number}] Your request is closed")
    assert "&lt;b&gt;kaputt&lt;/b&gt;" in english["html"]


def test_deleting_goes_back_to_the_shipped_text(api_for):
    api = api_for("staff_with_manage_plugins")
    api(UPDATE, {"notification": "STAFF_REPLY", "languageCode": "de", "input": GERMAN})

    [payload] = api(
        DELETE, {"notification": "STAFF_REPLY", "languageCode": "de"}
    ).values()

    assert payload == {
        "errors": [],
        "emailTemplate": {
            "subject": "Neue Antwort zu Ihrer Anfrage: {{ ticket.subject }}",
            "isCustomized": False,
        },
    }
    [again] = api(
        DELETE, {"notification": "STAFF_REPLY", "languageCode": "de"}
    ).values()
    assert again["errors"] == [
        {
            "field": "languageCode",
            "code": "NOT_FOUND",
            "message": "E-mail template not found.",
        }
    ]


@pytest.mark.parametrize(
    "caller",
    ["anonymous", "customer", "staff_without_permission", "staff_with_manage_orders"],
)
def test_only_managers_read_the_texts(api_for, caller, ticket):
    api = api_for(caller)
    for query, variables in (
        (TEMPLATES, {}),
        (PLACEHOLDERS, {}),
        (
            PREVIEW,
            {
                "notification": "TICKET_RECEIVED",
                "languageCode": "de",
                "ticket": gid("Ticket", ticket.pk),
            },
        ),
    ):
        response = api.post(query, variables)
        body = response.json()
        [error] = body["errors"]
        assert error["extensions"] == {"code": "PERMISSION_DENIED"}
        assert all(value is None for value in body["data"].values())


@pytest.mark.parametrize(
    "caller",
    ["anonymous", "customer", "staff_without_permission", "staff_with_manage_orders"],
)
def test_only_managers_change_the_texts(api_for, caller):
    EmailTemplate.objects.create(
        notification="staff_reply", language="de", subject="S", body="<p>B</p>"
    )
    api = api_for(caller)
    for mutation, variables in (
        (
            UPDATE,
            {"notification": "STAFF_REPLY", "languageCode": "de", "input": GERMAN},
        ),
        (DELETE, {"notification": "STAFF_REPLY", "languageCode": "de"}),
    ):
        [payload] = api(mutation, variables).values()
        [error] = payload["errors"]
        assert (error["field"], error["code"]) == (None, "PERMISSION_DENIED")
    row = EmailTemplate.objects.get()
    assert (row.subject, row.body) == ("S", "<p>B</p>")


def test_previewing_on_an_unknown_ticket_is_not_found(api_for):
    hidden_id = gid("Ticket", 999_999)

    response = api_for("staff_with_manage_plugins").post(
        PREVIEW,
        {"notification": "TICKET_RECEIVED", "languageCode": "de", "ticket": hidden_id},
    )

    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "ticket"}
