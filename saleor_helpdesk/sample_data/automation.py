"""The automation examples of issue 14's done-when scenario, for the demo.

- The rule "Defective items over 200 EUR → senior agent": a new complaint with a
  defective item on an order over 200 goes to the senior agent with high priority.
- The macro "Replacement sent": a reply from a response template (German and English
  templates), status "answered", tag `replacement`.

The senior agent is one of the shop's existing support agents (sample data makes no
users): one who may work every channel, not the shop's superuser where there is a
choice. Kept when they exist already (by name), so running the demo again changes
nothing.
"""

from collections.abc import Callable
from typing import Any

from ..host import get_host
from ..models import (
    AutomationRule,
    Macro,
    ResponseTemplate,
    SupportAgent,
    Tag,
    TicketStatus,
)

RULE_NAME = "Defective items over 200 EUR → senior agent"
MACRO_NAME = "Replacement sent"
TEMPLATE_NAME = "Replacement sent"
TEMPLATES = {
    "de": (
        "Ersatz für Ihre Bestellung ist unterwegs",
        "<p>Hallo {{ customer.first_name }},</p><p>wir haben Ihnen heute einen "
        "Ersatz geschickt. Den defekten Artikel brauchen Sie nicht "
        "zurückzusenden.</p><p>Viele Grüße<br>{{ agent.name }}</p>",
    ),
    "en": (
        "A replacement for your order is on its way",
        "<p>Hello {{ customer.first_name }},</p><p>we sent you a replacement "
        "today. There is no need to return the defective item.</p><p>Kind "
        "regards<br>{{ agent.name }}</p>",
    ),
}


def senior_agent() -> Any:
    agents = list(
        SupportAgent.objects.filter(is_active=True, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    if not agents:
        return None
    access = get_host().staff_access(agent.user_id for agent in agents)
    everywhere = [
        agent.user
        for agent in agents
        if agent.user_id in access and access[agent.user_id].may_work(None)
    ]
    preferred = [user for user in everywhere if not user.is_superuser]
    return (preferred or everywhere or [agents[0].user])[0]


def install_automation_examples(write: Callable[[str], Any]) -> None:
    senior = senior_agent()
    if senior is None:
        write("automation examples: skipped (no support agent)")
        return
    replacement, _ = Tag.objects.get_or_create(
        slug="replacement", defaults={"name": "Replacement", "colour": "#2563eb"}
    )
    Tag.objects.get_or_create(slug="vip", defaults={"name": "VIP", "colour": "#d97706"})
    if not AutomationRule.objects.filter(name=RULE_NAME).exists():
        AutomationRule.objects.create(
            name=RULE_NAME,
            trigger="ticket_created",
            conditions=[
                {"field": "kind", "operator": "in", "values": ["complaint"]},
                {
                    "field": "complaint_reason",
                    "operator": "in",
                    "values": ["defective"],
                },
                {"field": "order_total", "operator": "gt", "values": ["200"]},
            ],
            actions=[
                {"type": "assign_user", "values": [str(senior.pk)]},
                {"type": "set_priority", "values": ["high"]},
            ],
        )
    templates = {}
    for language, (subject, body) in TEMPLATES.items():
        templates[language], _ = ResponseTemplate.objects.get_or_create(
            name=TEMPLATE_NAME,
            language_code=language,
            defaults={"subject": subject, "body": body, "kind": "complaint"},
        )
    if not Macro.objects.filter(name=MACRO_NAME).exists():
        macro = Macro.objects.create(
            name=MACRO_NAME,
            template=templates["de"],
            status=TicketStatus.objects.filter(slug="answered").first(),
            priority=None,
        )
        macro.add_tags.add(replacement)
    write(
        f"automation: rule '{RULE_NAME}' (senior agent: {senior.email}), macro "
        f"'{MACRO_NAME}'"
    )
