"""Business calendars and SLA policies through the API: who may read and change them,
the issue's scenario, and typed refusals that write nothing."""

import pytest

from saleor_helpdesk.models import BusinessCalendar, SlaPolicy
from tests.graphql.config.conftest import (
    NOT_MANAGERS,
    NOT_READERS,
    READ_DENIED,
    WRITE_DENIED,
    gid,
    priority,
    read_refused,
    succeeded,
)

CALENDAR_FIELDS = (
    "id name timeZone hours { weekday start end } holidayCountry holidaySubdivision "
    "closedDates isDefault channels { slug }"
)
POLICY_FIELDS = (
    "id name position isActive priority { slug } channel { slug } kind "
    "category { slug } firstResponseMinutes nextResponseMinutes resolutionMinutes "
    "atRiskPercent"
)
BUSINESS_CALENDARS = f"{{ businessCalendars {{ {CALENDAR_FIELDS} }} }}"
SLA_POLICIES = f"{{ slaPolicies {{ {POLICY_FIELDS} }} }}"
SLA_HOLIDAY_COUNTRIES = "{ slaHolidayCountries { code subdivisions } }"
ERRORS = "errors { field code message }"
CALENDAR_CREATE = (
    "mutation($input: BusinessCalendarInput!) { businessCalendarCreate(input: $input)"
    f" {{ calendar {{ {CALENDAR_FIELDS} }} {ERRORS} }} }}"
)
CALENDAR_UPDATE = (
    "mutation($id: ID!, $input: BusinessCalendarInput!) { businessCalendarUpdate("
    f"id: $id, input: $input) {{ calendar {{ {CALENDAR_FIELDS} }} {ERRORS} }} }}"
)
CALENDAR_DELETE = (
    "mutation($id: ID!) { businessCalendarDelete(id: $id) "
    f"{{ calendar {{ name }} {ERRORS} }} }}"
)
POLICY_CREATE = (
    "mutation($input: SlaPolicyInput!) { slaPolicyCreate(input: $input)"
    f" {{ policy {{ {POLICY_FIELDS} }} {ERRORS} }} }}"
)
POLICY_UPDATE = (
    "mutation($id: ID!, $input: SlaPolicyInput!) { slaPolicyUpdate(id: $id, "
    f"input: $input) {{ policy {{ {POLICY_FIELDS} }} {ERRORS} }} }}"
)
POLICY_DELETE = f"mutation($id: ID!) {{ slaPolicyDelete(id: $id) {{ policy {{ name }} {ERRORS} }} }}"

BAVARIA = {
    "name": "Bayern",
    "timeZone": "Europe/Berlin",
    "hours": [
        {"weekday": day, "start": "09:00", "end": "17:00"}
        for day in ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
    ],
    "holidayCountry": "DE",
    "holidaySubdivision": "BY",
    "closedDates": ["2026-12-31"],
    "isDefault": True,
}


def sla_rows() -> tuple:
    return (
        list(BusinessCalendar.objects.order_by("pk").values()),
        list(SlaPolicy.objects.order_by("pk").values()),
    )


def sla_refused(api, query: str, variables: dict) -> dict:
    before = sla_rows()
    [payload] = api(query, variables).values()
    assert sla_rows() == before, "a refused mutation changed the SLA configuration"
    [error] = payload["errors"]
    return error


@pytest.fixture
def calendar(db):
    return BusinessCalendar.objects.create(
        name="Berlin", hours=[{"weekday": 0, "start": "08:00", "end": "16:00"}]
    )


@pytest.fixture
def policy(db):
    return SlaPolicy.objects.create(name="Standard", first_response_minutes=240)


# --- access ---------------------------------------------------------------------------

QUERIES = {
    "businessCalendars": BUSINESS_CALENDARS,
    "slaPolicies": SLA_POLICIES,
    "slaHolidayCountries": SLA_HOLIDAY_COUNTRIES,
}


@pytest.mark.parametrize("caller", NOT_READERS)
@pytest.mark.parametrize("operation", list(QUERIES))
def test_reading_needs_manage_orders_or_manage_plugins(
    api_for, caller, operation, calendar, policy
):
    error = read_refused(api_for(caller), QUERIES[operation])

    assert error["message"] == READ_DENIED
    assert error["extensions"]["code"] == "PERMISSION_DENIED"


@pytest.mark.parametrize(
    "caller", ["staff_with_manage_orders", "staff_with_manage_plugins"]
)
def test_settings_readers_read_calendars_and_policies(
    api_for, caller, calendar, policy
):
    api = api_for(caller)

    assert [c["name"] for c in api(BUSINESS_CALENDARS)["businessCalendars"]] == [
        "Berlin"
    ]
    assert [p["name"] for p in api(SLA_POLICIES)["slaPolicies"]] == ["Standard"]
    countries = {
        c["code"]: c for c in api(SLA_HOLIDAY_COUNTRIES)["slaHolidayCountries"]
    }
    assert "BY" in countries["DE"]["subdivisions"]


MUTATIONS = {
    "businessCalendarCreate": (CALENDAR_CREATE, lambda c, p: {"input": BAVARIA}),
    "businessCalendarUpdate": (
        CALENDAR_UPDATE,
        lambda c, p: {"id": gid("BusinessCalendar", c.pk), "input": {"name": "X"}},
    ),
    "businessCalendarDelete": (
        CALENDAR_DELETE,
        lambda c, p: {"id": gid("BusinessCalendar", c.pk)},
    ),
    "slaPolicyCreate": (
        POLICY_CREATE,
        lambda c, p: {"input": {"name": "Fast", "firstResponseMinutes": 60}},
    ),
    "slaPolicyUpdate": (
        POLICY_UPDATE,
        lambda c, p: {"id": gid("SlaPolicy", p.pk), "input": {"name": "X"}},
    ),
    "slaPolicyDelete": (POLICY_DELETE, lambda c, p: {"id": gid("SlaPolicy", p.pk)}),
}


@pytest.mark.parametrize("caller", NOT_MANAGERS)
@pytest.mark.parametrize("operation", list(MUTATIONS))
def test_changing_needs_manage_plugins(api_for, caller, operation, calendar, policy):
    query, variables = MUTATIONS[operation]

    error = sla_refused(api_for(caller), query, variables(calendar, policy))

    assert error == WRITE_DENIED


# --- the scenario ---------------------------------------------------------------


def test_a_merchant_sets_four_business_hours_with_bavarian_holidays_off(
    manager_api, channel
):
    # when the merchant creates the Bavarian calendar for the shop
    created = succeeded(manager_api, CALENDAR_CREATE, {"input": BAVARIA})["calendar"]

    # then it is stored as given, and is the shop's calendar
    assert created["hours"][0] == {
        "weekday": "MONDAY",
        "start": "09:00",
        "end": "17:00",
    }
    assert (created["holidayCountry"], created["holidaySubdivision"]) == ("DE", "BY")
    assert created["closedDates"] == ["2026-12-31"]
    assert BusinessCalendar.objects.get(is_default=True).name == "Bayern"

    # when they add "first answer within 4 business hours"
    policy = succeeded(
        manager_api,
        POLICY_CREATE,
        {
            "input": {
                "name": "Erste Antwort in 4 Stunden",
                "firstResponseMinutes": 240,
                "atRiskPercent": 75,
            }
        },
    )["policy"]

    # then it matches every ticket
    assert policy["priority"] is None and policy["kind"] is None
    assert (policy["firstResponseMinutes"], policy["atRiskPercent"]) == (240, 75)

    # and a channel can keep another calendar
    other = succeeded(
        manager_api,
        CALENDAR_CREATE,
        {
            "input": {
                "name": "Wien",
                "timeZone": "Europe/Vienna",
                "hours": [{"weekday": "MONDAY", "start": "08:00", "end": "12:00"}],
                "channels": [gid("Channel", channel.pk)],
            }
        },
    )["calendar"]
    assert other["channels"] == [{"slug": channel.slug}]
    assert other["isDefault"] is False


def test_a_policy_narrows_by_priority_and_kind(manager_api, policy):
    urgent = priority("urgent")

    payload = succeeded(
        manager_api,
        POLICY_UPDATE,
        {
            "id": gid("SlaPolicy", policy.pk),
            "input": {
                "priority": gid("TicketPriority", urgent.pk),
                "kind": "COMPLAINT",
                "resolutionMinutes": 480,
            },
        },
    )

    assert payload["policy"]["priority"] == {"slug": "urgent"}
    assert payload["policy"]["kind"] == "COMPLAINT"
    assert payload["policy"]["resolutionMinutes"] == 480


def test_a_new_default_calendar_takes_over(manager_api, calendar):
    calendar.is_default = True
    calendar.save()

    succeeded(manager_api, CALENDAR_CREATE, {"input": BAVARIA})

    assert list(
        BusinessCalendar.objects.filter(is_default=True).values_list("name", flat=True)
    ) == ["Bayern"]


def test_deleting(manager_api, calendar, policy):
    succeeded(
        manager_api, CALENDAR_DELETE, {"id": gid("BusinessCalendar", calendar.pk)}
    )
    succeeded(manager_api, POLICY_DELETE, {"id": gid("SlaPolicy", policy.pk)})

    assert sla_rows() == ([], [])


# --- bad input ------------------------------------------------------------------------

BAD_CALENDARS = {
    "unknown time zone": (
        {"timeZone": "Europe/Atlantis"},
        {
            "field": "timeZone",
            "code": "INVALID",
            "message": "Unknown time zone 'Europe/Atlantis'.",
        },
    ),
    "closing before opening": (
        {"hours": [{"weekday": "MONDAY", "start": "17:00", "end": "09:00"}]},
        {
            "field": "hours",
            "code": "INVALID",
            "message": "Opening hours must end after they start (17:00 to 09:00).",
        },
    ),
    "no time of day": (
        {"hours": [{"weekday": "MONDAY", "start": "9 Uhr", "end": "17:00"}]},
        {
            "field": "hours",
            "code": "INVALID",
            "message": "'9 Uhr' is not a time of day like 09:00.",
        },
    ),
    "no hours at all": (
        {"hours": []},
        {
            "field": "hours",
            "code": "REQUIRED",
            "message": "Give the calendar opening hours on at least one weekday.",
        },
    ),
    "unknown country": (
        {"holidayCountry": "XX"},
        {
            "field": "holidayCountry",
            "code": "INVALID",
            "message": "Unknown country 'XX'.",
        },
    ),
    "unknown region": (
        {"holidaySubdivision": "ZZ"},
        {
            "field": "holidaySubdivision",
            "code": "INVALID",
            "message": "'ZZ' is not a subdivision of DE.",
        },
    ),
}


@pytest.mark.parametrize("case", list(BAD_CALENDARS))
def test_bad_calendars_are_refused(manager_api, case, calendar):
    change, expected = BAD_CALENDARS[case]

    error = sla_refused(manager_api, CALENDAR_CREATE, {"input": {**BAVARIA, **change}})

    assert error == expected


def test_a_calendar_name_is_unique(manager_api, calendar):
    error = sla_refused(
        manager_api, CALENDAR_CREATE, {"input": {**BAVARIA, "name": "Berlin"}}
    )

    assert error == {
        "field": "name",
        "code": "UNIQUE",
        "message": "A calendar with this name exists.",
    }


BAD_POLICIES = {
    "no target": (
        {"name": "Leer"},
        {
            "field": "firstResponseMinutes",
            "code": "REQUIRED",
            "message": "Give the policy at least one target (first response, next "
            "response or resolution).",
        },
    ),
    "zero minutes": (
        {"name": "Null", "firstResponseMinutes": 0},
        {
            "field": "firstResponseMinutes",
            "code": "INVALID",
            "message": "Give the target in whole minutes, at least 1.",
        },
    ),
    "at risk beyond 100 percent": (
        {"name": "Viel", "firstResponseMinutes": 60, "atRiskPercent": 120},
        {
            "field": "atRiskPercent",
            "code": "INVALID",
            "message": "The at-risk share is a percentage from 1 to 100.",
        },
    ),
}


@pytest.mark.parametrize("case", list(BAD_POLICIES))
def test_bad_policies_are_refused(manager_api, case):
    given, expected = BAD_POLICIES[case]

    error = sla_refused(manager_api, POLICY_CREATE, {"input": given})

    assert error == expected
