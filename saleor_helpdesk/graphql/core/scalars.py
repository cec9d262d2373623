from typing import Any

import graphene


class Upload(graphene.types.Scalar):
    """A file sent with the GraphQL multipart request spec; its variable is null in the
    JSON `operations` and filled from the `map` part."""

    class Meta:
        description = "A file upload (GraphQL multipart request spec)."

    @staticmethod
    def serialize(value: Any) -> None:
        return None

    @staticmethod
    def parse_literal(node: Any) -> Any:
        return node

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value
