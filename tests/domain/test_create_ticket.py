"""Opening tickets: who may, on which orders, and what every refusal says."""

from datetime import timedelta
from uuid import uuid4

import pytest

from saleor_helpdesk.actions import NewComplaint, NewLine, NewTicket, create_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import (
    ChannelSettings,
    Complaint,
    CustomerResponsible,
    Priority,
    Ticket,
)
from tests.assertions import raises_error
from tests.factories import (
    CategoryFactory,
    ContactFactory,
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    SupportAgentFactory,
    UserFactory,
    make_complaint,
)


def new(**fields) -> NewTicket:
    fields.setdefault("subject", "Frage zur Lieferung")
    fields.setdefault("body", "<p>Wann kommt mein Paket?</p>")
    return NewTicket(**fields)


# --- who may open tickets ------------------------------------------------------------


def test_a_customer_opens_a_complaint_on_their_order_with_lines(customer_actor, order):
    # given the customer's order with two lines
    mug, pot = order.lines.order_by("product_name")

    # when they complain about one mug and the pot
    ticket = make_complaint(
        customer_actor,
        order,
        lines=[(mug, 1), (pot, 1)],
        complaint=NewComplaint(
            order_number=str(order.number),
            article_number="KB-1",
            description="Henkel abgebrochen",
            requested_resolution="replacement",
        ),
    )

    # then the ticket knows its order, channel, customer, language and lines
    assert ticket.kind == "complaint"
    assert ticket.order == order
    assert ticket.channel_id == order.channel_id
    assert ticket.customer == customer_actor.user
    assert ticket.customer_email == "kunde@example.de"
    assert ticket.customer_name == "Anna Schmidt"
    assert ticket.language_code == "de"
    assert ticket.source == "storefront"
    assert sorted(ticket.lines.values_list("product_name", "quantity")) == [
        ("Kaffeebecher", 1),
        ("Teekanne", 1),
    ]
    complaint = Complaint.objects.get(ticket=ticket)
    assert complaint.requested_resolution == "replacement"
    assert complaint.decision == "pending"
    # and the order's own timeline names the ticket
    assert order.events.filter(
        type="note_added",
        parameters__message=f"Helpdesk ticket #{ticket.number} opened: "
        "Broken on arrival",
    ).exists()


def test_a_guest_opens_a_ticket_with_the_order_token_and_email(
    guest_actor, guest_order
):
    ticket = create_ticket(guest_actor, new(order_id=guest_order.pk))

    assert ticket.customer is None
    assert ticket.customer_email == "gast@example.de"
    assert ticket.order == guest_order


def test_staff_open_a_ticket_for_a_customer_by_email_and_it_links_the_user(
    staff_actor, customer, channel
):
    ticket = create_ticket(
        staff_actor,
        new(customer_email="KUNDE@example.de", channel_id=channel.pk, source="phone"),
    )

    assert ticket.customer == customer
    assert ticket.source == "phone"
    assert ticket.comments.get().author_type == "staff"


def test_staff_open_a_ticket_on_an_order_and_the_customer_follows_the_order(
    staff_actor, order
):
    ticket = create_ticket(staff_actor, new(order_id=order.pk))

    assert ticket.customer == order.user
    assert ticket.source == "staff"


def test_an_app_opens_a_ticket(app_actor, channel):
    ticket = create_ticket(
        app_actor, new(customer_email="erp@example.com", channel_id=channel.pk)
    )

    assert ticket.source == "api"
    assert ticket.comments.get().author_app == app_actor.app


def test_anonymous_callers_cannot_open_tickets(channel):
    with raises_error(
        None,
        "permission_denied",
        "Sign in, or use your order's token, to write to us.",
    ):
        create_ticket(Actor.anonymous(), new(channel_id=channel.pk))


def test_staff_without_manage_orders_cannot_open_tickets(
    staff_without_permission_actor, channel
):
    with raises_error(
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    ):
        create_ticket(
            staff_without_permission_actor,
            new(channel_id=channel.pk, customer_email="a@example.com"),
        )


def test_staff_restricted_to_another_channel_cannot_open_tickets_there(
    staff_user, channel, other_channel
):
    actor = Actor.staff(staff_user, {"MANAGE_ORDERS"}, channel_ids=[other_channel.pk])

    with raises_error(
        "channel", "permission_denied", "You have no access to this channel."
    ):
        create_ticket(actor, new(channel_id=channel.pk, customer_email="a@example.com"))


# --- validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "code", "message"),
    [
        ({"subject": "   "}, "subject", "required", "Enter a subject."),
        (
            {"subject": "x" * 256},
            "subject",
            "invalid",
            "The subject can be at most 255 characters long.",
        ),
        ({"body": "<p> </p>"}, "body", "empty_body", "Write a message."),
        (
            {"body": "<script>alert(1)</script>"},
            "body",
            "empty_body",
            "Write a message.",
        ),
        ({"body": "x" * 50_001}, "body", "body_too_long", "The message is too long."),
        ({"kind": "gossip"}, "kind", "invalid", "Unknown ticket kind."),
        ({"channel_id": None}, "channel", "required", "Choose the shop's channel."),
        ({"channel_id": 999_999}, "channel", "not_found", "Channel not found."),
        (
            {"cc_emails": ["not-an-address"]},
            "cc_emails",
            "invalid_email",
            "'not-an-address' is not a valid e-mail address.",
        ),
        (
            {"cc_emails": [f"cc{i}@example.com" for i in range(11)]},
            "cc_emails",
            "invalid",
            "At most 10 CC addresses.",
        ),
        (
            {"complaint": NewComplaint(requested_resolution="a pony")},
            "complaint.requested_resolution",
            "invalid",
            "Unknown resolution.",
        ),
        (
            {"complaint": NewComplaint(article_number="x" * 129)},
            "complaint.article_number",
            "invalid",
            "At most 128 characters.",
        ),
        (
            {"metadata": {"": "x"}},
            "metadata",
            "invalid",
            "Keys and values must be text.",
        ),
    ],
)
def test_invalid_input_is_refused_and_changes_nothing(
    customer_actor, channel, fields, field, code, message
):
    fields = {"channel_id": channel.pk, **fields}

    with raises_error(field, code, message):
        create_ticket(customer_actor, new(**fields))


def test_a_customer_cannot_open_a_ticket_on_someone_elses_order(
    customer_actor, other_customer, channel
):
    foreign = OrderFactory(user=other_customer, channel=channel)

    with raises_error("order", "not_found", "Order not found."):
        create_ticket(customer_actor, new(order_id=foreign.pk))


def test_an_unknown_order_is_not_found(customer_actor):
    with raises_error("order", "not_found", "Order not found."):
        create_ticket(customer_actor, new(order_id=uuid4()))


def test_a_customer_cannot_open_a_ticket_on_a_draft_order(
    customer, customer_actor, channel
):
    draft = OrderFactory(user=customer, channel=channel, status="draft")

    with raises_error("order", "not_found", "Order not found."):
        create_ticket(customer_actor, new(order_id=draft.pk))


def test_an_inactive_channel_is_not_offered_to_customers(customer_actor, channel):
    channel.is_active = False
    channel.save()

    with raises_error("channel", "not_found", "Channel not found."):
        create_ticket(customer_actor, new(channel_id=channel.pk))


def test_the_order_decides_the_channel(customer_actor, order, other_channel):
    with raises_error(
        "channel", "channel_mismatch", "The order belongs to another channel."
    ):
        create_ticket(
            customer_actor, new(order_id=order.pk, channel_id=other_channel.pk)
        )


def test_a_guest_holding_one_order_cannot_use_another(guest_actor, channel):
    other_guest_order = OrderFactory(
        user=None, user_email="gast@example.de", channel=channel
    )

    with raises_error("order", "not_found", "Order not found."):
        create_ticket(guest_actor, new(order_id=other_guest_order.pk))


def test_a_guest_with_the_wrong_email_is_refused(guest_order):
    actor = Actor.guest(guest_order.pk, "someone-else@example.com")

    with raises_error("order", "not_found", "Order not found."):
        create_ticket(actor, new(order_id=guest_order.pk))


def test_guest_tickets_can_be_switched_off_per_channel(guest_actor, guest_order):
    ChannelSettings.objects.create(
        channel=guest_order.channel, guest_tickets_allowed=False
    )

    with raises_error(
        "order",
        "guest_tickets_disabled",
        "This shop takes tickets only from signed-in customers.",
    ):
        create_ticket(guest_actor, new(order_id=guest_order.pk))


def test_lines_need_an_order(customer_actor, channel, order):
    line = order.lines.first()

    with raises_error("order", "required", "Choose the order these lines belong to."):
        create_ticket(
            customer_actor,
            new(
                channel_id=channel.pk,
                lines=[NewLine(order_line_id=line.pk, quantity=1)],
            ),
        )


def test_a_line_of_another_order_is_refused(customer, customer_actor, order, channel):
    other = OrderFactory(user=customer, channel=channel)
    foreign_line = OrderLineFactory(order=other)

    with raises_error(
        "lines", "line_not_in_order", "This line is not part of the order."
    ):
        create_ticket(
            customer_actor,
            new(
                order_id=order.pk,
                lines=[NewLine(order_line_id=foreign_line.pk, quantity=1)],
            ),
        )


@pytest.mark.parametrize("quantity", [0, 3, -1])
def test_quantities_stay_within_what_was_ordered(customer_actor, order, quantity):
    mug = order.lines.get(product_name="Kaffeebecher")  # ordered twice

    with raises_error(
        "lines",
        "quantity_exceeded",
        "Quantity for 'Kaffeebecher' must be between 1 and 2.",
    ):
        create_ticket(
            customer_actor,
            new(
                order_id=order.pk,
                lines=[NewLine(order_line_id=mug.pk, quantity=quantity)],
            ),
        )


def test_a_line_named_twice_is_refused(customer_actor, order):
    mug = order.lines.get(product_name="Kaffeebecher")

    with raises_error(
        "lines",
        "duplicated_input_item",
        "Each order line can be named only once.",
    ):
        create_ticket(
            customer_actor,
            new(
                order_id=order.pk,
                lines=[
                    NewLine(order_line_id=mug.pk, quantity=1),
                    NewLine(order_line_id=mug.pk, quantity=1),
                ],
            ),
        )


def test_an_unknown_reason_is_refused(customer_actor, order):
    mug = order.lines.get(product_name="Kaffeebecher")

    with raises_error("lines", "invalid", "Unknown reason."):
        create_ticket(
            customer_actor,
            new(
                order_id=order.pk,
                lines=[NewLine(order_line_id=mug.pk, quantity=1, reason="boredom")],
            ),
        )


def test_a_category_must_belong_to_the_kind(customer_actor, channel):
    complaint_category = CategoryFactory(kind="complaint")

    with raises_error(
        "category",
        "invalid",
        "This category does not exist for this kind of ticket.",
    ):
        create_ticket(
            customer_actor,
            new(
                channel_id=channel.pk,
                kind="question",
                category_id=complaint_category.pk,
            ),
        )


def test_an_inactive_contact_is_not_found(customer_actor, channel):
    contact = ContactFactory(is_active=False)

    with raises_error("contact", "not_found", "Contact not found."):
        create_ticket(customer_actor, new(channel_id=channel.pk, contact_id=contact.pk))


def test_customers_cannot_choose_the_priority(customer_actor, channel):
    urgent = Priority.objects.get(slug="urgent")

    with raises_error(
        "priority", "permission_denied", "Only staff can set a ticket's priority."
    ):
        create_ticket(customer_actor, new(channel_id=channel.pk, priority_id=urgent.pk))


def test_staff_must_say_for_whom(staff_actor, channel):
    with raises_error(
        "customer_email", "required", "Give the customer or their e-mail address."
    ):
        create_ticket(staff_actor, new(channel_id=channel.pk))


def test_staff_name_an_unknown_customer(staff_actor, channel):
    with raises_error("customer", "not_found", "Customer not found."):
        create_ticket(staff_actor, new(channel_id=channel.pk, customer_id=987_654))


def test_staff_cannot_tie_a_customer_to_someone_elses_order(
    staff_actor, order, other_customer
):
    with raises_error(
        "customer", "order_mismatch", "The order belongs to another customer."
    ):
        create_ticket(
            staff_actor, new(order_id=order.pk, customer_id=other_customer.pk)
        )


# --- defaults: priority, due date, responsibility, language ----------------------------


def test_the_due_date_follows_the_priority(staff_actor, channel):
    urgent = Priority.objects.get(slug="urgent")  # 4 hours

    ticket = create_ticket(
        staff_actor,
        new(
            channel_id=channel.pk, customer_email="a@example.com", priority_id=urgent.pk
        ),
    )

    assert abs(ticket.due_date - ticket.created_at - timedelta(hours=4)) < timedelta(
        seconds=5
    )


def test_the_customers_responsible_person_comes_first(
    customer, customer_actor, channel
):
    # given a responsible person for the customer, one for the contact, a shop default
    mine, contacts, default = (SupportAgentFactory().user for _ in range(3))
    CustomerResponsible.objects.create(customer=customer, responsible=mine)
    contact = ContactFactory(responsible=contacts)
    ChannelSettings.objects.create(channel=None, default_responsible=default)

    ticket = create_ticket(
        customer_actor, new(channel_id=channel.pk, contact_id=contact.pk)
    )

    assert ticket.assignee == mine


def test_then_the_contacts_then_the_shops_default(customer_actor, channel):
    contacts, default = (SupportAgentFactory().user for _ in range(2))
    contact = ContactFactory(responsible=contacts)
    ChannelSettings.objects.create(channel=None, default_responsible=default)

    with_contact = create_ticket(
        customer_actor, new(channel_id=channel.pk, contact_id=contact.pk)
    )
    without = create_ticket(customer_actor, new(channel_id=channel.pk))

    assert with_contact.assignee == contacts
    assert without.assignee == default


def test_a_responsible_person_who_left_the_team_is_skipped(
    customer, customer_actor, channel
):
    gone = StaffFactory()  # never a support agent
    CustomerResponsible.objects.create(customer=customer, responsible=gone)

    ticket = create_ticket(customer_actor, new(channel_id=channel.pk))

    assert ticket.assignee is None


def test_language_comes_from_the_input_then_the_customer(channel):
    english = Actor.customer(UserFactory(language_code="en"))

    assert create_ticket(english, new(channel_id=channel.pk)).language_code == "en"
    assert (
        create_ticket(
            english, new(channel_id=channel.pk, language_code="de")
        ).language_code
        == "de"
    )


def test_customer_metadata_is_kept_but_private_metadata_is_staff_only(
    customer_actor, staff_actor, channel
):
    by_customer = create_ticket(
        customer_actor,
        new(
            channel_id=channel.pk, metadata={"utm": "mail"}, private_metadata={"x": "y"}
        ),
    )
    by_staff = create_ticket(
        staff_actor,
        new(
            channel_id=channel.pk,
            customer_email="a@example.com",
            private_metadata={"erp": "4711"},
        ),
    )

    assert by_customer.metadata == {"utm": "mail"}
    assert by_customer.private_metadata == {}
    assert by_staff.private_metadata == {"erp": "4711"}


def test_numbers_increase(customer_actor, channel):
    first = create_ticket(customer_actor, new(channel_id=channel.pk))
    second = create_ticket(customer_actor, new(channel_id=channel.pk))

    assert second.number > first.number
    assert Ticket.objects.filter(number=first.number).count() == 1
