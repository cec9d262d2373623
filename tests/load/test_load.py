"""The load run in small: a few clients for a few seconds over real HTTP against
gunicorn with uvicorn workers serving this test database; its checks pass, and they
fail on a doubled write, a lost write and a status change without its event, each put
there on purpose."""

import pytest
from django.apps import apps

from saleor_helpdesk.models import Comment, Ticket, TicketStatus
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
    ops = {sample.op for sample in result.journal.samples}
    assert {"ticketCreate", "ticketCommentAdd (customer)"} <= ops
    assert result.journal.tickets
    assert result.journal.comments
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

    # when: an acknowledged reply written twice, then not at all
    marker = next(iter(result.journal.comments))
    reply = Comment.objects.get(body__contains=marker)
    reply.pk = None
    reply.save()
    doubled = result.recheck()
    Comment.objects.filter(body__contains=marker).delete()
    lost = result.recheck()
    # when: a ticket's status changed behind the timeline's back
    ticket_pk, _number = next(iter(result.journal.tickets.values()))
    ticket = Ticket.objects.get(pk=ticket_pk)
    other = TicketStatus.objects.exclude(pk=ticket.status_id).first()
    Ticket.objects.filter(pk=ticket_pk).update(status=other)
    silent = result.recheck()

    # then: each is found
    assert doubled.counts["replies doubled"] == 1
    assert any("replies doubled" in failure for failure in doubled.failures)
    assert lost.counts["replies lost"] == 1
    assert any(marker in failure for failure in lost.failures)
    assert any(
        "status events do not lead to their status" in failure
        for failure in silent.failures
    )
