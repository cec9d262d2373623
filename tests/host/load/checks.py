"""After a load run: the database against what the server acknowledged.

Every acknowledged ticket and reply exists exactly once (by its marker); nothing with
the run's marker exists that was not acknowledged, except writes whose request failed
(reported); ticket numbers are unique; each ticket's status events form one unbroken
chain to its status, and each staff client's status events on a ticket are exactly the
changes acknowledged to it; bulk closes wrote at most one close per acknowledgement.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import Comment, Ticket, TicketEvent

from .traffic import Journal


@dataclass
class Findings:
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures


def check(
    journal: Journal, run: str, statuses: tuple[str, str], staff: set[int]
) -> Findings:
    """`statuses`: the initial and the closed status; `staff`: the staff clients'
    users."""
    findings = Findings()
    _check_tickets(journal, run, findings)
    _check_comments(journal, run, findings)
    _check_numbers(findings)
    _check_status_events(journal, statuses, staff, findings)
    return findings


def _markers(texts: list[str], run: str) -> Counter[str]:
    pattern = re.compile(rf"{re.escape(run)}-\d+-[tr]\d+")
    # A ticket's subject and first message carry the same marker: count texts, not hits.
    return Counter(marker for text in texts for marker in set(pattern.findall(text)))


def _check_written(
    kind: str,
    acknowledged: set[str],
    found: Counter[str],
    journal: Journal,
    findings: Findings,
) -> None:
    lost = sorted(acknowledged - set(found))
    doubled = sorted(marker for marker in acknowledged if found[marker] > 1)
    extra = set(found) - acknowledged
    refused = sorted(extra & journal.refused)
    unacknowledged = sorted(extra - journal.refused - journal.uncertain)
    failed_but_written = sorted(extra & journal.uncertain)
    findings.counts[f"{kind} acknowledged"] = len(acknowledged)
    findings.counts[f"{kind} lost"] = len(lost)
    findings.counts[f"{kind} doubled"] = len(doubled)
    if lost:
        findings.failures.append(f"{len(lost)} {kind} lost: {lost[:5]}")
    if doubled:
        findings.failures.append(f"{len(doubled)} {kind} doubled: {doubled[:5]}")
    if refused:
        findings.failures.append(f"{kind} written though refused: {refused[:5]}")
    if unacknowledged:
        findings.failures.append(
            f"{kind} written but never acknowledged: {unacknowledged[:5]}"
        )
    if failed_but_written:
        findings.notes.append(
            f"{len(failed_but_written)} {kind} written by requests that failed: "
            f"{failed_but_written[:5]}"
        )


def _check_tickets(journal: Journal, run: str, findings: Findings) -> None:
    rows = list(
        Ticket.objects.filter(subject__contains=f"{run}-").values_list(
            "pk", "number", "subject"
        )
    )
    found = _markers([subject for _pk, _number, subject in rows], run)
    _check_written("tickets", set(journal.tickets), found, journal, findings)
    by_marker = {
        marker: (pk, number)
        for pk, number, subject in rows
        for marker in _markers([subject], run)
    }
    wrong = [
        marker
        for marker, acknowledged in journal.tickets.items()
        if marker in by_marker and by_marker[marker] != acknowledged
    ]
    if wrong:
        findings.failures.append(f"tickets with another id or number: {wrong[:5]}")
    # Each ticket of the run: one `created` event; one `comment_added` per comment.
    pks = [pk for pk, _number in journal.tickets.values()]
    created = Counter(
        TicketEvent.objects.filter(
            ticket_id__in=pks, type=TicketEventType.CREATED
        ).values_list("ticket_id", flat=True)
    )
    bad = [pk for pk in pks if created[pk] != 1]
    if bad:
        findings.failures.append(
            f"tickets without exactly one created event: {bad[:5]}"
        )
    comments = Counter(
        Comment.objects.filter(ticket_id__in=pks).values_list("ticket_id", flat=True)
    )
    added = Counter(
        TicketEvent.objects.filter(
            ticket_id__in=pks, type=TicketEventType.COMMENT_ADDED
        ).values_list("ticket_id", flat=True)
    )
    bad = [pk for pk in pks if comments[pk] != added[pk]]
    if bad:
        findings.failures.append(
            f"tickets whose reply events do not match their replies: {bad[:5]}"
        )


def _check_comments(journal: Journal, run: str, findings: Findings) -> None:
    bodies = list(
        Comment.objects.filter(body__contains=f"{run}-").values_list("body", flat=True)
    )
    found = _markers(bodies, run)
    # Each ticket's first message carries the ticket's marker.
    first = [found[marker] for marker in journal.tickets]
    wrong = [m for m, n in zip(journal.tickets, first, strict=True) if n != 1]
    if wrong:
        findings.failures.append(
            f"tickets without exactly one first message: {wrong[:5]}"
        )
    replies = Counter({m: n for m, n in found.items() if _is_reply(m)})
    _check_written("replies", set(journal.comments), replies, journal, findings)


def _is_reply(marker: str) -> bool:
    return marker.rsplit("-", 1)[1].startswith("r")


def _check_numbers(findings: Findings) -> None:
    duplicates = list(
        Ticket.objects.values("number")
        .annotate(tickets=Count("id"))
        .filter(tickets__gt=1)
        .values_list("number", flat=True)[:5]
    )
    findings.counts["duplicate ticket numbers"] = len(duplicates)
    if duplicates:
        findings.failures.append(f"duplicate ticket numbers: {duplicates}")


def _check_status_events(
    journal: Journal, statuses: tuple[str, str], staff: set[int], findings: Findings
) -> None:
    initial_status, closed_status = statuses
    pks = sorted({pk for pk, _number in journal.tickets.values()})
    current = dict(Ticket.objects.filter(pk__in=pks).values_list("pk", "status__slug"))
    chains: dict[int, list[tuple[str, str]]] = {}
    # (user, ticket): the statuses moved to, other than closing; and the closes.
    moves: dict[tuple[int, int], list[str]] = {}
    closes: Counter[tuple[int, int]] = Counter()
    events = TicketEvent.objects.filter(
        ticket_id__in=pks,
        type__in=[TicketEventType.STATUS_CHANGED, TicketEventType.CLOSED],
    ).order_by("ticket_id", "pk")
    for ticket_id, user_id, kind, parameters in events.values_list(
        "ticket_id", "user_id", "type", "parameters"
    ):
        key = (user_id, ticket_id)
        if kind == TicketEventType.CLOSED:
            closes[key] += 1
            continue
        chains.setdefault(ticket_id, []).append((parameters["old"], parameters["new"]))
        if parameters["new"] != closed_status:
            moves.setdefault(key, []).append(parameters["new"])
    findings.counts["status changes acknowledged"] = sum(
        len(targets) for targets in journal.status_changes.values()
    )
    findings.counts["status events"] = sum(len(chain) for chain in chains.values())
    # Each ticket's events, oldest first, lead from the initial status to its status.
    broken = [
        pk
        for pk in pks
        if _end_of_chain(chains.get(pk, []), initial_status) != current.get(pk)
    ]
    if broken:
        findings.failures.append(
            f"tickets whose status events do not lead to their status: {broken[:5]}"
        )
    # A staff client's moves on a ticket are exactly those acknowledged to it.
    mismatched = []
    for key in set(journal.status_changes) | {k for k in moves if k[0] in staff}:
        acknowledged = journal.status_changes.get(key, [])
        written = moves.get(key, [])
        extra = journal.status_uncertain[key]
        if written != acknowledged and not (
            extra and _within(acknowledged, written, extra)
        ):
            mismatched.append((key, acknowledged, written))
    if mismatched:
        findings.failures.append(
            f"status events not matching the acknowledged changes: {mismatched[:3]}"
        )
    # A bulk close writes one close for a ticket that was open, none for one closed
    # already: never more closes than acknowledged.
    over = [
        key
        for key, count in closes.items()
        if key[0] in staff
        and count > journal.bulk_closes[key] + journal.bulk_uncertain[key]
    ]
    findings.counts["bulk closes acknowledged"] = sum(journal.bulk_closes.values())
    findings.counts["close events by bulk updates"] = sum(
        count for key, count in closes.items() if key[0] in staff
    )
    if over:
        findings.failures.append(f"more close events than bulk closes: {over[:5]}")


def _end_of_chain(chain: list[tuple[str, str]], start: str) -> str | None:
    status = start
    for old, new in chain:
        if old != status:
            return None
        status = new
    return status


def _within(acknowledged: list[str], written: list[str], extra: int) -> bool:
    """`written` is `acknowledged` with at most `extra` more (from failed requests)."""
    if len(written) - len(acknowledged) > extra or len(written) < len(acknowledged):
        return False
    rest = iter(written)
    return all(any(new == target for new in rest) for target in acknowledged)
