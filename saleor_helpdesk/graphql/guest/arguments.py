import graphene

ORDER_TOKEN = graphene.UUID(
    required=True, description="The order's token (Saleor's order ID as a UUID)."
)
EMAIL = graphene.String(required=True, description="The e-mail address of the order.")
