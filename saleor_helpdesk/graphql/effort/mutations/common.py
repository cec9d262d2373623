"""What the contract mutations share: the input, in the domain's terms."""

from typing import Any

from ...core.ids import int_pk

FIELDS = {
    "name": "name",
    "customer_email": "customer_email",
    "unit": "unit",
    "budget": "budget",
    "valid_from": "valid_from",
    "valid_until": "valid_until",
    "warning_threshold": "warning_threshold",
    "points_per_ticket": "points_per_ticket",
    "is_active": "is_active",
}


def contract_data(given: dict[str, Any]) -> dict[str, Any]:
    """The given fields (graphene leaves out what the caller omitted)."""
    data = {FIELDS[key]: value for key, value in given.items() if key in FIELDS}
    if "unit" in data and data["unit"] is not None:
        data["unit"] = getattr(data["unit"], "value", data["unit"])
    if "customer" in given:
        data["customer_id"] = (
            int_pk(given["customer"], "User", "customer") if given["customer"] else None
        )
    return data
