"""What staff users may do in the shop: read for many users at once (`staff_access_of`),
and the channels of the one user a request authenticated as (`channel_ids_of`).

Both hosts use this: Saleor's `User`, `Group` and `Permission` and the stand-in's share
their names (`user_permissions`, `groups`, `Group.permissions`,
`Group.restricted_access_to_channels`, `Group.channels`, `Permission.codename`), so the
stand-in runs the very code that runs inside Saleor. The rules are Saleor's:
`User.effective_permissions` (a superuser holds every permission; otherwise the
user's own permissions and those of their groups) and `AccessibleChannelsByUserIdLoader`
(a superuser or any group without a channel restriction opens every channel; otherwise
the union of the groups' channels, none without groups).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Q

from ..core.actor import Actor
from ..core.permissions import Perm


@dataclass(frozen=True)
class StaffAccess:
    """A staff user's permissions (Saleor's enum names) and channels (None: all)."""

    permissions: frozenset[str]
    channel_ids: frozenset[int] | None

    def may_work(self, channel_id: int | None) -> bool:
        """Whether the user may open a ticket of `channel_id` (MANAGE_ORDERS in that
        channel; a ticket without a channel needs access to every channel), the rule
        `access.visible_tickets` applies to the user's own requests."""
        if Perm.MANAGE_ORDERS.value not in self.permissions:
            return False
        if self.channel_ids is None:
            return True
        return channel_id is not None and channel_id in self.channel_ids


def staff_access_of(user_model: Any, user_ids: Iterable[int]) -> dict[int, StaffAccess]:
    """The access of each active staff user among `user_ids`; others are left out.
    One query, however many users: each user's own codenames, their groups' codenames
    and channels, and whether a group opens every channel, as subqueries."""
    ids = {pk for pk in user_ids if pk is not None}
    if not ids:
        return {}
    memberships = user_model.groups.through.objects.filter(user_id=OuterRef("pk"))
    users = (
        user_model.objects.filter(pk__in=ids, is_staff=True, is_active=True)
        .annotate(
            own=ArraySubquery(
                user_model.objects.filter(
                    pk=OuterRef("pk"), user_permissions__isnull=False
                ).values("user_permissions__codename")
            ),
            group_codenames=ArraySubquery(
                memberships.filter(group__permissions__isnull=False).values(
                    "group__permissions__codename"
                )
            ),
            unrestricted=Exists(
                memberships.filter(group__restricted_access_to_channels=False)
            ),
            channels=ArraySubquery(
                memberships.filter(group__channels__isnull=False).values(
                    "group__channels__id"
                )
            ),
        )
        .values_list(
            "pk", "is_superuser", "own", "group_codenames", "unrestricted", "channels"
        )
    )
    every_permission = frozenset(perm.value for perm in Perm)
    found: dict[int, StaffAccess] = {}
    for pk, is_superuser, own, group_codenames, unrestricted, channels in users:
        if is_superuser:
            found[pk] = StaffAccess(every_permission, None)
            continue
        found[pk] = StaffAccess(
            # Saleor's permission enums are the upper-cased codenames (manage_orders).
            frozenset(codename.upper() for codename in (*own, *group_codenames)),
            # A group without a channel restriction opens every channel; otherwise
            # the union of the groups' channels (none without groups).
            None if unrestricted else frozenset(channels),
        )
    return found


def channel_ids_of(user: Any) -> set[int] | None:
    """The channels of one staff user (None: all), by the rule above, for the user
    a request authenticated as: no query for a superuser, otherwise the groups and,
    when there are any, their channels."""
    if user.is_superuser:
        return None
    groups = list(user.groups.prefetch_related("channels"))
    if any(not group.restricted_access_to_channels for group in groups):
        return None
    return {channel.pk for group in groups for channel in group.channels.all()}


def staff_actor(user: Any, access: dict[int, StaffAccess]) -> Actor:
    """The staff `user` as an actor with the access `staff_access` found for them
    (both hosts' `current_actor`: one rule, two queries); without permissions when
    they are not among the active staff it found."""
    found = access.get(user.pk)
    if found is None:
        return Actor.anonymous()
    return Actor.staff(user, found.permissions, found.channel_ids)


def may_work_tickets() -> Q:
    """Users holding MANAGE_ORDERS (a filter on the user model), by the same rule."""
    codename = Perm.MANAGE_ORDERS.value.lower()
    return (
        Q(is_superuser=True)
        | Q(user_permissions__codename=codename)
        | Q(groups__permissions__codename=codename)
    )
