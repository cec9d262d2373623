"""Who may call each configuration operation: every query needs MANAGE_ORDERS or
MANAGE_PLUGINS, every mutation MANAGE_PLUGINS (customerResponsibleSet, which names a
customer, MANAGE_USERS too: test_team). A refusal carries its code and writes nothing.
(The success paths are in the tests of each topic.)"""

import pytest

from saleor_helpdesk.models import (
    Category,
    Contact,
    Priority,
    ResponseTemplate,
    StatusTransition,
    SupportAgent,
)
from tests.factories import StaffFactory, grant, make_ticket
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import (
    NOT_MANAGERS,
    NOT_READERS,
    READ_DENIED,
    WRITE_DENIED,
    gid,
    snapshot,
    status,
)


@pytest.fixture
def rows(db, customer, channel, staff_user):
    """One row of every kind an operation names."""
    ticket = make_ticket(customer_email=customer.email, channel_id=channel.pk)
    new_agent = StaffFactory(email="new-agent@shop.example")
    grant(new_agent, "MANAGE_ORDERS")
    return {
        "status": status("answered"),
        "transition": StatusTransition.objects.get(
            source__slug="answered", target__slug="closed"
        ),
        "priority": Priority.objects.create(slug="later", name="Later"),
        "category": Category.objects.create(kind="question", slug="misc", name="Misc"),
        "contact": Contact.objects.create(slug="press", name="Press"),
        "template": ResponseTemplate.objects.create(name="Thanks", body="Danke."),
        "agent": SupportAgent.objects.get(user=staff_user),
        "staff": new_agent,
        "customer": customer,
        "ticket": ticket,
        "channel": channel,
    }


QUERIES = {
    "ticketStatuses": (op.TICKET_STATUSES, lambda r: {}),
    "ticketPriorities": (op.TICKET_PRIORITIES, lambda r: {}),
    "ticketCategories": (op.TICKET_CATEGORIES, lambda r: {"kind": "QUESTION"}),
    "ticketContacts": (op.TICKET_CONTACTS, lambda r: {}),
    "responseTemplates": (op.RESPONSE_TEMPLATES, lambda r: {"languageCode": "en"}),
    "responseTemplatePlaceholders": (op.RESPONSE_TEMPLATE_PLACEHOLDERS, lambda r: {}),
    "responseTemplatePreview": (
        op.RESPONSE_TEMPLATE_PREVIEW,
        lambda r: {
            "id": gid("ResponseTemplate", r["template"].pk),
            "ticket": gid("Ticket", r["ticket"].pk),
        },
    ),
    "supportAgents": (op.SUPPORT_AGENTS, lambda r: {}),
    "helpdeskChannelSettings": (
        op.HELPDESK_CHANNEL_SETTINGS,
        lambda r: {"channel": r["channel"].slug},
    ),
}

MUTATIONS = {
    "ticketStatusCreate": (
        op.TICKET_STATUS_CREATE,
        lambda r: {"input": {"slug": "on_hold", "name": "On hold", "group": "WAITING"}},
    ),
    "ticketStatusDefinitionUpdate": (
        op.TICKET_STATUS_UPDATE,
        lambda r: {"id": gid("TicketStatus", r["status"].pk), "input": {"name": "X"}},
    ),
    "ticketStatusDelete": (
        op.TICKET_STATUS_DELETE,
        lambda r: {"id": gid("TicketStatus", r["status"].pk)},
    ),
    "ticketTransitionCreate": (
        op.TICKET_TRANSITION_CREATE,
        lambda r: {
            "input": {
                "source": gid("TicketStatus", status("closed").pk),
                "target": gid("TicketStatus", status("answered").pk),
            }
        },
    ),
    "ticketTransitionDelete": (
        op.TICKET_TRANSITION_DELETE,
        lambda r: {"id": gid("TicketStatusTransition", r["transition"].pk)},
    ),
    "ticketPriorityCreate": (
        op.TICKET_PRIORITY_CREATE,
        lambda r: {"input": {"slug": "asap", "name": "ASAP"}},
    ),
    "ticketPriorityUpdate": (
        op.TICKET_PRIORITY_UPDATE,
        lambda r: {
            "id": gid("TicketPriority", r["priority"].pk),
            "input": {"name": "X"},
        },
    ),
    "ticketPriorityDelete": (
        op.TICKET_PRIORITY_DELETE,
        lambda r: {"id": gid("TicketPriority", r["priority"].pk)},
    ),
    "ticketCategoryCreate": (
        op.TICKET_CATEGORY_CREATE,
        lambda r: {"input": {"kind": "OTHER", "slug": "praise", "name": "Praise"}},
    ),
    "ticketCategoryUpdate": (
        op.TICKET_CATEGORY_UPDATE,
        lambda r: {
            "id": gid("TicketCategory", r["category"].pk),
            "input": {"name": "X"},
        },
    ),
    "ticketCategoryDelete": (
        op.TICKET_CATEGORY_DELETE,
        lambda r: {"id": gid("TicketCategory", r["category"].pk)},
    ),
    "ticketContactCreate": (
        op.TICKET_CONTACT_CREATE,
        lambda r: {"input": {"slug": "billing", "name": "Billing"}},
    ),
    "ticketContactUpdate": (
        op.TICKET_CONTACT_UPDATE,
        lambda r: {"id": gid("TicketContact", r["contact"].pk), "input": {"name": "X"}},
    ),
    "ticketContactDelete": (
        op.TICKET_CONTACT_DELETE,
        lambda r: {"id": gid("TicketContact", r["contact"].pk)},
    ),
    "responseTemplateCreate": (
        op.RESPONSE_TEMPLATE_CREATE,
        lambda r: {"input": {"name": "Hello", "body": "Hallo"}},
    ),
    "responseTemplateUpdate": (
        op.RESPONSE_TEMPLATE_UPDATE,
        lambda r: {
            "id": gid("ResponseTemplate", r["template"].pk),
            "input": {"body": "X"},
        },
    ),
    "responseTemplateDelete": (
        op.RESPONSE_TEMPLATE_DELETE,
        lambda r: {"id": gid("ResponseTemplate", r["template"].pk)},
    ),
    "supportAgentAdd": (
        op.SUPPORT_AGENT_ADD,
        lambda r: {"user": gid("User", r["staff"].pk)},
    ),
    "supportAgentUpdate": (
        op.SUPPORT_AGENT_UPDATE,
        lambda r: {
            "id": gid("SupportAgent", r["agent"].pk),
            "input": {"isActive": False},
        },
    ),
    "supportAgentRemove": (
        op.SUPPORT_AGENT_REMOVE,
        lambda r: {"id": gid("SupportAgent", r["agent"].pk)},
    ),
    "helpdeskChannelSettingsUpdate": (
        op.HELPDESK_CHANNEL_SETTINGS_UPDATE,
        lambda r: {"channel": r["channel"].slug, "input": {"customerMayClose": False}},
    ),
}


@pytest.mark.parametrize("caller", NOT_READERS)
@pytest.mark.parametrize("name", QUERIES)
def test_callers_without_permission_cannot_read_the_settings(
    api_for, rows, caller, name
):
    # given a caller with neither MANAGE_ORDERS nor MANAGE_PLUGINS
    query, variables = QUERIES[name]
    api = api_for(caller)

    # when they query the configuration
    response = api.post(query, variables(rows))

    # then the field is null with a typed permission error
    body = response.json()
    assert body["data"] == {name: None}
    [error] = body["errors"]
    assert error["message"] == READ_DENIED
    assert error["extensions"] == {"code": "PERMISSION_DENIED"}
    assert error["path"] == [name]


@pytest.mark.parametrize(
    "caller", ["staff_with_manage_orders", "staff_with_manage_plugins"]
)
@pytest.mark.parametrize("name", [n for n in QUERIES if n != "responseTemplatePreview"])
def test_staff_with_either_permission_read_the_settings(api_for, rows, caller, name):
    # given staff with MANAGE_ORDERS (who work tickets) or MANAGE_PLUGINS (who edit)
    query, variables = QUERIES[name]

    # when they query the configuration
    data = api_for(caller)(query, variables(rows))

    # then they get it
    assert data[name]


@pytest.mark.parametrize("caller", NOT_MANAGERS)
@pytest.mark.parametrize("name", MUTATIONS)
def test_only_managers_change_the_settings(api_for, rows, caller, name):
    # given a caller without MANAGE_PLUGINS (staff who work tickets included)
    query, variables = MUTATIONS[name]
    api = api_for(caller)
    before = snapshot()

    # when they try to change the configuration
    data = api(query, variables(rows))[name]

    # then the mutation is refused with a typed error and nothing changed
    assert data["errors"] == [WRITE_DENIED]
    assert snapshot() == before


@pytest.mark.parametrize("name", MUTATIONS)
def test_managers_change_the_settings(api_for, rows, name):
    # given a staff user with MANAGE_PLUGINS
    query, variables = MUTATIONS[name]
    before = snapshot()

    # when they make each change
    data = api_for("staff_with_manage_plugins")(query, variables(rows))[name]

    # then it succeeds and writes
    assert data["errors"] == []
    assert snapshot() != before


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_see_whom_the_team_could_add(api_for, rows, caller):
    # given a caller without MANAGE_PLUGINS (staff who work tickets included: they
    # see the team, not every staff account)
    api = api_for(caller)

    # when they ask for the staff users outside the team
    body = api.post(op.SUPPORT_AGENT_CANDIDATES, {}).json()

    # then the field is null with a typed permission error
    assert body["data"] == {"supportAgentCandidates": None}
    [error] = body["errors"]
    assert error["message"] == (
        "You need the MANAGE_PLUGINS permission to see which staff users the support "
        "team could add."
    )
    assert error["extensions"] == {"code": "PERMISSION_DENIED"}
