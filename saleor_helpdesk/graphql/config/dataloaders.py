from collections import defaultdict
from typing import Any

from ...models import StatusTransition, SupportAgent
from ..core.dataloaders import BaseLoader


class TransitionsBySourceIdLoader(BaseLoader):
    """The transitions leaving each status, in the order of their targets."""

    context_key = "helpdesk_transitions_by_source"

    def batch_load(self, keys: list[Any]) -> list[list[StatusTransition]]:
        grouped: dict[Any, list[StatusTransition]] = defaultdict(list)
        rows = StatusTransition.objects.filter(source_id__in=keys).order_by(
            "target__position", "target_id"
        )
        for row in rows:
            grouped[row.source_id].append(row)
        return [grouped[key] for key in keys]


class ContactsByAgentIdLoader(BaseLoader):
    """The contacts (queues) each support agent serves."""

    context_key = "helpdesk_contacts_by_agent"

    def batch_load(self, keys: list[Any]) -> list[list[Any]]:
        grouped: dict[Any, list[Any]] = defaultdict(list)
        through: Any = SupportAgent.contacts.through
        links = (
            through.objects.filter(supportagent_id__in=keys)
            .select_related("contact")
            .order_by("contact__position", "contact_id")
        )
        for link in links:
            grouped[link.supportagent_id].append(link.contact)
        return [grouped[key] for key in keys]
