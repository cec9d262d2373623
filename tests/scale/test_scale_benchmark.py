"""`helpdesk_scale_benchmark` over scale data: every request answers without errors
and gets its row with p50, p95 and the verdict against its target."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from saleor_helpdesk.models import Ticket
from tests.factories import OrderFactory, StaffFactory, SupportAgentFactory, UserFactory

if apps.is_installed("saleor.order"):
    pytest.skip(
        "the benchmark commands are the stand-in host's (they make their callers with "
        "its models); inside Saleor the scale data itself is tested (test_scale_data)",
        allow_module_level=True,
    )

from tests.host.demo.management.commands.helpdesk_scale_benchmark import (
    SORTS,
    TARGETS,
)


def test_prints_every_request_against_its_target(channel):
    # given
    SupportAgentFactory(user=StaffFactory())
    for index in range(4):
        customer = UserFactory(language_code="de" if index % 2 else "en")
        OrderFactory(user=customer, user_email=customer.email, channel=channel)
    call_command("helpdesk_scale_data", "--tickets", "200", stdout=StringIO())
    statuses = dict(Ticket.objects.values_list("pk", "status_id"))

    # when
    out = StringIO()
    call_command("helpdesk_scale_benchmark", "--repeat", "2", stdout=out)

    # then
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("tickets: 200 ")
    rows = lines[2:]
    # the default view, counts, next page; every sort the Dashboard offers both
    # ways; ten filters; four searches, the customer, the ticket page, two writes
    # and two statistics
    assert len(rows) == 3 + 2 * len(SORTS) + 10 + 10
    for prefix, target in TARGETS.items():
        for row in (row for row in rows if row.startswith(prefix)):
            assert f"≤ {target} ms: " in row
            assert row.endswith(": met") or " missed by " in row
    assert {
        prefix for prefix in TARGETS if any(r.startswith(prefix) for r in rows)
    } == set(TARGETS)
    # The status change went back and forth: an even number of changes.
    assert dict(Ticket.objects.values_list("pk", "status_id")) == statuses
