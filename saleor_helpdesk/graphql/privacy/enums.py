from ...core.constants import ErasureReason, RetentionAction
from ..core.enums import _enum

RetentionActionEnum = _enum(
    RetentionAction,
    "HelpdeskRetentionActionEnum",
    "What happens to a closed ticket past the retention period: anonymised (personal "
    "data erased, the ticket kept for statistics) or deleted.",
)
ErasureReasonEnum = _enum(
    ErasureReason,
    "HelpdeskErasureReasonEnum",
    "Why a ticket's personal data was erased.",
)
