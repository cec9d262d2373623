"""The placeholder renderer for merchant-written text (response templates, e-mails)."""

from types import SimpleNamespace

import pytest

from saleor_helpdesk.content.templates_render import (
    PLACEHOLDERS,
    UnknownPlaceholder,
    check,
    placeholders_in,
    render,
    ticket_values,
)
from saleor_helpdesk.models import TicketStatus
from tests.assertions import error_of

VALUES = {
    "customer.first_name": "Anna",
    "customer.name": "Anna Schmidt",
    "ticket.number": 10001,
    "ticket.subject": "Becher kaputt",
    "order.number": "42",
    "status": "In Bearbeitung",
    "agent.name": "Ben Berg",
    "shop.name": "Kaffee & Co",
}


def refused(text: str, field: str = "body") -> tuple[str | None, str, str]:
    with pytest.raises(UnknownPlaceholder) as info:
        check(text, field)
    return error_of(info.value)


def test_every_placeholder_is_replaced():
    # given a text using every placeholder
    text = " | ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)

    # when it is rendered
    rendered = render(text, VALUES)

    # then each is replaced by its (escaped) value
    assert rendered == (
        "Anna | Anna Schmidt | 10001 | Becher kaputt | 42 | In Bearbeitung | "
        "Ben Berg | Kaffee &amp; Co"
    )


def test_spaces_inside_the_braces_are_optional():
    # given the same placeholder written three ways
    text = "{{status}} {{ status }} {{\n  status\n}}"

    # when rendered, then all three read the same
    assert render(text, {"status": "Offen"}) == "Offen Offen Offen"


def test_text_around_placeholders_is_kept_as_written():
    # given merchant HTML around a placeholder
    text = "<p>Hallo {{ customer.first_name }},</p>\n<p>danke &amp; Gruß</p>"

    # when rendered, then the markup is untouched
    assert render(text, VALUES) == ("<p>Hallo Anna,</p>\n<p>danke &amp; Gruß</p>")


def test_a_missing_value_renders_empty():
    # given no order on the ticket
    # when the order number is rendered, then it is empty
    assert render("Bestellung {{ order.number }}.", {}) == "Bestellung ."
    assert render("Bestellung {{ order.number }}.", {"order.number": None}) == (
        "Bestellung ."
    )


def test_values_are_html_escaped():
    # given a customer whose name is markup
    values = {"customer.name": '<script>alert("x")</script>', "ticket.subject": "a'b"}

    # when rendered into HTML
    rendered = render("<p>{{ customer.name }} {{ ticket.subject }}</p>", values)

    # then the value cannot add markup (quotes escaped too, for attributes)
    assert rendered == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; a&#x27;b</p>"
    )


def test_a_value_cannot_break_out_of_an_attribute():
    # given a placeholder inside an attribute
    text = '<a title="{{ ticket.subject }}">x</a>'

    # when the value tries to close the attribute
    rendered = render(text, {"ticket.subject": '" onmouseover="alert(1)'})

    # then the quote is escaped
    assert rendered == '<a title="&quot; onmouseover=&quot;alert(1)">x</a>'


def test_plain_text_is_not_escaped():
    # given an e-mail subject (plain text)
    # when rendered without HTML escaping, then the value reads as typed
    assert render(
        "Re: {{ ticket.subject }}", {"ticket.subject": "A & B <1>"}, html_escape=False
    ) == ("Re: A & B <1>")


def test_a_value_holding_a_placeholder_is_not_expanded():
    # given a customer who writes a placeholder into their subject
    values = {"ticket.subject": "{{ shop.name }} {{ agent.name }}", "shop.name": "X"}

    # when the template is rendered
    rendered = render("Betreff: {{ ticket.subject }}", values)

    # then their text stays literal: one pass, no second expansion
    assert rendered == "Betreff: {{ shop.name }} {{ agent.name }}"


def test_a_value_with_braces_does_not_open_a_tag():
    # given a value ending in `{{` followed by text that closes with `}}`
    values = {"customer.name": "Anna {{", "status": "x"}

    # when rendered
    rendered = render("{{ customer.name }} status }} {{ status }}", values)

    # then the value did not swallow the text after it
    assert rendered == "Anna {{ status }} x"


@pytest.mark.parametrize(
    "text",
    [
        "{{ customer.email }}",
        "{{ customer }}",
        "{{ ticket.customer.password }}",
        "{{ customer.first_name|upper }}",
        "{{ customer.first_name.upper }}",
        "{{ customer.__class__ }}",
        "{{ settings.SECRET_KEY }}",
        "{{ ticket.number + 1 }}",
        "{{ 7*7 }}",
        "{{ request.user }}",
        "{{ }}",
        "{{ Customer.First_Name }}",
    ],
)
def test_unknown_placeholders_are_refused(text):
    # given a placeholder outside the whitelist (attributes, filters, expressions, …)
    # when the text is checked, then it is a typed error naming the placeholder
    field, code, message = refused(f"Hallo {text}!")

    assert (field, code) == ("body", "unknown_placeholder")
    assert message.startswith(f"Unknown placeholder: {text}. Allowed placeholders: ")
    assert "{{ customer.first_name }}" in message


def test_render_refuses_what_check_refuses():
    # given a text with an unknown placeholder
    # when rendered anyway, then nothing is rendered
    with pytest.raises(UnknownPlaceholder):
        render("{{ settings.SECRET_KEY }}", VALUES)


@pytest.mark.parametrize(
    "text",
    [
        "{{ status",
        "Hallo {{ customer.name }} und {{",
        "{{{ status }}}",
        "{{ {{ status }} }}",
        "{{ status }{{ status }}",
    ],
)
def test_injection_attempts_with_braces_are_refused(text):
    # given braces that do not form exactly one known placeholder
    # when checked, then refused
    field, code, _message = refused(text, "subject")

    assert (field, code) == ("subject", "unknown_placeholder")


def test_an_unclosed_placeholder_is_refused_with_its_own_message():
    _field, _code, message = refused("Hallo {{ customer.name")

    assert message == "A placeholder is opened with '{{' but never closed with '}}'."


def test_django_template_syntax_is_plain_text():
    # given Django template tags in merchant text
    text = "{% load static %}{% if x %}{% debug %}{% endif %} {# c #}"

    # when rendered, then they are text, nothing runs
    assert render(text, VALUES) == text


def test_single_braces_and_stray_closing_braces_are_text():
    # given braces that are no placeholder
    text = "{a} }} {status} } {"

    # when rendered, then they stay
    assert render(text, VALUES) == text


def test_values_must_be_text_or_numbers():
    # given an object as a value (a model instance, say)
    # when rendered, then it is refused rather than turned into text
    with pytest.raises(TypeError):
        render("{{ customer.name }}", {"customer.name": object()})  # type: ignore[dict-item]


def test_values_may_only_name_placeholders():
    with pytest.raises(KeyError):
        render("x", {"settings": "secret"})


def test_placeholders_in_lists_names_in_order_of_first_use():
    assert placeholders_in("{{ status }} {{ x.y }} {{status}} {{ shop.name }}") == [
        "status",
        "x.y",
        "shop.name",
    ]


def _ticket(**overrides):
    status = TicketStatus(
        pk=1, slug="open", name="Open", translations={"de": "Offen", "en": "Open"}
    )
    fields = {
        "customer_id": None,
        "customer": None,
        "customer_name": "Anna Schmidt",
        "number": 10001,
        "subject": "Becher kaputt",
        "order_id": None,
        "order": None,
        "status": status,
        "language_code": "de",
    }
    fields.update(overrides)
    return SimpleNamespace(**fields)


def test_ticket_values_of_a_guest_ticket():
    # given a guest ticket without an order
    # when its values are built
    values = ticket_values(
        _ticket(),
        agent=SimpleNamespace(first_name="Ben", last_name="Berg"),
        shop_name="Shop",
    )

    # then the first name comes from the name they gave, the status in their language
    assert values == {
        "customer.first_name": "Anna",
        "customer.name": "Anna Schmidt",
        "ticket.number": 10001,
        "ticket.subject": "Becher kaputt",
        "order.number": "",
        "status": "Offen",
        "agent.name": "Ben Berg",
        "shop.name": "Shop",
    }


def test_ticket_values_show_customers_the_public_status_and_registered_names():
    # given an internal status, a registered customer and an order
    public = TicketStatus(
        pk=2, slug="in_progress", translations={"de": "In Bearbeitung"}
    )
    internal = TicketStatus(
        pk=3,
        slug="waiting_1",
        translations={"de": "Warten 1"},
        is_internal=True,
        customer_status=public,
    )
    customer = SimpleNamespace(first_name="Berta", last_name="Meier")
    ticket = _ticket(
        status=internal,
        customer_id=5,
        customer=customer,
        customer_name="",
        order_id=7,
        order=SimpleNamespace(number=42),
    )

    # when its values are built
    values = ticket_values(ticket)

    # then customers never read the internal wording
    assert values["status"] == "In Bearbeitung"
    assert values["customer.first_name"] == "Berta"
    assert values["customer.name"] == "Berta Meier"
    assert values["order.number"] == "42"
    assert values["agent.name"] == ""
