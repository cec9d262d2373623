"""Error codes of the helpdesk's write paths.

The domain raises Django's `ValidationError` keyed by field with one of these codes (as
Saleor's domain does); the GraphQL layer turns them into typed `errors { field code
message }`, the plain HTTP endpoints into `{"error": {"code", "message"}}`. A code is
API: never rename one.
"""

from enum import Enum, StrEnum


class HelpdeskErrorCode(str, Enum):
    GRAPHQL_ERROR = "graphql_error"
    INVALID = "invalid"
    REQUIRED = "required"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    INVALID_TRANSITION = "invalid_transition"
    NOT_ALLOWED_BY_POLICY = "not_allowed_by_policy"
    ALREADY_CLOSED = "already_closed"
    NOT_CLOSED = "not_closed"
    REOPEN_WINDOW_PASSED = "reopen_window_passed"
    MERGED = "merged"
    NOT_A_SUPPORT_AGENT = "not_a_support_agent"
    ORDER_MISMATCH = "order_mismatch"
    CUSTOMER_MISMATCH = "customer_mismatch"
    SAME_TICKET = "same_ticket"
    NOT_A_COMPLAINT = "not_a_complaint"
    LINE_NOT_IN_ORDER = "line_not_in_order"
    QUANTITY_EXCEEDED = "quantity_exceeded"
    DUPLICATED_INPUT_ITEM = "duplicated_input_item"
    ATTACHMENTS_DISABLED = "attachments_disabled"
    FILE_TOO_LARGE = "file_too_large"
    FILE_EMPTY = "file_empty"
    TOO_MANY_FILES = "too_many_files"
    UNSUPPORTED_FILE_TYPE = "unsupported_file_type"
    GUEST_TICKETS_DISABLED = "guest_tickets_disabled"
    CHANNEL_MISMATCH = "channel_mismatch"
    INVALID_EMAIL = "invalid_email"
    EMPTY_BODY = "empty_body"
    BODY_TOO_LONG = "body_too_long"
    UNIQUE = "unique"
    IN_USE = "in_use"
    INITIAL_STATUS_REQUIRED = "initial_status_required"
    STATUS_GROUP_REQUIRED = "status_group_required"
    DEFAULT_PRIORITY_REQUIRED = "default_priority_required"
    SAME_STATUS = "same_status"
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    NOT_A_STAFF_USER = "not_a_staff_user"
    MANAGE_ORDERS_REQUIRED = "manage_orders_required"
    CANNOT_SEE_TICKET = "cannot_see_ticket"
    INVALID_PERIOD = "invalid_period"
    PERIOD_TOO_LONG = "period_too_long"
    WEBHOOK_TARGET_NOT_ALLOWED = "webhook_target_not_allowed"
    UNKNOWN_WEBHOOK_TOPIC = "unknown_webhook_topic"
    NO_ORDER = "no_order"
    NO_PAYMENT_TO_REFUND = "no_payment_to_refund"
    AMOUNT_EXCEEDS_REFUNDABLE = "amount_exceeds_refundable"
    REFUND_NOT_POSSIBLE = "refund_not_possible"
    REFUND_REFUSED = "refund_refused"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    SHIPPING_ALREADY_REFUNDED = "shipping_already_refunded"
    # Secrets at rest (`core/secrets.py`): the deployment's key is missing or wrong,
    # or a stored secret no configured key decrypts.
    SECRET_KEY_MISSING = "secret_key_missing"  # noqa: S105 (an error code)
    SECRET_KEY_INVALID = "secret_key_invalid"  # noqa: S105 (an error code)
    SECRET_UNREADABLE = "secret_unreadable"  # noqa: S105 (an error code)
    # A mailbox's server refused (`mailboxes/imap.py`'s MailboxErrorCode, same values).
    WRONG_CREDENTIALS = "wrong_credentials"
    TLS_FAILED = "tls_failed"
    CANNOT_CONNECT = "cannot_connect"
    FOLDER_MISSING = "folder_missing"
    SERVER_ERROR = "server_error"
    SMS_NOT_CONFIGURED = "sms_not_configured"
    NO_PHONE_NUMBER = "no_phone_number"
    # The satisfaction survey (`satisfaction/`).
    ALREADY_RATED = "already_rated"
    SCORE_OUT_OF_RANGE = "score_out_of_range"
    SURVEY_DISABLED = "survey_disabled"
    # Time and effort (`effort/`): measured time is changed only by heartbeats.
    AUTOMATIC_TIME_ENTRY = "automatic_time_entry"


class HttpErrorCode(StrEnum):
    """Codes only the plain HTTP endpoints (attachment downloads, the data export, the
    Dashboard's files, e-mail in) answer with, besides the domain's: the request itself
    was refused before any action ran."""

    METHOD_NOT_ALLOWED = "method_not_allowed"
    INVALID_TOKEN = "invalid_token"  # noqa: S105 (an error code, not a secret)
    UNAUTHENTICATED = "unauthenticated"
    ATTACHMENT_REMOVED = "attachment_removed"
    NOT_BUILT = "not_built"
    # E-mail in (`http/inbound/`): a pushed message or an e-mail service's webhook.
    MAILBOX_INACTIVE = "mailbox_inactive"
    TOO_LARGE = "too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    INVALID_SIGNATURE = "invalid_signature"
    NOT_CONFIGURED = "not_configured"
