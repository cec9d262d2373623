"""The port through which the helpdesk reaches the shop platform.

The domain never imports Saleor; it asks the host. `host/saleor.py` implements this for
Saleor 3.x; the test suite's stand-in host implements it for its small Django project.
Both inherit what they do alike from `host/shared.py`. `tests/test_host_contract.py`
asserts this contract on whichever host runs.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from ..core.actor import Actor
    from ..dashboard.app import DashboardAppSpec, InstallResult
    from .refunds import (
        PaymentSummary,
        RefundOptions,
        RefundPlan,
        RefundReason,
        RefundStatus,
        RefundSubmission,
    )
    from .staff_access import StaffAccess


class AuthenticationError(Exception):
    """A token was sent but is invalid or expired: never treated as anonymous."""


@dataclass(frozen=True)
class CustomerSummary:
    email: str
    name: str
    user_id: int | None
    is_registered: bool
    date_joined: datetime | None
    order_count: int
    total_spent: Decimal
    currency: str | None
    language_code: str | None


@dataclass(frozen=True)
class StoredPhone:
    """A phone number as one of the shop's addresses holds it, with that address's
    country (ISO 3166 code), which reads a number written without its country code."""

    number: str
    country: str


@dataclass(frozen=True)
class AddressPhones:
    """Phone numbers on addresses, in the order they are preferred: per order its
    shipping, then its billing address; per user their default shipping, then default
    billing address. Addresses without a number are left out, and so are orders and
    users without any."""

    orders: Mapping[Any, tuple[StoredPhone, ...]]
    users: Mapping[int, tuple[StoredPhone, ...]]


class HostPort(ABC):
    @abstractmethod
    def authenticate(self, request: "HttpRequest") -> "Actor":
        """The actor behind a request; `Actor.anonymous()` when no token is sent.

        Raises `AuthenticationError` for an invalid or expired token, and for a
        Dashboard (third-party) token not issued for the helpdesk's own app (see
        `third_party.py`)."""

    @abstractmethod
    def current_actor(self, *, user: Any = None, app: Any = None) -> "Actor":
        """What a stored staff user or app may do now, as if it sent a request: its
        current permissions and channels. For work done later on its behalf (webhook
        deliveries). Without permissions when the user is inactive or the app inactive
        or removed; a user who is no longer staff is a customer."""

    @abstractmethod
    def staff_access(self, user_ids: "Iterable[int]") -> "dict[int, StaffAccess]":
        """Permissions and channels of the active staff users among `user_ids`, as the
        shop grants them to the users themselves (what their own requests would carry);
        others are left out. A bounded number of queries, however many users."""

    @abstractmethod
    def customer_summary(self, *, user: Any | None, email: str) -> CustomerSummary:
        """Name, e-mail, order count, total spent and registration date of a customer."""

    @abstractmethod
    def address_phones(
        self, *, order_ids: Iterable[Any] = (), user_ids: Iterable[int] = ()
    ) -> AddressPhones:
        """The phone numbers on these orders' and users' addresses, as the shop stores
        them (see `AddressPhones`). One query for the orders and one for the users, at
        most, however many are asked for."""

    @abstractmethod
    def add_order_note(self, *, order: Any, actor: "Actor", message: str) -> None:
        """Write a note on the order's own timeline (so the order page names tickets)."""

    @abstractmethod
    def sign_payload(self, payload: bytes) -> str:
        """A signature of `payload` that consumers verify with the shop's public key."""

    @abstractmethod
    def refund_options(self, *, order: Any) -> "RefundOptions":
        """What the order allows to refund now: method, maximum, lines, reasons."""

    @abstractmethod
    def payments(self, *, order: Any) -> "tuple[PaymentSummary, ...]":
        """How the order was paid, and what of it is refunded or being refunded."""

    @abstractmethod
    def refund_reasons(self) -> "tuple[RefundReason, ...] | None":
        """The shop's refund reasons (pages of the page type its refund settings name);
        None when the shop has not configured any (then no reason is required)."""

    @abstractmethod
    def submit_refund(
        self, *, actor: "Actor", order: Any, plan: "RefundPlan"
    ) -> "RefundSubmission":
        """Ask the shop to refund, as `actor` and under the shop's own rules and
        permissions. Raises `RefundRefused` when nothing was started. Called outside
        any helpdesk transaction: the payment app may be asked synchronously."""

    @abstractmethod
    def refund_status(
        self, *, order: Any, method: str, granted_refund_id: str, reference: str
    ) -> "RefundStatus | None":
        """Where a submitted refund stands; found by its id, or by `reference` when
        the helpdesk never learnt the id (a crash after submitting). None: unknown."""

    @abstractmethod
    def install_dashboard_app(self, spec: "DashboardAppSpec") -> "InstallResult":
        """Create or update the helpdesk's Dashboard app and its extensions so that
        they match `spec`, in one transaction; write nothing when they already do."""

    @abstractmethod
    def uninstall_dashboard_app(self, identifier: str) -> bool:
        """Delete the app with `identifier`, its extensions and tokens (helpdesk rows
        stay). False when there was none."""

    def writer_access(self) -> AbstractContextManager[None]:
        """Context for Celery tasks that read what was just committed and write: Saleor
        restricts tasks to the replica unless they ask for the writer explicitly."""
        return nullcontext()
