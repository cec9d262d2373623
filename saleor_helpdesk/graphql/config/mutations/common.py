"""Shared by the configuration mutations: turning API input into the domain's fields.

Only the input fields a client sent are passed on, so an update changes just those. An
explicit null means "none" where a field may be empty (`nullable`: no responsible
person, no resolution time, …) and "unchanged" everywhere else."""

from typing import Any, cast

from ....actions.config import (
    AgentFields,
    CategoryFields,
    ChannelSettingsFields,
    ContactFields,
    PriorityFields,
    StatusFields,
    TemplateFields,
)
from ...core.ids import int_pk


def sent(given: dict[str, Any], *names: str) -> dict[str, Any]:
    """The named input fields the client sent with a value."""
    return {name: given[name] for name in names if given.get(name) is not None}


def nullable(given: dict[str, Any], *names: str) -> dict[str, Any]:
    """The named input fields the client sent, null included."""
    return {name: given[name] for name in names if name in given}


def labels(given: dict[str, Any]) -> dict[str, Any]:
    """`name` and `translations` ([{languageCode, name}] → [(code, label)])."""
    fields = sent(given, "name")
    if given.get("translations") is not None:
        fields["translations"] = [
            (item["language_code"], item["name"]) for item in given["translations"]
        ]
    return fields


def reference(given: dict[str, Any], name: str, type_name: str) -> dict[str, Any]:
    """An ID input as `<name>_id` (None for an explicit null), if it was sent."""
    if name not in given:
        return {}
    value = given[name]
    return {f"{name}_id": int_pk(value, type_name, name) if value else None}


def status_fields(given: dict[str, Any]) -> StatusFields:
    return cast(
        StatusFields,
        {
            **labels(given),
            **sent(
                given,
                "slug",
                "group",
                "is_internal",
                "is_initial",
                "position",
                "is_active",
                "pauses_sla",
            ),
            **reference(given, "customer_status", "TicketStatus"),
        },
    )


def priority_fields(given: dict[str, Any]) -> PriorityFields:
    return cast(
        PriorityFields,
        {
            **labels(given),
            **sent(given, "slug", "position", "is_default"),
            **nullable(given, "resolution_hours"),
        },
    )


def category_fields(given: dict[str, Any]) -> CategoryFields:
    return cast(
        CategoryFields,
        {**labels(given), **sent(given, "kind", "slug", "position", "is_active")},
    )


def contact_fields(given: dict[str, Any]) -> ContactFields:
    return cast(
        ContactFields,
        {
            **labels(given),
            **sent(given, "slug", "email", "description", "position", "is_active"),
            **reference(given, "responsible", "User"),
        },
    )


def template_fields(given: dict[str, Any]) -> TemplateFields:
    return cast(
        TemplateFields,
        {
            **sent(given, "name", "language_code", "subject", "body", "is_active"),
            **nullable(given, "kind"),
        },
    )


def agent_fields(given: dict[str, Any] | None) -> AgentFields:
    given = given or {}
    fields = sent(given, "signature", "is_active")
    if given.get("contacts") is not None:
        fields["contact_ids"] = [
            int_pk(value, "TicketContact", "contacts") for value in given["contacts"]
        ]
    return cast(AgentFields, fields)


def channel_settings_fields(given: dict[str, Any]) -> ChannelSettingsFields:
    return cast(
        ChannelSettingsFields,
        {
            **sent(
                given,
                "attachments_allowed",
                "max_attachment_size",
                "max_attachments_per_comment",
                "max_attachments_per_ticket",
                "allowed_content_types",
                "guest_tickets_allowed",
                "customer_may_close",
                "customer_may_reopen",
                "auto_close_on_full_refund",
                "sender_email",
                "sender_name",
                "signature",
                "ticket_retention_action",
            ),
            **nullable(
                given,
                "reopen_window_days",
                "ticket_retention_months",
                "attachment_retention_months",
            ),
            **reference(given, "default_responsible", "User"),
        },
    )
