"""The support team: supportAgents, supportAgentAdd/Update/Remove and
customerResponsibleSet."""

import pytest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Contact, CustomerResponsible, SupportAgent
from tests.factories import (
    StaffFactory,
    UserFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, refused, snapshot, succeeded
from tests.graphql.conftest import Api


def contact_id(slug: str) -> str:
    return gid("TicketContact", Contact.objects.get(slug=slug).pk)


@pytest.fixture
def customer_manager_api(manager):
    """A settings manager who may also see customer data (MANAGE_USERS)."""
    grant(manager, "MANAGE_USERS")
    return Api(access_token_for(manager))


@pytest.fixture
def newcomer(db):
    """A staff user who works tickets (MANAGE_ORDERS), not in the team yet."""
    user = StaffFactory(email="newcomer@shop.example")
    grant(user, "MANAGE_ORDERS")
    return user


def test_staff_read_the_team(api_for, staff_user, colleague):
    # given two agents, one serving the webmaster queue
    SupportAgent.objects.get(user=staff_user).contacts.add(
        Contact.objects.get(slug="webmaster")
    )

    # when a staff user who works tickets lists the team
    agents = api_for("staff_with_manage_orders")(op.SUPPORT_AGENTS)["supportAgents"]

    # then both come, by e-mail, with their queues
    assert [(a["user"]["email"], a["contacts"]) for a in agents] == [
        ("agent@shop.example", [{"slug": "webmaster"}]),
        ("colleague@shop.example", []),
    ]


def test_a_manager_adds_a_staff_user_to_the_team(manager_api, newcomer):
    # when a manager adds a staff user with two queues and a signature
    payload = succeeded(
        manager_api,
        op.SUPPORT_AGENT_ADD,
        {
            "user": gid("User", newcomer.pk),
            "input": {
                "contacts": [contact_id("webmaster"), contact_id("customer-service")],
                "signature": "<p>Nina</p><script>x()</script>",
            },
        },
    )

    # then they are an active agent serving both queues
    agent = SupportAgent.objects.get(user=newcomer)
    assert agent.is_active is True
    assert agent.signature == "<p>Nina</p>"
    assert set(agent.contacts.values_list("slug", flat=True)) == {
        "webmaster",
        "customer-service",
    }
    assert payload["agent"]["id"] == gid("SupportAgent", agent.pk)
    assert payload["agent"]["contacts"] == [
        {"slug": "customer-service"},
        {"slug": "webmaster"},
    ]


def test_a_staff_user_of_one_channel_joins_the_team(manager_api, other_channel):
    # given a staff user whose MANAGE_ORDERS is restricted to one channel
    user = StaffFactory(email="usa@shop.example")
    grant(user, "MANAGE_ORDERS", channels=[other_channel])

    # when a manager adds them
    payload = succeeded(
        manager_api, op.SUPPORT_AGENT_ADD, {"user": gid("User", user.pk)}
    )

    # then they are an agent (tickets of their channel can be assigned to them)
    assert payload["agent"]["user"] == {"email": "usa@shop.example"}
    assert SupportAgent.objects.filter(user=user, is_active=True).exists()


@pytest.mark.parametrize(
    ("who", "given", "field", "code", "message"),
    [
        (
            "customer",
            {},
            "user",
            "NOT_A_STAFF_USER",
            "Only active staff users can join the support team.",
        ),
        (
            "inactive_staff",
            {},
            "user",
            "NOT_A_STAFF_USER",
            "Only active staff users can join the support team.",
        ),
        (
            "agent",
            {},
            "user",
            "UNIQUE",
            "This user is in the support team already.",
        ),
        ("nobody", {}, "user", "NOT_FOUND", "User not found."),
        (
            "staff_without_manage_orders",
            {},
            "user",
            "MANAGE_ORDERS_REQUIRED",
            "Only staff users with the MANAGE_ORDERS permission can join the support "
            "team (they could not open the tickets assigned to them).",
        ),
        (
            "newcomer",
            {"contacts": ["webmaster", "webmaster"]},
            "contacts",
            "DUPLICATED_INPUT_ITEM",
            "A contact is given more than once.",
        ),
        (
            "newcomer",
            {"contacts": ["missing"]},
            "contacts",
            "NOT_FOUND",
            "Contact not found.",
        ),
    ],
)
def test_an_invalid_addition_is_refused(
    manager_api, customer, staff_user, newcomer, who, given, field, code, message
):
    warehouse = StaffFactory(email="lager@shop.example")
    grant(warehouse, "MANAGE_PRODUCTS")
    # given the user to add, and their queues
    users = {
        "customer": customer.pk,
        "inactive_staff": StaffFactory(is_active=False).pk,
        "agent": staff_user.pk,
        "nobody": 999_999,
        "newcomer": newcomer.pk,
        "staff_without_manage_orders": warehouse.pk,
    }
    if "contacts" in given:
        given = {
            "contacts": [
                contact_id(slug) if slug != "missing" else gid("TicketContact", 999_999)
                for slug in given["contacts"]
            ]
        }

    # when a manager adds them
    error = refused(
        manager_api,
        op.SUPPORT_AGENT_ADD,
        {"user": gid("User", users[who]), "input": given},
    )

    # then it is a typed error and nothing was written
    assert error == {"field": field, "code": code, "message": message}


def test_a_manager_changes_an_agent(manager_api, staff_user):
    # given an agent serving the webmaster queue
    agent = SupportAgent.objects.get(user=staff_user)
    agent.contacts.add(Contact.objects.get(slug="webmaster"))

    # when a manager moves them to customer service and pauses them
    payload = succeeded(
        manager_api,
        op.SUPPORT_AGENT_UPDATE,
        {
            "id": gid("SupportAgent", agent.pk),
            "input": {"contacts": [contact_id("customer-service")], "isActive": False},
        },
    )

    # then only those changed
    agent.refresh_from_db()
    assert agent.is_active is False
    assert list(agent.contacts.values_list("slug", flat=True)) == ["customer-service"]
    assert payload["agent"]["isActive"] is False


def test_changing_an_unknown_agent_is_refused(manager_api):
    error = refused(
        manager_api,
        op.SUPPORT_AGENT_UPDATE,
        {"id": gid("SupportAgent", 999_999), "input": {"isActive": False}},
    )

    assert error == {
        "field": "id",
        "code": "NOT_FOUND",
        "message": "Support agent not found.",
    }


def test_a_manager_removes_an_agent_whose_tickets_stay_assigned(
    manager_api, staff_user, customer, channel
):
    # given a ticket assigned to an agent
    ticket = make_ticket(customer_email=customer.email, channel_id=channel.pk)
    ticket.assignee = staff_user
    ticket.save()
    agent = SupportAgent.objects.get(user=staff_user)

    # when a manager removes the agent from the team
    payload = succeeded(
        manager_api, op.SUPPORT_AGENT_REMOVE, {"id": gid("SupportAgent", agent.pk)}
    )

    # then they are no agent any more, and the ticket keeps its assignee
    assert not SupportAgent.objects.filter(user=staff_user).exists()
    ticket.refresh_from_db()
    assert ticket.assignee == staff_user
    assert payload["agent"] == {
        "id": gid("SupportAgent", agent.pk),
        "user": {"email": "agent@shop.example"},
    }


def test_a_manager_makes_an_agent_responsible_for_a_customer(
    customer_manager_api, customer, staff_user, channel
):
    # when a manager makes an agent responsible for a customer
    payload = succeeded(
        customer_manager_api,
        op.CUSTOMER_RESPONSIBLE_SET,
        {
            "customer": gid("User", customer.pk),
            "responsible": gid("User", staff_user.pk),
        },
    )

    # then it is stored, and the customer's next ticket goes to that agent
    assert CustomerResponsible.objects.get(customer=customer).responsible == staff_user
    assert payload["responsible"] == {"email": "agent@shop.example"}
    ticket = make_ticket(Actor.customer(customer), channel_id=channel.pk)
    assert ticket.assignee == staff_user


def test_a_manager_hands_a_customer_over_and_then_to_nobody(
    customer_manager_api, customer, staff_user, colleague
):
    # given an agent responsible for a customer
    CustomerResponsible.objects.create(customer=customer, responsible=staff_user)
    variables = {"customer": gid("User", customer.pk)}

    # when a manager hands the customer to a colleague, then to nobody
    succeeded(
        customer_manager_api,
        op.CUSTOMER_RESPONSIBLE_SET,
        {**variables, "responsible": gid("User", colleague.pk)},
    )
    handed_over = CustomerResponsible.objects.get(customer=customer).responsible
    payload = succeeded(customer_manager_api, op.CUSTOMER_RESPONSIBLE_SET, variables)

    # then the colleague was responsible, and now nobody is
    assert handed_over == colleague
    assert not CustomerResponsible.objects.exists()
    assert payload == {
        "errors": [],
        "customer": {"email": "kunde@example.de"},
        "responsible": None,
    }


@pytest.mark.parametrize(
    ("customer_pk", "responsible", "field", "code", "message"),
    [
        (
            "customer",
            "outsider",
            "responsible",
            "NOT_A_SUPPORT_AGENT",
            "Only an active member of the support team can be responsible.",
        ),
        (
            "customer",
            "paused_agent",
            "responsible",
            "NOT_A_SUPPORT_AGENT",
            "Only an active member of the support team can be responsible.",
        ),
        ("nobody", "agent", "customer", "NOT_FOUND", "Customer not found."),
    ],
)
def test_an_invalid_responsible_is_refused(
    customer_manager_api,
    customer,
    staff_user,
    customer_pk,
    responsible,
    field,
    code,
    message,
):
    # given a staff user outside the team, a paused agent, or a missing customer
    paused = SupportAgent.objects.create(user=StaffFactory(), is_active=False).user
    users = {
        "customer": customer.pk,
        "nobody": 999_999,
        "agent": staff_user.pk,
        "outsider": UserFactory().pk,
        "paused_agent": paused.pk,
    }

    # when a manager sets the responsible person
    error = refused(
        customer_manager_api,
        op.CUSTOMER_RESPONSIBLE_SET,
        {
            "customer": gid("User", users[customer_pk]),
            "responsible": gid("User", users[responsible]),
        },
    )

    # then it is a typed error and nothing was written
    assert error == {"field": field, "code": code, "message": message}


CUSTOMER_MANAGER_DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_PLUGINS and MANAGE_USERS permissions to choose "
    "who looks after a customer.",
}


@pytest.mark.parametrize(
    "caller",
    [
        "anonymous",
        "customer",
        "staff_without_permission",
        "staff_with_manage_orders",
        "staff_with_manage_plugins",
        "staff_with_manage_users",
    ],
)
@pytest.mark.parametrize("responsible", [True, False])
def test_only_managers_of_settings_and_customers_set_a_responsible(
    api_for, customer, staff_user, caller, responsible
):
    # given an agent responsible for a customer, and a caller lacking MANAGE_PLUGINS
    # or MANAGE_USERS (a settings manager without MANAGE_USERS among them)
    CustomerResponsible.objects.create(customer=customer, responsible=staff_user)
    if caller == "staff_with_manage_users":
        user = StaffFactory(email="hr@shop.example")
        grant(user, "MANAGE_USERS")
        api = Api(access_token_for(user))
    else:
        api = api_for(caller)
    variables = {"customer": gid("User", customer.pk)}
    if responsible:
        variables["responsible"] = gid("User", staff_user.pk)

    # when they set (or, without a responsible, remove) the customer's responsible
    payload = refused_payload(api, variables)

    # then they are refused: no customer's name or e-mail, nothing removed
    assert payload == {
        "errors": [CUSTOMER_MANAGER_DENIED],
        "customer": None,
        "responsible": None,
    }
    assert CustomerResponsible.objects.get(customer=customer).responsible == staff_user


def refused_payload(api: Api, variables: dict) -> dict:
    before = snapshot()
    payload = api(op.CUSTOMER_RESPONSIBLE_SET, variables)["customerResponsibleSet"]
    assert snapshot() == before
    return payload
