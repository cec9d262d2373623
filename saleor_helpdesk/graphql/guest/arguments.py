import graphene

from ..core.scalars import UUID

ORDER_TOKEN = UUID(
    required=True, description="The order's token (Saleor's order ID as a UUID)."
)
EMAIL = graphene.String(required=True, description="The e-mail address of the order.")
