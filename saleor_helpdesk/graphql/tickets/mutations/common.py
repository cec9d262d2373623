"""Shared by the ticket mutations: turning API input into domain input."""

from typing import Any

from ....actions import NewComplaint, NewLine
from ....core.constants import ComplaintReason
from ....core.error_codes import HelpdeskErrorCode
from ....core.errors import field_error
from ....host.shop_models import channel_model
from ...core.ids import int_pk, uuid_pk


def lines_from(data: list[dict[str, Any]] | None) -> list[NewLine]:
    return [
        NewLine(
            order_line_id=uuid_pk(line["order_line_id"], "OrderLine", "lines"),
            quantity=line["quantity"],
            reason=line.get("reason") or ComplaintReason.OTHER,
            note=line.get("note") or "",
        )
        for line in data or []
    ]


def complaint_from(data: dict[str, Any] | None) -> NewComplaint | None:
    if data is None:
        return None
    return NewComplaint(
        **{
            key: value or ""
            for key, value in data.items()
            if key
            in (
                "customer_number",
                "order_number",
                "article_number",
                "description",
                "comment",
                "requested_resolution",
            )
        }
    )


def channel_id_from_slug(slug: str | None) -> int | None:
    if not slug:
        return None
    channel = (
        channel_model().objects.filter(slug=slug).values_list("pk", flat=True).first()
    )
    if channel is None:
        raise field_error("channel", "Channel not found.", HelpdeskErrorCode.NOT_FOUND)
    return int(channel)


def optional_int_pk(value: str | None, expected: str, field: str) -> int | None:
    return int_pk(value, expected, field) if value else None
