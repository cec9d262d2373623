"""Customer data (a customer's name, e-mail, CC addresses, their orders' figures) leaves
the API only where a rule guards it:

- inside a `Ticket` the caller may see (its own customer, the guest holding the order's
  token, staff with MANAGE_ORDERS in the ticket's channel): Saleor's own rule for
  `Order.userEmail` and `Order.user`, which MANAGE_ORDERS staff read on the orders
  they may access, so a support agent can answer the ticket;
- with MANAGE_USERS everywhere else (`Ticket.customerSummary`, which needs
  MANAGE_ORDERS too, and `customerResponsibleSet`, which names any customer and
  answered with their name and e-mail to MANAGE_PLUGINS alone).

The schema walk below lists every field that carries a person's data and who it is
about; a new one fails until it is classified here. It also checks that no root field
reaches a customer's data except through a Ticket or through a field guarded by
MANAGE_USERS.
"""

import pytest

from graphql.type.definition import GraphQLObjectType, get_named_type
from saleor_helpdesk.graphql.schema import schema
from saleor_helpdesk.models import ResponseTemplate
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import gid

# Every field that holds a person's data, and whose data it is.
CUSTOMER = "customer"  # inside a Ticket the caller may see
CUSTOMER_MANAGE_USERS = "customer, MANAGE_USERS"
STAFF = "staff user"
SHOP = "the shop's own address"
# Whoever wrote to a support mailbox (as the message claims): staff who work the
# ticket it reached, or, without a ticket, staff of the mailbox's channel.
SENDER = "an e-mail's sender"
PERSON_FIELDS = {
    ("Ticket", "customer"): CUSTOMER,
    ("Ticket", "customerEmail"): CUSTOMER,
    ("Ticket", "customerName"): CUSTOMER,
    ("Ticket", "ccEmails"): CUSTOMER,  # and staff only
    ("TicketComment", "authorName"): CUSTOMER,  # the customer's name as given
    ("TicketComment", "email"): CUSTOMER,  # staff only: the e-mail it came with
    ("HelpdeskInboundEmail", "fromAddress"): SENDER,
    ("HelpdeskInboundEmail", "fromName"): SENDER,
    ("Complaint", "customerNumber"): CUSTOMER,  # as on the invoice
    ("TicketEvent", "user"): CUSTOMER,  # staff only; the customer when they acted
    ("TicketEvent", "parameters"): CUSTOMER,  # staff only
    ("Ticket", "customerSummary"): CUSTOMER_MANAGE_USERS,
    ("TicketCustomerSummary", "email"): CUSTOMER_MANAGE_USERS,
    ("TicketCustomerSummary", "name"): CUSTOMER_MANAGE_USERS,
    ("CustomerResponsibleSet", "customer"): CUSTOMER_MANAGE_USERS,
    ("CustomerResponsibleSet", "responsible"): STAFF,
    ("Ticket", "assignee"): STAFF,
    ("TicketAssigneeCount", "assignee"): STAFF,
    ("SlaAttainmentByAssignee", "assignee"): STAFF,
    ("SupportAgent", "user"): STAFF,
    ("HelpdeskChannelSettings", "defaultResponsible"): STAFF,
    ("TicketContact", "responsible"): STAFF,
    ("HelpdeskMacro", "assignee"): STAFF,  # issue 14: whom a macro assigns to
    ("SupportAgentCandidate", "email"): STAFF,
    ("SupportAgentCandidate", "firstName"): STAFF,
    ("SupportAgentCandidate", "lastName"): STAFF,
    ("TicketContact", "email"): SHOP,
    ("HelpdeskMailbox", "address"): SHOP,
    ("HelpdeskMailbox", "imapUser"): SHOP,
    ("TicketSatisfactionRating", "agent"): STAFF,  # staff only
    ("TicketSatisfactionAgentSummary", "agent"): STAFF,
    # time and effort: a contract names its customer to MANAGE_USERS only (also when
    # reached through `ticketTime`, which MANAGE_ORDERS may read)
    ("SupportContract", "customer"): CUSTOMER_MANAGE_USERS,
    ("SupportContract", "customerEmail"): CUSTOMER_MANAGE_USERS,
    ("TicketTimeEntry", "user"): STAFF,
    ("TicketTimePerson", "user"): STAFF,
    ("TimeAgentGroup", "user"): STAFF,
}
PERSON_TYPES = {"TicketUser", "TicketCustomerSummary", "SupportAgentCandidate"}
PERSON_NAMES = {"email", "firstName", "lastName", "user", "parameters", "authorName"}
# Types whose fields are themselves the person (a TicketUser's e-mail and names).
PERSON_OWN_FIELDS = {"TicketUser"}


def object_types() -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in schema.get_type_map().items()
        if isinstance(t, GraphQLObjectType) and not name.startswith("__")
    }


def person_fields() -> set[tuple[str, str]]:
    found = set()
    roots = {schema.get_query_type().name, schema.get_mutation_type().name}
    for name, t in object_types().items():
        if name in PERSON_OWN_FIELDS or name in roots:
            continue
        for field_name, field in t.fields.items():
            named = get_named_type(field.type).name
            if (
                named in PERSON_TYPES
                or field_name in PERSON_NAMES
                or (
                    named == "String"
                    and (
                        field_name.startswith("customer")
                        or field_name.endswith("Emails")
                    )
                )
            ):
                found.add((name, field_name))
    return found


def test_every_field_with_a_persons_data_is_classified():
    # a field missing here is new: decide who may read it, then list it
    unclassified = person_fields() - set(PERSON_FIELDS)
    assert unclassified == set()


def test_customer_data_is_reached_only_through_a_ticket_or_manage_users():
    # walk from every root field without entering a ticket, or a ticket's comment,
    # event or complaint form (every operation hands those out only on a ticket the
    # caller may see):
    # what remains must be a field guarded by MANAGE_USERS
    types = object_types()
    exposed: set[tuple[str, str]] = set()
    for root in (schema.get_query_type(), schema.get_mutation_type()):
        seen: set[str] = {"Ticket", "TicketComment", "TicketEvent", "Complaint"}
        stack = [root.name]
        while stack:
            name = stack.pop()
            for field_name, field in types[name].fields.items():
                if PERSON_FIELDS.get((name, field_name), "").startswith(CUSTOMER):
                    exposed.add((name, field_name))
                named = get_named_type(field.type).name
                if named in types and named not in seen:
                    seen.add(named)
                    stack.append(named)
    assert {(field, PERSON_FIELDS[field]) for field in exposed} == {
        (("CustomerResponsibleSet", "customer"), CUSTOMER_MANAGE_USERS),
        (("SupportContract", "customer"), CUSTOMER_MANAGE_USERS),
        (("SupportContract", "customerEmail"), CUSTOMER_MANAGE_USERS),
    }


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk, subject="Paket")


TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) {
    customerEmail customerName customer { email firstName lastName } ccEmails
    customerSummary { name email }
  }
}
"""
RESPONSE_TEMPLATE_PREVIEW = """
query Preview($id: ID!, $ticket: ID!) {
  responseTemplatePreview(id: $id, ticket: $ticket) { subject body }
}
"""


def staff(*permissions: str, channels=None) -> Api:
    user = StaffFactory()
    grant(user, *permissions, channels=channels)
    return Api(access_token_for(user))


def test_support_agents_read_the_customer_of_a_ticket_but_not_the_summary(
    ticket, customer
):
    # given staff with MANAGE_ORDERS only (Saleor shows them the order's customer)
    api = staff("MANAGE_ORDERS")

    # when they open the ticket
    data = api(TICKET, {"id": gid("Ticket", ticket.pk)})["ticket"]

    # then they see whom to answer, not the customer's order figures
    assert data == {
        "customerEmail": "kunde@example.de",
        "customerName": "Anna Schmidt",
        "customer": {
            "email": "kunde@example.de",
            "firstName": "Anna",
            "lastName": "Schmidt",
        },
        "ccEmails": [],
        "customerSummary": None,
    }


@pytest.mark.parametrize(
    "caller",
    ["manage_plugins", "manage_users", "manage_orders_of_another_channel"],
)
def test_staff_who_may_not_open_the_ticket_read_nothing_of_its_customer(
    ticket, other_channel, caller
):
    # given staff with settings or customer permissions, or MANAGE_ORDERS restricted
    # to another channel
    api = {
        "manage_plugins": lambda: staff("MANAGE_PLUGINS"),
        "manage_users": lambda: staff("MANAGE_USERS"),
        "manage_orders_of_another_channel": lambda: staff(
            "MANAGE_ORDERS", "MANAGE_USERS", "MANAGE_PLUGINS", channels=[other_channel]
        ),
    }[caller]()
    template = ResponseTemplate.objects.create(
        name="Hallo", body="Hallo {{ customer.name }}, {{ customer.email }}"
    )

    # when they open the ticket, or preview a reply on it
    body = api.post(TICKET, {"id": gid("Ticket", ticket.pk)}).json()
    preview = api.post(
        RESPONSE_TEMPLATE_PREVIEW,
        {
            "id": gid("ResponseTemplate", template.pk),
            "ticket": gid("Ticket", ticket.pk),
        },
    ).json()

    # then the ticket is null and the preview refused: no name, no e-mail
    assert body == {"data": {"ticket": None}}
    assert preview["data"] == {"responseTemplatePreview": None}
    assert "kunde@example.de" not in str(preview)
    assert "Anna" not in str(preview)
