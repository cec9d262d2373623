"""Creating, changing and deleting automation rules (MANAGE_PLUGINS)."""

from typing import Any, TypedDict

from django.db import transaction

from ..actions.config.common import (
    clean_position,
    clean_text,
    deleted,
    get_for_update,
    next_position,
    require_settings_manager,
    save_unique,
)
from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import AutomationRule, RuleTrigger
from .actions import clean_actions
from .conditions import clean_conditions


class RuleFields(TypedDict, total=False):
    name: str
    trigger: str
    is_active: bool
    position: int
    stop_processing: bool
    conditions: list[dict[str, Any]]
    actions: list[dict[str, Any]]


def _apply(rule: AutomationRule, fields: RuleFields) -> None:
    if "name" in fields:
        rule.name = clean_text(fields["name"], "name", 128, required=True)
    if "trigger" in fields:
        if fields["trigger"] not in RuleTrigger.values:
            raise field_error("trigger", "Unknown trigger.", HelpdeskErrorCode.INVALID)
        rule.trigger = fields["trigger"]
    if "is_active" in fields:
        rule.is_active = bool(fields["is_active"])
    if "stop_processing" in fields:
        rule.stop_processing = bool(fields["stop_processing"])
    if "position" in fields:
        rule.position = clean_position(fields["position"])
    if "conditions" in fields:
        rule.conditions = clean_conditions(fields["conditions"])
    if "actions" in fields:
        rule.actions = clean_actions(fields["actions"])


def create_rule(actor: Actor, fields: RuleFields) -> AutomationRule:
    require_settings_manager(actor)
    for required in ("name", "trigger", "actions"):
        if fields.get(required) is None:
            raise field_error(
                required, "This field is required.", HelpdeskErrorCode.REQUIRED
            )
    rule = AutomationRule()
    _apply(rule, fields)
    with transaction.atomic():
        if "position" not in fields:
            rule.position = next_position(
                AutomationRule.objects.filter(trigger=rule.trigger)
            )
        save_unique(rule, "name", "A rule with this name exists.")
    return rule


def update_rule(actor: Actor, rule_id: int, fields: RuleFields) -> AutomationRule:
    require_settings_manager(actor)
    with transaction.atomic():
        rule = get_for_update(AutomationRule, rule_id, "Rule")
        _apply(rule, fields)
        save_unique(rule, "name", "A rule with this name exists.")
    return rule


def delete_rule(actor: Actor, rule_id: int) -> AutomationRule:
    require_settings_manager(actor)
    with transaction.atomic():
        return deleted(get_for_update(AutomationRule, rule_id, "Rule"))
