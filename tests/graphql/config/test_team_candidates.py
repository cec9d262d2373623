"""supportAgentCandidates: the staff users the team screen offers to add (active staff
with MANAGE_ORDERS, in any channel, outside the team), searched by name and e-mail, in pages of at most 100. Who may call
it is in test_permissions (MANAGE_PLUGINS, who may add them; nobody else)."""

import pytest
from django.core.exceptions import ValidationError

from saleor_helpdesk.actions.config import support_agent_candidates
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import SupportAgent
from tests.factories import StaffFactory, UserFactory, grant
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, succeeded


@pytest.fixture
def people(db, staff_user, manager, other_channel):
    """Active staff with MANAGE_ORDERS outside the team (one of them in one channel
    only), and everyone else who must not be offered: staff without MANAGE_ORDERS (the
    manager), the team's agents (a paused one too), former staff, customers. Several
    are called Nina so a search has something to leave out."""
    newcomer = StaffFactory(
        email="nina.neumann@shop.example", first_name="Nina", last_name="Neumann"
    )
    grant(newcomer, "MANAGE_ORDERS")
    packer = StaffFactory(
        email="lager@shop.example", first_name="Bernd", last_name="Weber"
    )
    grant(packer, "MANAGE_ORDERS", channels=[other_channel])
    StaffFactory(email="nina.kasse@shop.example", first_name="Nina")
    paused = StaffFactory(email="nina.pause@shop.example", first_name="Nina")
    SupportAgent.objects.create(user=paused, is_active=False)
    StaffFactory(email="nina.alt@shop.example", first_name="Nina", is_active=False)
    UserFactory(email="nina@example.de", first_name="Nina", last_name="Neumann")
    return {"manager": manager, "newcomer": newcomer, "packer": packer}


def candidate(user) -> dict:
    return {
        "id": gid("User", user.pk),
        "email": user.email,
        "firstName": user.first_name,
        "lastName": user.last_name,
    }


def candidates(api, **variables) -> list[dict]:
    return api(op.SUPPORT_AGENT_CANDIDATES, variables)["supportAgentCandidates"]


def test_active_staff_outside_the_team_come_by_email(manager_api, people):
    # when a settings manager asks whom the team could take
    found = candidates(manager_api)

    # then only active staff who work tickets and are not agents come, by e-mail: no
    # staff without MANAGE_ORDERS (the manager, admin@shop.example), no agent (active
    # or paused), no former staff, no customer
    assert found == [candidate(people["packer"]), candidate(people["newcomer"])]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("nina", ["newcomer"]),  # first name, any case
        ("WEBER", ["packer"]),  # last name
        ("lager@", ["packer"]),  # e-mail
        ("shop.example", ["packer", "newcomer"]),
        ("Nina Neu", ["newcomer"]),  # every word matches a field
        ("nina weber", []),  # … of the same person
        ("Zoe", []),
        ("  ", ["packer", "newcomer"]),  # blank: no filter
    ],
)
def test_a_search_matches_names_and_email_ignoring_case(
    manager_api, people, search, expected
):
    # when a manager searches the staff
    found = candidates(manager_api, search=search)

    # then the matching staff outside the team come
    assert found == [candidate(people[name]) for name in expected]


def test_first_caps_the_list(manager_api, people):
    assert candidates(manager_api, first=1) == [candidate(people["packer"])]
    assert candidates(manager_api, first=0) == []


def test_twenty_come_unless_the_caller_asks_for_more(manager_api):
    # given 25 staff who work tickets outside the team
    for index in range(25):
        grant(
            StaffFactory(email=f"mitarbeiter{index:02}@shop.example"), "MANAGE_ORDERS"
        )

    # then a page is 20 by default (also for an explicit null), up to 100 on request
    assert len(candidates(manager_api)) == 20
    assert len(candidates(manager_api, first=None)) == 20
    assert len(candidates(manager_api, first=100)) == 25


@pytest.mark.parametrize("first", [101, -1])
def test_a_page_size_beyond_100_is_refused_before_the_database(
    manager_api, django_assert_num_queries, routing_queries, first
):
    # when the caller asks for more than a page (or for a negative one)
    with django_assert_num_queries(routing_queries):
        response = manager_api.post(op.SUPPORT_AGENT_CANDIDATES, {"first": first})

    # then the request is refused as every page size beyond the limit is
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "PAGINATION"}
    assert error["message"] == (
        f"`first` must be between 0 and 100 (you asked for {first})."
    )


def test_the_domain_refuses_a_page_size_beyond_100_too(db, manager):
    # the API refuses it before the database; a caller of the domain function gets
    # the same rule as a typed error
    with pytest.raises(ValidationError) as refused:
        support_agent_candidates(
            Actor.staff(manager, {Perm.MANAGE_PLUGINS.value}), first=101
        )

    [detail] = refused.value.error_dict["first"]
    assert detail.code == "invalid"
    assert detail.message == "`first` must be between 0 and 100 (you asked for 101)."


def test_a_candidate_id_is_what_support_agent_add_takes(manager_api, people):
    # given the candidate a manager picked by searching
    [picked] = candidates(manager_api, search="neumann")

    # when the manager adds them to the team with that id
    payload = succeeded(manager_api, op.SUPPORT_AGENT_ADD, {"user": picked["id"]})

    # then they are an agent and no longer offered
    assert payload["agent"]["user"] == {"email": "nina.neumann@shop.example"}
    assert SupportAgent.objects.filter(user=people["newcomer"]).exists()
    assert candidates(manager_api, search="neumann") == []
