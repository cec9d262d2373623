"""The load run in small: a few clients for a few seconds over real HTTP against
gunicorn with uvicorn workers serving this test database; its checks pass, and they
fail on a status change without its event, a doubled ticket and a lost one, each put
there on purpose."""

import pytest
from django.apps import apps

from saleor_helpdesk.models import Ticket, TicketStatus
from tests.factories import UserFactory

if apps.is_installed("saleor.order"):
    pytest.skip(
        "the load run serves the stand-in host (its ASGI app, its users and tokens)",
        allow_module_level=True,
    )

from tests.host.load.runner import report, run_load


# The server's workers read what this test writes: committed data. The database is the
# xdist worker's own test database, so parallel workers do not meet. One run for both
# halves: starting the server and running the clients is most of the time.
@pytest.mark.django_db(transaction=True)
def test_a_short_run_passes_its_checks_and_they_catch_bad_writes(channel):
    # given
    for index in range(2):
        UserFactory(email=f"load-customer-{index}@example.com")
    lines: list[str] = []

    # when
    result = run_load(
        clients=4, seconds=3, workers=2, say=lines.append, every=1, baseline=1
    )

    # then: every check passed
    printed = report(result)
    assert result.ok, "\n".join(printed)
    assert lines[0].startswith("server: gunicorn, 2 uvicorn workers (ASGI)")
    assert lines[1].startswith("warmed up; load average before: ")
    assert any(" req/s, 0 errors" in line for line in lines[2:])
    # Each customer client opens a ticket first.
    assert len(result.journal.tickets) >= 2
    assert result.findings.counts["tickets lost"] == 0
    assert result.findings.counts["replies doubled"] == 0
    assert result.findings.counts["duplicate ticket numbers"] == 0
    assert printed[0].split() == [
        "operation",
        "count",
        "errors",
        "refused",
        "p50",
        "p95",
        "p50",
        "at",
        "2",
        "ratio",
    ]
    assert any(line.startswith("baseline: 2 clients for 1 s") for line in lines)
    assert any(line.startswith("throughput: ") for line in printed)
    assert printed[-1] == "result: ok"

    # when: an acknowledged ticket's status changed behind the timeline's back
    ticket_pk, _number = next(iter(result.journal.tickets.values()))
    ticket = Ticket.objects.get(pk=ticket_pk)
    other = TicketStatus.objects.exclude(pk=ticket.status_id).first()
    Ticket.objects.filter(pk=ticket_pk).update(status=other)
    silent = result.recheck()
    # when: the ticket written twice (another number, the same marker)
    # (every column loaded: the default manager leaves the search vectors out)
    copy = Ticket._base_manager.get(pk=ticket_pk)
    copy.pk = None
    copy.number += 10**9
    copy.save()
    doubled = result.recheck()
    # when: then not at all
    Ticket.objects.filter(pk__in=[ticket_pk, copy.pk]).delete()
    lost = result.recheck()

    # then: each is found
    assert any(
        "status events do not lead to their status" in failure
        for failure in silent.failures
    )
    assert doubled.counts["tickets doubled"] == 1
    assert any("tickets doubled" in failure for failure in doubled.failures)
    assert lost.counts["tickets lost"] == 1
    assert any("tickets lost" in failure for failure in lost.failures)
