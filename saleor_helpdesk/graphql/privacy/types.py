import graphene


class HelpdeskErasure(graphene.ObjectType):
    ticket_count = graphene.Int(
        required=True, description="Tickets whose personal data was erased."
    )
    attachment_count = graphene.Int(
        required=True, description="Files deleted from storage."
    )
    email_count = graphene.Int(
        required=True, description="E-mails (sent or waiting) deleted from the outbox."
    )
    webhook_delivery_count = graphene.Int(
        required=True,
        description="Webhook deliveries about those tickets deleted from the log.",
    )
    nothing_to_erase = graphene.Boolean(
        required=True,
        description=(
            "Whether the helpdesk held nothing about the person (never, or no longer: "
            "a second erasure finds nothing)."
        ),
    )

    class Meta:
        description = "What an erasure of a customer's personal data removed."

    @staticmethod
    def resolve_ticket_count(root, info):
        return root.tickets

    @staticmethod
    def resolve_attachment_count(root, info):
        return root.attachments

    @staticmethod
    def resolve_email_count(root, info):
        return root.emails

    @staticmethod
    def resolve_webhook_delivery_count(root, info):
        return root.webhook_deliveries


class HelpdeskRetentionPreview(graphene.ObjectType):
    tickets_to_anonymize = graphene.Int(
        required=True,
        description="Closed tickets whose personal data would be erased.",
    )
    tickets_to_delete = graphene.Int(
        required=True, description="Closed tickets that would be deleted."
    )
    attachments_to_remove = graphene.Int(
        required=True,
        description=(
            "Files that would be removed from storage (besides those of deleted "
            "tickets)."
        ),
    )

    class Meta:
        description = "What the retention policy would do if it ran now (a dry run)."
