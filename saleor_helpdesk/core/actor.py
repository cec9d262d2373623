"""Who is acting: built by the host port from a request, read by every action."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from uuid import UUID

from .permissions import Perm


class ActorKind(StrEnum):
    ANONYMOUS = "anonymous"
    CUSTOMER = "customer"
    GUEST = "guest"
    # Whoever sent an e-mail that reached a support mailbox: an address, and the
    # customer's account when the address belongs to one.
    EMAIL = "email"
    STAFF = "staff"
    APP = "app"
    SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    user: Any = None
    app: Any = None
    permissions: frozenset[str] = field(default_factory=frozenset)
    # Channels a staff user may work in; None means every channel.
    channel_ids: frozenset[int] | None = None
    # A guest holds one order's token and its e-mail address, nothing more.
    guest_order_id: UUID | None = None
    guest_email: str | None = None
    # The name an e-mail sender gave (shown on their comment; authorises nothing).
    display_name: str = ""
    # The token the request was authenticated with, kept so the host can act in the
    # shop as this very caller (Saleor's refund mutations check its permissions).
    credentials: str | None = field(default=None, repr=False, compare=False)
    # Set when an automation rule acts (issue 14): every timeline event it writes
    # names the rule, and `automation_depth` stops rules from triggering each other
    # without end (see `automation/triggers.py`).
    rule_id: int | None = None
    rule_name: str = ""
    automation_depth: int = 0

    @classmethod
    def anonymous(cls) -> "Actor":
        return cls(kind=ActorKind.ANONYMOUS)

    @classmethod
    def system(cls) -> "Actor":
        return cls(kind=ActorKind.SYSTEM, permissions=frozenset(Perm))

    @classmethod
    def customer(cls, user: Any) -> "Actor":
        return cls(kind=ActorKind.CUSTOMER, user=user)

    @classmethod
    def guest(cls, order_id: UUID, email: str) -> "Actor":
        return cls(
            kind=ActorKind.GUEST, guest_order_id=order_id, guest_email=email.lower()
        )

    @classmethod
    def email_sender(cls, email: str, user: Any = None, name: str = "") -> "Actor":
        """The sender of an inbound e-mail. Mail is easy to forge, so this actor reaches
        only the tickets its address is on (as the customer or in CC): what an
        address can claim, and nothing more."""
        return cls(
            kind=ActorKind.EMAIL,
            user=user,
            guest_email=email.lower(),
            display_name=name,
        )

    @classmethod
    def staff(
        cls,
        user: Any,
        permissions: Iterable[str],
        channel_ids: Iterable[int] | None = None,
    ) -> "Actor":
        return cls(
            kind=ActorKind.STAFF,
            user=user,
            permissions=frozenset(permissions),
            channel_ids=None if channel_ids is None else frozenset(channel_ids),
        )

    @classmethod
    def for_app(cls, app: Any, permissions: Iterable[str]) -> "Actor":
        return cls(kind=ActorKind.APP, app=app, permissions=frozenset(permissions))

    @classmethod
    def for_rule(cls, rule_id: int, rule_name: str, depth: int) -> "Actor":
        """The shop's own code acting for an automation rule, `depth` rule runs deep."""
        return cls(
            kind=ActorKind.SYSTEM,
            permissions=frozenset(Perm),
            rule_id=rule_id,
            rule_name=rule_name,
            automation_depth=depth,
        )

    def has_perm(self, perm: Perm) -> bool:
        return perm.value in self.permissions

    def can_access_channel(self, channel_id: int | None) -> bool:
        if self.channel_ids is None:
            return True
        return channel_id is not None and channel_id in self.channel_ids

    @property
    def is_agent(self) -> bool:
        """Staff or an app allowed to work tickets (or the system itself)."""
        return self.kind in (
            ActorKind.STAFF,
            ActorKind.APP,
            ActorKind.SYSTEM,
        ) and self.has_perm(Perm.MANAGE_ORDERS)

    @property
    def is_customer_side(self) -> bool:
        return self.kind in (ActorKind.CUSTOMER, ActorKind.GUEST, ActorKind.EMAIL)

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "pk", None)
