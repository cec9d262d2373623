"""The retention policy: closed tickets past the shop's period are anonymised (their
personal data erased, the rows kept for statistics) or deleted, and their files can go
earlier.

The policy is part of the channel settings: a channel's own row, else the shop's
defaults (the row without a channel), which also govern tickets without a channel.
Periods count calendar months from when the ticket was closed; a reopened ticket is
not closed and is never touched. `plan()` counts what a run would do (the dry run);
`apply()` does it in batches, each its own transaction, skipping tickets someone is
working on at that moment (locked rows wait for the next run).
"""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..core.actor import Actor
from ..core.constants import ErasureReason, RetentionAction, StatusGroup
from ..host.shop_models import channel_model
from ..models import Attachment, ChannelSettings, Ticket
from ..timeline import events
from ..timeline.side_effects import batched
from .erase import erase_tickets, purge_webhook_deliveries, remove_files

logger = logging.getLogger(__name__)

BATCH_SIZE = 100


@dataclass(frozen=True)
class Policy:
    ticket_months: int | None = None
    action: str = RetentionAction.ANONYMIZE
    attachment_months: int | None = None


@dataclass(frozen=True)
class Scope:
    """The tickets one policy governs."""

    tickets: Q
    policy: Policy
    # For people: the channel's slug, or "shop defaults".
    name: str = "shop defaults"


@dataclass(frozen=True)
class RetentionCounts:
    tickets_to_anonymize: int = 0
    tickets_to_delete: int = 0
    attachments_to_remove: int = 0


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day
    where it is shorter: 31 March minus one month is 28 or 29 February)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def policy_of(row: ChannelSettings | None) -> Policy:
    if row is None:
        return Policy()
    return Policy(
        ticket_months=row.ticket_retention_months,
        action=row.ticket_retention_action,
        attachment_months=row.attachment_retention_months,
    )


def scopes(overrides: dict[int | None, Policy] | None = None) -> list[Scope]:
    """Every policy in force, with the tickets it governs. `overrides` replaces the
    policy of a channel (by id; None: the shop's defaults), for a dry run of a setting
    not saved yet."""
    overrides = overrides or {}
    rows = {row.channel_id: row for row in ChannelSettings.objects.all()}
    policies = {key: policy_of(row) for key, row in rows.items()}
    policies.setdefault(None, Policy())
    policies.update(overrides)
    own = [key for key in policies if key is not None]
    slugs = dict(channel_model().objects.filter(pk__in=own).values_list("pk", "slug"))
    result = [
        Scope(
            tickets=Q(channel_id=channel_id),
            policy=policies[channel_id],
            name=f"channel {slugs.get(channel_id, channel_id)}",
        )
        for channel_id in own
    ]
    result.append(
        Scope(
            tickets=Q(channel__isnull=True) | ~Q(channel_id__in=own),
            policy=policies[None],
        )
    )
    return result


def _closed_before(cutoff: datetime) -> Q:
    return Q(status__group=StatusGroup.CLOSED, closed_at__lt=cutoff)


def expiring_tickets(
    scope: Scope, now: datetime
) -> tuple[str, QuerySet[Ticket]] | None:
    policy = scope.policy
    if policy.ticket_months is None:
        return None
    wanted = scope.tickets & _closed_before(months_before(now, policy.ticket_months))
    tickets = Ticket.objects.filter(wanted)
    if policy.action == RetentionAction.ANONYMIZE:
        tickets = tickets.filter(personal_data_erased_at__isnull=True)
    return policy.action, tickets


def expiring_attachments(scope: Scope, now: datetime) -> QuerySet[Attachment] | None:
    months = scope.policy.attachment_months
    if months is None:
        return None
    closed = _closed_before(months_before(now, months))
    return Attachment.objects.filter(
        removed_at__isnull=True,
        ticket__in=Ticket.objects.filter(scope.tickets & closed),
    )


def plan(
    overrides: dict[int | None, Policy] | None = None, now: datetime | None = None
) -> RetentionCounts:
    """What a run would do now, over the whole shop: the dry run."""
    total = RetentionCounts()
    for _, counts in plan_by_scope(overrides, now):
        total = RetentionCounts(
            tickets_to_anonymize=total.tickets_to_anonymize
            + counts.tickets_to_anonymize,
            tickets_to_delete=total.tickets_to_delete + counts.tickets_to_delete,
            attachments_to_remove=total.attachments_to_remove
            + counts.attachments_to_remove,
        )
    return total


def plan_by_scope(
    overrides: dict[int | None, Policy] | None = None, now: datetime | None = None
) -> Iterator[tuple[Scope, RetentionCounts]]:
    """The dry run per policy in force. Files of tickets that go as a whole are
    counted with the tickets, not again as files."""
    now = now or timezone.now()
    for scope in scopes(overrides):
        counts = RetentionCounts()
        found = expiring_tickets(scope, now)
        deleted = Ticket.objects.none()
        if found is not None:
            action, tickets = found
            number = tickets.count()
            if action == RetentionAction.DELETE:
                deleted = tickets
                counts = replace(counts, tickets_to_delete=number)
            else:
                counts = replace(counts, tickets_to_anonymize=number)
        files = expiring_attachments(scope, now)
        if files is not None:
            counts = replace(
                counts,
                attachments_to_remove=files.exclude(ticket__in=deleted).count(),
            )
        yield scope, counts


Progress = Callable[[str, int, int], None]


def apply(
    now: datetime | None = None, progress: Progress | None = None
) -> RetentionCounts:
    """Carry out the policy. `progress(what, done, total)` is told after each batch."""
    now = now or timezone.now()
    done = RetentionCounts()
    for scope in scopes():
        found = expiring_tickets(scope, now)
        if found is not None:
            action, tickets = found
            if action == RetentionAction.DELETE:

                def delete(ids: list[int], query: QuerySet[Ticket] = tickets) -> int:
                    return _delete_batch(ids, query)

                number = _in_batches(tickets, delete, "tickets deleted", progress)
                done = replace(done, tickets_to_delete=done.tickets_to_delete + number)
            else:

                def anonymize(ids: list[int], query: QuerySet[Ticket] = tickets) -> int:
                    # Re-checked under the lock: still closed, still past the period.
                    return erase_tickets(
                        ids,
                        actor=Actor.system(),
                        reason=ErasureReason.RETENTION,
                        still_wanted=Q(pk__in=query.values("pk")),
                    ).tickets

                number = _in_batches(tickets, anonymize, "tickets anonymised", progress)
                done = replace(
                    done, tickets_to_anonymize=done.tickets_to_anonymize + number
                )
        expiring = expiring_attachments(scope, now)
        if expiring is not None:
            holders = Ticket.objects.filter(pk__in=expiring.values("ticket_id"))
            expire = partial(_expire_files, files=expiring, now=now)
            number = _in_batches(holders, expire, "files removed", progress)
            done = replace(
                done, attachments_to_remove=done.attachments_to_remove + number
            )
    return done


def _in_batches(
    tickets: QuerySet[Ticket],
    work: Callable[[list[int]], int],
    what: str,
    progress: Progress | None,
) -> int:
    ids = list(tickets.order_by("pk").values_list("pk", flat=True))
    total = 0
    for batch in _chunks(ids, BATCH_SIZE):
        try:
            with transaction.atomic():
                total += work(batch)
        except Exception:  # one broken batch must not stop the policy
            logger.exception("Helpdesk retention: a batch of %s failed.", what)
        if progress is not None:
            progress(what, total, len(ids))
    return total


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _delete_batch(ids: list[int], due: QuerySet[Ticket]) -> int:
    """Delete whole tickets (with their comments, files, timeline, outbox and refund
    rows) that are still due (closed, past the period), skipping any that is locked
    right now."""
    locked = list(
        Ticket.objects.select_for_update(of=("self",), skip_locked=True)
        .filter(pk__in=ids)
        .filter(pk__in=due.values("pk"))
        .values_list("pk", flat=True)
    )
    if not locked:
        return 0
    now = timezone.now()
    remove_files(
        Attachment.objects.filter(ticket_id__in=locked), now=now, keep_names=False
    )
    purge_webhook_deliveries(locked)
    deleted, per_model = Ticket.objects.filter(pk__in=locked).delete()
    return per_model.get(Ticket._meta.label, 0)


def _expire_files(
    ticket_ids: list[int], *, files: QuerySet[Attachment], now: datetime
) -> int:
    tickets = list(
        Ticket.objects.select_for_update(of=("self",), skip_locked=True).filter(
            pk__in=ticket_ids
        )
    )
    if not tickets:
        return 0
    total = 0
    written = []
    for ticket in tickets:
        count = remove_files(
            files.filter(ticket_id=ticket.pk), now=now, keep_names=True
        )
        if count:
            total += count
            written.append(
                events.attachments_expired_event(ticket=ticket, count=count, save=False)
            )
    if written:
        with batched():
            events.save_events(*written)
    return total
