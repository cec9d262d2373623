"""Macros: the done-when "replacement sent" macro, previewed then applied."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import Comment, Macro, SupportAgent, TicketEvent
from tests.factories import access_token_for, grant
from tests.graphql.automation import operations as op
from tests.graphql.automation.conftest import everything
from tests.graphql.conftest import Api

pytestmark = pytest.mark.django_db


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture
def staff_api(staff_user):
    grant(staff_user, "MANAGE_ORDERS")
    return Api(access_token_for(staff_user))


def test_create_the_replacement_sent_macro(manager_api, rows, senior):
    data = manager_api(
        op.HELPDESK_MACRO_CREATE,
        {
            "input": {
                "name": "Ersatz versendet",
                "template": gid("ResponseTemplate", rows["template"].pk),
                "status": "answered",
                "addTags": ["vip"],
                "assignee": gid("User", senior.pk),
            }
        },
    )["helpdeskMacroCreate"]
    assert data["errors"] == []
    macro = data["macro"]
    assert macro["status"] == {"slug": "answered"}
    assert [t["slug"] for t in macro["addTags"]] == ["vip"]
    assert macro["assignee"] == {"email": senior.email}


def test_macro_with_unknown_status_is_refused(manager_api):
    before = everything()
    data = manager_api(
        op.HELPDESK_MACRO_CREATE, {"input": {"name": "X", "status": "gone"}}
    )["helpdeskMacroCreate"]
    assert data["errors"] == [
        {"field": "status", "code": "NOT_FOUND", "message": "Status not found."}
    ]
    assert everything() == before


def test_preview_writes_nothing_and_apply_posts_exactly_that(
    staff_api, rows, staff_user, customer
):
    macro = rows["macro"]
    macro.assign_to_me = True
    macro.status_id = None
    macro.save()
    ticket = rows["ticket"]
    ids = {"ticket": gid("Ticket", ticket.pk), "macro": gid("HelpdeskMacro", macro.pk)}
    before = everything()
    preview = staff_api(op.HELPDESK_MACRO_PREVIEW, ids)["helpdeskMacroPreview"]
    assert everything() == before
    assert preview["subject"] == f"Ihr Ersatz zu #{ticket.number}"
    assert preview["body"] == (
        f"<p>Hallo {customer.first_name}, der Ersatz ist unterwegs.</p>"
    )

    applied = staff_api(op.HELPDESK_MACRO_APPLY, ids)["helpdeskMacroApply"]
    assert applied["errors"] == []
    assert applied["ticket"]["tags"] == [{"slug": "vip"}]
    assert applied["ticket"]["assignee"] == {"email": staff_user.email}
    reply = Comment.objects.filter(ticket=ticket).order_by("pk").last()
    assert reply.body == preview["body"]
    assert reply.visibility == "public"
    [event] = TicketEvent.objects.filter(
        ticket=ticket, type=TicketEventType.MACRO_APPLIED
    )
    assert event.parameters == {"macro_id": macro.pk, "macro": macro.name}


def test_a_refused_step_changes_nothing(staff_api, rows, senior):
    # given a macro that replies, tags, and assigns to an agent who left the team
    macro = Macro.objects.create(
        name="Hand over", body="<p>Wir melden uns.</p>", assignee=senior
    )
    macro.add_tags.add(rows["tag"])
    SupportAgent.objects.filter(user=senior).update(is_active=False)
    before = everything()
    # when it is applied
    data = staff_api(
        op.HELPDESK_MACRO_APPLY,
        {
            "ticket": gid("Ticket", rows["ticket"].pk),
            "macro": gid("HelpdeskMacro", macro.pk),
        },
    )["helpdeskMacroApply"]
    # then the assignment is refused and neither the reply nor the tag was kept
    assert [e["code"] for e in data["errors"]] == ["NOT_A_SUPPORT_AGENT"]
    assert everything() == before
