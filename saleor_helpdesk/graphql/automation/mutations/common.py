"""API input → the domain's fields, for the automation mutations."""

from typing import Any, cast

from ....automation.macros import MacroFields
from ....automation.rules import RuleFields
from ....tags.actions import TagFields
from ...config.mutations.common import nullable, reference, sent
from ..values import actions_from_api, conditions_from_api


def rule_fields(given: dict[str, Any]) -> RuleFields:
    fields: dict[str, Any] = sent(
        given, "name", "is_active", "position", "stop_processing"
    )
    if given.get("trigger") is not None:
        trigger = given["trigger"]
        fields["trigger"] = getattr(trigger, "value", trigger)
    if given.get("conditions") is not None:
        fields["conditions"] = conditions_from_api(given["conditions"])
    if given.get("actions") is not None:
        fields["actions"] = actions_from_api(given["actions"])
    return cast(RuleFields, fields)


def tag_fields(given: dict[str, Any]) -> TagFields:
    return cast(TagFields, sent(given, "name", "slug", "colour"))


def macro_fields(given: dict[str, Any]) -> MacroFields:
    return cast(
        MacroFields,
        {
            **sent(
                given,
                "name",
                "body",
                "internal",
                "add_tags",
                "remove_tags",
                "assign_to_me",
                "is_active",
            ),
            **nullable(given, "status", "priority"),
            **reference(given, "template", "ResponseTemplate"),
            **reference(given, "assignee", "User"),
        },
    )
