"""Who may call each automation operation. Rules, tags and macros are configuration:
read with MANAGE_ORDERS or MANAGE_PLUGINS, changed with MANAGE_PLUGINS. Working a ticket
with them (its tags, a macro's preview and application, tag statistics) needs
MANAGE_ORDERS. A refusal carries its code and writes nothing."""

import pytest
from graphene.relay import Node

from tests.graphql.automation import operations as op
from tests.graphql.automation.conftest import everything
from tests.graphql.config.conftest import NOT_MANAGERS, NOT_READERS, READ_DENIED

WORK_DENIED = "You need the MANAGE_ORDERS permission to work tickets."
NOT_WORKERS = ["anonymous", "customer", "staff_without_permission"]


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


CONFIG_QUERIES = {
    "automationRules": (op.AUTOMATION_RULES, lambda r: {}),
    "automationRuleDryRun": (
        op.AUTOMATION_RULE_DRY_RUN,
        lambda r: {
            "input": {
                "conditions": [
                    {"field": "KIND", "operator": "IN", "values": ["question"]}
                ]
            }
        },
    ),
    "helpdeskTags": (op.HELPDESK_TAGS, lambda r: {}),
    "helpdeskMacros": (op.HELPDESK_MACROS, lambda r: {}),
}
WORK_QUERIES = {
    "helpdeskTagStatistics": (op.HELPDESK_TAG_STATISTICS, lambda r: {}),
    "helpdeskMacroPreview": (
        op.HELPDESK_MACRO_PREVIEW,
        lambda r: {
            "ticket": gid("Ticket", r["ticket"].pk),
            "macro": gid("HelpdeskMacro", r["macro"].pk),
        },
    ),
}
CONFIG_MUTATIONS = {
    "automationRuleCreate": (
        op.AUTOMATION_RULE_CREATE,
        lambda r: {
            "input": {
                "name": "New",
                "trigger": "TICKET_CREATED",
                "actions": [{"type": "SET_PRIORITY", "values": ["high"]}],
            }
        },
    ),
    "automationRuleUpdate": (
        op.AUTOMATION_RULE_UPDATE,
        lambda r: {
            "id": gid("AutomationRule", r["rule"].pk),
            "input": {"isActive": False},
        },
    ),
    "automationRuleDelete": (
        op.AUTOMATION_RULE_DELETE,
        lambda r: {"id": gid("AutomationRule", r["rule"].pk)},
    ),
    "helpdeskTagCreate": (op.HELPDESK_TAG_CREATE, lambda r: {"input": {"name": "B2B"}}),
    "helpdeskTagUpdate": (
        op.HELPDESK_TAG_UPDATE,
        lambda r: {"id": gid("HelpdeskTag", r["tag"].pk), "input": {"name": "V.I.P."}},
    ),
    "helpdeskTagDelete": (
        op.HELPDESK_TAG_DELETE,
        lambda r: {"id": gid("HelpdeskTag", r["tag"].pk)},
    ),
    "helpdeskMacroCreate": (
        op.HELPDESK_MACRO_CREATE,
        lambda r: {"input": {"name": "Close", "status": "closed"}},
    ),
    "helpdeskMacroUpdate": (
        op.HELPDESK_MACRO_UPDATE,
        lambda r: {
            "id": gid("HelpdeskMacro", r["macro"].pk),
            "input": {"internal": True},
        },
    ),
    "helpdeskMacroDelete": (
        op.HELPDESK_MACRO_DELETE,
        lambda r: {"id": gid("HelpdeskMacro", r["macro"].pk)},
    ),
}
WORK_MUTATIONS = {
    "ticketTagsUpdate": (
        op.TICKET_TAGS_UPDATE,
        lambda r: {"id": gid("Ticket", r["ticket"].pk), "add": ["vip"]},
    ),
    "helpdeskMacroApply": (
        op.HELPDESK_MACRO_APPLY,
        lambda r: {
            "ticket": gid("Ticket", r["ticket"].pk),
            "macro": gid("HelpdeskMacro", r["macro"].pk),
        },
    ),
}


def query_error(api, query, variables, name):
    body = api.post(query, variables).json()
    assert body["data"] == {name: None}
    [error] = body["errors"]
    return error["message"], error["extensions"]["code"]


def mutation_errors(api, query, variables, name):
    before = everything()
    body = api.post(query, variables).json()
    assert "errors" not in body, body
    assert everything() == before, "a refused mutation wrote something"
    return body["data"][name]["errors"]


@pytest.mark.parametrize("caller", NOT_READERS)
@pytest.mark.parametrize("name", CONFIG_QUERIES)
def test_config_queries_need_a_reader(api_for, rows, caller, name):
    query, variables = CONFIG_QUERIES[name]
    assert query_error(api_for(caller), query, variables(rows), name) == (
        READ_DENIED,
        "PERMISSION_DENIED",
    )


@pytest.mark.parametrize(
    "caller", ["staff_with_manage_orders", "staff_with_manage_plugins"]
)
@pytest.mark.parametrize("name", CONFIG_QUERIES)
def test_config_queries_answer_readers(api_for, rows, caller, name):
    query, variables = CONFIG_QUERIES[name]
    body = api_for(caller).post(query, variables(rows)).json()
    assert "errors" not in body, body
    assert body["data"][name] is not None


@pytest.mark.parametrize("caller", [*NOT_WORKERS, "staff_with_manage_plugins"])
@pytest.mark.parametrize("name", WORK_QUERIES)
def test_work_queries_need_manage_orders(api_for, rows, caller, name):
    query, variables = WORK_QUERIES[name]
    assert query_error(api_for(caller), query, variables(rows), name) == (
        WORK_DENIED,
        "PERMISSION_DENIED",
    )


@pytest.mark.parametrize("name", WORK_QUERIES)
def test_work_queries_answer_staff_with_manage_orders(api_for, rows, name):
    query, variables = WORK_QUERIES[name]
    body = api_for("staff_with_manage_orders").post(query, variables(rows)).json()
    assert "errors" not in body, body
    assert body["data"][name] is not None


@pytest.mark.parametrize("caller", NOT_MANAGERS)
@pytest.mark.parametrize("name", CONFIG_MUTATIONS)
def test_config_mutations_need_manage_plugins(api_for, rows, caller, name):
    query, variables = CONFIG_MUTATIONS[name]
    [error] = mutation_errors(api_for(caller), query, variables(rows), name)
    assert error["code"] == "PERMISSION_DENIED"
    assert "MANAGE_PLUGINS" in error["message"]


@pytest.mark.parametrize("name", CONFIG_MUTATIONS)
def test_config_mutations_work_with_manage_plugins(api_for, rows, name):
    query, variables = CONFIG_MUTATIONS[name]
    body = api_for("staff_with_manage_plugins").post(query, variables(rows)).json()
    assert "errors" not in body, body
    assert body["data"][name]["errors"] == []


@pytest.mark.parametrize("caller", [*NOT_WORKERS, "staff_with_manage_plugins"])
@pytest.mark.parametrize("name", WORK_MUTATIONS)
def test_work_mutations_need_manage_orders(api_for, rows, caller, name):
    query, variables = WORK_MUTATIONS[name]
    errors = mutation_errors(api_for(caller), query, variables(rows), name)
    assert errors == [
        {"field": None, "code": "PERMISSION_DENIED", "message": WORK_DENIED}
    ]


@pytest.mark.parametrize("name", WORK_MUTATIONS)
def test_work_mutations_work_with_manage_orders(api_for, rows, name):
    query, variables = WORK_MUTATIONS[name]
    body = api_for("staff_with_manage_orders").post(query, variables(rows)).json()
    assert "errors" not in body, body
    assert body["data"][name]["errors"] == []
