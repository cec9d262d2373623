from typing import Any

from django.db.models import QuerySet

from ...host.shop_models import channel_model, order_line_model, order_model, user_model
from ..core.dataloaders import BaseLoader, ByIdLoader


class UserByIdLoader(ByIdLoader):
    context_key = "helpdesk_user_by_id"

    def queryset(self) -> QuerySet[Any]:
        return user_model().objects.all()


class OrderByIdLoader(ByIdLoader):
    context_key = "helpdesk_order_by_id"

    def queryset(self) -> QuerySet[Any]:
        return order_model().objects.all()


class ChannelByIdLoader(ByIdLoader):
    context_key = "helpdesk_channel_by_id"

    def queryset(self) -> QuerySet[Any]:
        return channel_model().objects.all()


class OrderLinesByOrderIdLoader(BaseLoader):
    context_key = "helpdesk_order_lines_by_order_id"

    def batch_load(self, keys: list[Any]) -> list[list[Any]]:
        lines: dict[Any, list[Any]] = {key: [] for key in keys}
        for line in order_line_model().objects.filter(order_id__in=keys).order_by("pk"):
            lines[line.order_id].append(line)
        return [lines[key] for key in keys]
