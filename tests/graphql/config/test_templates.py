"""Response templates: responseTemplates, responseTemplatePlaceholders,
responseTemplatePreview, responseTemplateCreate/Update/Delete."""

import pytest

from saleor_helpdesk.content.templates_render import PLACEHOLDERS
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import ChannelSettings, ResponseTemplate
from tests.factories import (
    OrderFactory,
    StaffFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, read_refused, refused, succeeded
from tests.graphql.conftest import Api

GREETING = (
    "<p>Hallo {{ customer.first_name }},</p>"
    "<p>zu Ticket #{{ ticket.number }} ({{ ticket.subject }}, Bestellung "
    "{{ order.number }}): Status {{ status }}.</p><p>{{ agent.name }}, {{ shop.name }}</p>"
)


@pytest.fixture
def greeting(db):
    return ResponseTemplate.objects.create(
        name="Greeting",
        language_code="de",
        subject="Ihr Ticket {{ ticket.number }}: {{ ticket.subject }}",
        body=GREETING,
    )


def test_staff_list_templates_of_a_language_and_kind(api_for, greeting):
    # given German and English templates, one only for complaints
    ResponseTemplate.objects.create(name="Greeting", language_code="en", body="Hi")
    ResponseTemplate.objects.create(
        name="Complaint received", language_code="de", body="Danke", kind="complaint"
    )
    ResponseTemplate.objects.create(
        name="Refund sent", language_code="de", body="Geld", kind="refund_request"
    )
    api = api_for("staff_with_manage_orders")

    # when staff list the Austrian-German templates for a complaint
    templates = api(
        op.RESPONSE_TEMPLATES, {"languageCode": "de_AT", "kind": "COMPLAINT"}
    )["responseTemplates"]

    # then German templates for complaints or for any kind come, by name
    assert [(t["name"], t["languageCode"], t["kind"]) for t in templates] == [
        ("Complaint received", "de", "COMPLAINT"),
        ("Greeting", "de", None),
    ]
    assert templates[1]["placeholders"] == [
        "ticket.number",
        "ticket.subject",
        "customer.first_name",
        "order.number",
        "status",
        "agent.name",
        "shop.name",
    ]


def test_staff_learn_which_placeholders_exist(api_for):
    placeholders = api_for("staff_with_manage_plugins")(
        op.RESPONSE_TEMPLATE_PLACEHOLDERS
    )["responseTemplatePlaceholders"]

    assert [p["name"] for p in placeholders] == list(PLACEHOLDERS)
    assert all(p["description"].endswith(".") for p in placeholders)


def test_a_manager_writes_a_template(manager_api):
    # when a manager writes a template with placeholders and a script
    payload = succeeded(
        manager_api,
        op.RESPONSE_TEMPLATE_CREATE,
        {
            "input": {
                "name": " Thanks ",
                "languageCode": "EN",
                "subject": "Re: {{ ticket.subject }}",
                "body": "<p>Thanks, {{customer.first_name}}!</p><script>x()</script>",
                "kind": "QUESTION",
            }
        },
    )

    # then it is stored sanitised, with its placeholders
    created = ResponseTemplate.objects.get(name="Thanks")
    assert (created.language_code, created.subject, created.body, created.kind) == (
        "en",
        "Re: {{ ticket.subject }}",
        "<p>Thanks, {{customer.first_name}}!</p>",
        "question",
    )
    assert payload["template"]["placeholders"] == [
        "ticket.subject",
        "customer.first_name",
    ]


ALLOWED = ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        ({"name": None}, "name", "REQUIRED", "This field is required."),
        ({"name": " "}, "name", "REQUIRED", "This field is required."),
        ({"body": None}, "body", "REQUIRED", "This field is required."),
        ({"body": "<p> </p>"}, "body", "EMPTY_BODY", "Enter the text."),
        (
            {"body": "x" * 50_001},
            "body",
            "BODY_TOO_LONG",
            "A template may be at most 50000 characters long.",
        ),
        (
            {"body": "Hallo {{ customer.email }}"},
            "body",
            "UNKNOWN_PLACEHOLDER",
            f"Unknown placeholder: {{{{ customer.email }}}}. Allowed placeholders: "
            f"{ALLOWED}.",
        ),
        (
            {"subject": "Re: {{ settings.SECRET_KEY }}"},
            "subject",
            "UNKNOWN_PLACEHOLDER",
            f"Unknown placeholder: {{{{ settings.SECRET_KEY }}}}. Allowed placeholders: "
            f"{ALLOWED}.",
        ),
        (
            {"body": "Hallo {{ customer.first_name"},
            "body",
            "UNKNOWN_PLACEHOLDER",
            "A placeholder is opened with '{{' but never closed with '}}'.",
        ),
        (
            {"languageCode": "german"},
            "languageCode",
            "INVALID",
            "'german' is not a language code (use e.g. 'de', 'en' or 'pt-br').",
        ),
        (
            {"name": "Greeting", "languageCode": "de"},
            "name",
            "UNIQUE",
            "A template named 'Greeting' exists already in 'de'.",
        ),
    ],
)
def test_an_invalid_template_is_refused(
    manager_api, greeting, change, field, code, message
):
    # given a template input with one mistake
    given = {"name": "Welcome", "body": "<p>Willkommen</p>", **change}
    given = {key: value for key, value in given.items() if value is not None}

    # when a manager sends it
    error = refused(manager_api, op.RESPONSE_TEMPLATE_CREATE, {"input": given})

    # then it is a typed error and nothing was written
    assert error == {"field": field, "code": code, "message": message}


def test_the_same_name_may_exist_in_another_language(manager_api, greeting):
    succeeded(
        manager_api,
        op.RESPONSE_TEMPLATE_CREATE,
        {"input": {"name": "Greeting", "languageCode": "en", "body": "Hello"}},
    )

    assert ResponseTemplate.objects.filter(name="Greeting").count() == 2


def test_a_manager_changes_a_template(manager_api):
    # given a template for complaints
    template = ResponseTemplate.objects.create(
        name="Sorry", body="Sorry.", kind="complaint"
    )

    # when a manager changes its body and makes it fit any kind
    succeeded(
        manager_api,
        op.RESPONSE_TEMPLATE_UPDATE,
        {
            "id": gid("ResponseTemplate", template.pk),
            "input": {"body": "Sorry, {{ customer.name }}.", "kind": None},
        },
    )

    # then only those changed
    template.refresh_from_db()
    assert (template.body, template.kind, template.name, template.is_active) == (
        "Sorry, {{ customer.name }}.",
        "",
        "Sorry",
        True,
    )


def test_a_change_with_an_unknown_placeholder_is_refused(manager_api, greeting):
    error = refused(
        manager_api,
        op.RESPONSE_TEMPLATE_UPDATE,
        {
            "id": gid("ResponseTemplate", greeting.pk),
            "input": {"body": "{{ ticket.customer.password }}"},
        },
    )

    assert (error["field"], error["code"]) == ("body", "UNKNOWN_PLACEHOLDER")


def test_a_manager_deletes_a_template(manager_api, greeting):
    payload = succeeded(
        manager_api,
        op.RESPONSE_TEMPLATE_DELETE,
        {"id": gid("ResponseTemplate", greeting.pk)},
    )

    assert not ResponseTemplate.objects.exists()
    assert payload["template"] == {
        "id": gid("ResponseTemplate", greeting.pk),
        "name": "Greeting",
    }


@pytest.fixture
def ticket(customer, channel):
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    return make_ticket(
        Actor.customer(customer),
        channel_id=channel.pk,
        order_id=order.pk,
        subject="Becher <b>kaputt</b> & {{ shop.name }}",
    )


def test_staff_preview_a_template_on_a_ticket(api_for, greeting, ticket, staff_user):
    # given a German customer's ticket with a subject full of markup and braces
    staff_user.first_name, staff_user.last_name = "Ben", "Berg"
    staff_user.save()
    ChannelSettings.objects.create(channel=None, sender_name="Kaffee & Co")
    api = api_for("staff_with_manage_orders")

    # when staff preview the greeting on it
    preview = api(
        op.RESPONSE_TEMPLATE_PREVIEW,
        {
            "id": gid("ResponseTemplate", greeting.pk),
            "ticket": gid("Ticket", ticket.pk),
        },
    )["responseTemplatePreview"]

    # then it reads with the ticket's values: escaped in the body, never expanded
    number = ticket.number
    order_number = ticket.order.number
    assert preview["body"] == (
        "<p>Hallo Anna,</p>"
        f"<p>zu Ticket #{number} (Becher &lt;b&gt;kaputt&lt;/b&gt; &amp; "
        f"{{{{ shop.name }}}}, Bestellung {order_number}): Status Neu.</p>"
        "<p>Ben Berg, Kaffee &amp; Co</p>"
    )
    assert preview["subject"] == (
        f"Ihr Ticket {number}: Becher <b>kaputt</b> & {{{{ shop.name }}}}"
    )


def test_the_shop_name_falls_back_to_the_channel(api_for, ticket):
    # given no sender name anywhere
    template = ResponseTemplate.objects.create(name="Shop", body="{{ shop.name }}")

    # when staff preview a template naming the shop
    preview = api_for("staff_with_manage_orders")(
        op.RESPONSE_TEMPLATE_PREVIEW,
        {
            "id": gid("ResponseTemplate", template.pk),
            "ticket": gid("Ticket", ticket.pk),
        },
    )["responseTemplatePreview"]

    # then the channel's name stands in
    assert preview["body"] == "Default"


def test_a_ticket_the_caller_does_not_work_is_not_found(
    manager_api, greeting, ticket, other_channel
):
    # given a manager who may edit settings but not work tickets, and staff who work
    # only another channel
    elsewhere = StaffFactory(email="intl@shop.example")
    grant(elsewhere, "MANAGE_ORDERS", channels=[other_channel])
    variables = {
        "id": gid("ResponseTemplate", greeting.pk),
        "ticket": gid("Ticket", ticket.pk),
    }

    # when either previews the template on the ticket
    errors = [
        read_refused(api, op.RESPONSE_TEMPLATE_PREVIEW, variables)
        for api in (manager_api, Api(access_token_for(elsewhere)))
    ]

    # then the ticket is not found for both
    for error in errors:
        assert error["message"] == "Ticket not found."
        assert error["extensions"] == {"code": "NOT_FOUND", "field": "ticket"}


def test_previewing_an_unknown_template_is_not_found(api_for, ticket):
    error = read_refused(
        api_for("staff_with_manage_orders"),
        op.RESPONSE_TEMPLATE_PREVIEW,
        {"id": gid("ResponseTemplate", 999_999), "ticket": gid("Ticket", ticket.pk)},
    )

    assert error["message"] == "Template not found."
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "id"}
