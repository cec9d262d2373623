"""Which of the shop's refund reasons (Saleor pages) a complaint reason preselects."""

from django.db import transaction

from ...core.actor import Actor
from ...core.constants import ComplaintReason
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...host import get_host
from ...models import RefundReasonMapping
from .common import require_settings_manager


def refund_reason_mappings(actor: Actor) -> list[RefundReasonMapping]:
    require_settings_manager(actor)
    return list(RefundReasonMapping.objects.all())


def set_refund_reason_mapping(
    actor: Actor, complaint_reason: str, reason_id: str | None
) -> RefundReasonMapping | None:
    """Map (or with `reason_id` None, unmap) a complaint reason."""
    require_settings_manager(actor)
    if complaint_reason not in ComplaintReason.values:
        raise field_error(
            "complaint_reason", "Unknown complaint reason.", HelpdeskErrorCode.INVALID
        )
    if reason_id is not None:
        reasons = get_host().refund_reasons()
        if reasons is None:
            raise field_error(
                "reason_id",
                "The shop has no refund reasons: choose a page type for them in "
                "Saleor's refund settings first.",
                HelpdeskErrorCode.INVALID,
            )
        if reason_id not in {reason.id for reason in reasons}:
            raise field_error(
                "reason_id",
                "Choose one of the shop's refund reasons.",
                HelpdeskErrorCode.INVALID,
            )
    with transaction.atomic():
        if reason_id is None:
            RefundReasonMapping.objects.filter(
                complaint_reason=complaint_reason
            ).delete()
            return None
        mapping, _ = RefundReasonMapping.objects.update_or_create(
            complaint_reason=complaint_reason,
            defaults={"reason_reference_id": reason_id},
        )
    return mapping
