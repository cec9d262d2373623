"""E-mails about service levels: a target at risk or breached, to whoever answers for
the ticket. A side-effect planner (registered in `apps.py`) over the events the periodic
check writes, so the outbox rows are committed with the mark, exactly once.

The recipient: the ticket's assignee; without one, the responsible person of its contact
(queue), else the contact's own address, else the channel's default responsible."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from ..core.constants import SlaMetric
from ..core.constants import TicketEventType as T
from ..models import ChannelSettings, EmailMessage, EmailTemplate, Ticket, TicketEvent
from ..notifications.defaults import DATE_FORMATS
from ..notifications.kinds import Notification as N
from ..notifications.messages import Draft, base_language, render_message
from ..notifications.planner import dispatch
from ..tickets.policies import channel_settings

KINDS = {T.SLA_AT_RISK: N.STAFF_SLA_AT_RISK, T.SLA_BREACHED: N.STAFF_SLA_BREACHED}
METRIC_LABELS: dict[str, dict[str, str]] = {
    "de": {
        SlaMetric.FIRST_RESPONSE: "Erste Antwort",
        SlaMetric.NEXT_RESPONSE: "Nächste Antwort",
        SlaMetric.RESOLUTION: "Lösung",
    },
    "en": {
        SlaMetric.FIRST_RESPONSE: "First response",
        SlaMetric.NEXT_RESPONSE: "Next response",
        SlaMetric.RESOLUTION: "Resolution",
    },
}


def metric_label(metric: str, language: str | None) -> str:
    labels = METRIC_LABELS.get(base_language(language), METRIC_LABELS["en"])
    return labels.get(metric, metric)


def plan_sla_emails(events: Sequence[TicketEvent]) -> None:
    relevant = [event for event in events if event.type in KINDS]
    if not relevant:
        return
    tickets = Ticket.objects.select_related(
        "status__customer_status",
        "customer",
        "order",
        "channel",
        "assignee",
        "contact__responsible",
    ).in_bulk({event.ticket_id for event in relevant})
    policies: dict[int | None, ChannelSettings] = {}
    drafts = []
    for event in relevant:
        ticket = tickets.get(event.ticket_id)
        if ticket is None:
            continue
        if ticket.channel_id not in policies:
            policies[ticket.channel_id] = channel_settings(ticket.channel_id)
        draft = _draft(event, ticket, policies[ticket.channel_id])
        if draft is not None:
            drafts.append(draft)
    if not drafts:
        return
    overrides = {
        (row.notification, row.language): row
        for row in EmailTemplate.objects.filter(
            notification__in={d.notification for d in drafts}, is_active=True
        )
    }
    rows = [render_message(d, policies[d.ticket.channel_id], overrides) for d in drafts]
    saved = EmailMessage.objects.bulk_create(rows)
    ids = [row.pk for row in saved]
    transaction.on_commit(lambda: dispatch(ids))


def recipient(ticket: Ticket, policy: ChannelSettings) -> tuple[str, str | None]:
    """(address, language) of whoever answers for the ticket; ("", None): nobody."""
    contact = ticket.contact if ticket.contact_id else None
    for user in (
        ticket.assignee if ticket.assignee_id else None,
        contact.responsible if contact is not None and contact.responsible_id else None,
    ):
        if user is not None and user.is_active and user.email:
            return user.email, getattr(user, "language_code", None)
    if contact is not None and contact.email:
        return contact.email, None
    fallback = policy.default_responsible if policy.default_responsible_id else None
    if fallback is not None and fallback.is_active and fallback.email:
        return fallback.email, getattr(fallback, "language_code", None)
    return "", None


def _draft(event: TicketEvent, ticket: Ticket, policy: ChannelSettings) -> Draft | None:
    address, language = recipient(ticket, policy)
    if not address:
        return None
    parameters = event.parameters or {}
    lang = base_language(language) or "en"
    due = parameters.get("due_at")
    formatted = ""
    if due:
        formatted = timezone.localtime(datetime.fromisoformat(str(due))).strftime(
            DATE_FORMATS.get(lang, DATE_FORMATS["en"])
        )
    values: dict[str, Any] = {
        "sla.target": metric_label(str(parameters.get("metric", "")), lang),
        "sla.due": formatted,
    }
    return Draft(
        ticket=ticket,
        notification=KINDS[T(event.type)],
        to=[address],
        language_code=language,
        values=values,
    )
