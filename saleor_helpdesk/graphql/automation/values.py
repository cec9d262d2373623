"""Rule actions name users and response templates by database id; the API shows and
takes their global IDs instead (`User`, `ResponseTemplate`), as everywhere else."""

from typing import Any

from ...automation.actions import ActionType
from ..core.ids import int_pk, to_global_id

GLOBAL_ID_VALUES = {
    ActionType.ASSIGN_USER.value: "User",
    ActionType.REPLY_WITH_TEMPLATE.value: "ResponseTemplate",
}


def actions_from_api(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    converted = []
    for action in actions:
        type_ = str(
            action["type"].value if hasattr(action["type"], "value") else action["type"]
        )
        values = list(action.get("values") or [])
        if type_name := GLOBAL_ID_VALUES.get(type_):
            values = [str(int_pk(value, type_name, "actions")) for value in values]
        converted.append({"type": type_, "values": values})
    return converted


def action_values_to_api(action: dict[str, Any]) -> list[str]:
    values = list(action.get("values") or [])
    if type_name := GLOBAL_ID_VALUES.get(action["type"]):
        return [to_global_id(type_name, value) for value in values]
    return values


def conditions_from_api(conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "field": _plain(condition["field"]),
            "operator": _plain(condition["operator"]),
            "values": list(condition.get("values") or []),
        }
        for condition in conditions
    ]


def _plain(value: Any) -> str:
    return str(value.value if hasattr(value, "value") else value)
