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
    for name, target in TARGETS.items():
        row = next(line for line in lines if line.startswith(name + " "))
        assert f"≤ {target} ms: " in row
        assert row.endswith(": met") or " missed by " in row
    # The status change went back and forth: an even number of changes.
    assert dict(Ticket.objects.values_list("pk", "status_id")) == statuses
