"""Writes the helpdesk's Dashboard app as Saleor stores apps: an `App` row with its
permissions and one `AppExtension` row per extension.

Shared by both host implementations: each passes its own models (Saleor's, or the
stand-in's of the same names) and its way of finding permission rows. Fields a host's
models lack (older Saleor releases) are left out. Installing compares the rows with
the spec and writes only what differs, so a second run writes nothing.
"""

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Model

from ..dashboard.app import (
    DashboardAppSpec,
    ExtensionSpec,
    InstallResult,
    InstallStatus,
)

THIRDPARTY = "thirdparty"


@dataclass(frozen=True)
class AppRows:
    """How a host stores apps."""

    app_model: type[Model]
    extension_model: type[Model]
    token_model: type[Model]
    # Saleor permission enum names (MANAGE_ORDERS) → the host's permission rows, by
    # name; raises LookupError for a name the host does not know.
    permissions: Callable[[Iterable[str]], Mapping[str, Model]]


def _field_names(model: type[Model]) -> set[str]:
    return {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}


def _choices(model: type[Model], name: str) -> set[str] | None:
    """The values a column accepts; None where any value is accepted (3.23+)."""
    choices = model._meta.get_field(name).choices  # type: ignore[union-attr]
    return {value for value, _label in choices} if choices else None


def supported_spec(
    spec: DashboardAppSpec, rows: AppRows
) -> tuple[DashboardAppSpec, tuple[ExtensionSpec, ...]]:
    return spec.supported_by(
        _choices(rows.extension_model, "mount"),
        _choices(rows.extension_model, "target"),
    )


def _lock(identifier: str, alias: str) -> None:
    """Serialise installs and uninstalls of one app (the command and an activation
    at the same time must not create two apps); released at commit."""
    key = int.from_bytes(hashlib.sha256(identifier.encode()).digest()[:8], "big")
    key -= 1 << 63 if key >= 1 << 63 else 0  # PostgreSQL's bigint is signed
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _app_values(spec: DashboardAppSpec, fields: set[str]) -> dict[str, Any]:
    values = {
        "name": spec.name,
        "type": THIRDPARTY,
        "app_url": spec.app_url,
        "about_app": spec.about_app,
        "version": spec.version,
        "is_installed": True,
    }
    return {name: value for name, value in values.items() if name in fields}


def _extension_values(extension: ExtensionSpec, fields: set[str]) -> dict[str, Any]:
    values = {
        "label": extension.label,
        "url": extension.url,
        "mount": extension.mount.value,
        "target": extension.target.value,
        "settings": extension.settings,
        "http_target_method": extension.http_target_method,
        "identifier": extension.identifier,
    }
    return {name: value for name, value in values.items() if name in fields}


def _differences(row: Model, values: dict[str, Any]) -> list[str]:
    return [name for name, value in values.items() if getattr(row, name) != value]


def _permission_ids(row: Model) -> set[int]:
    return {permission.pk for permission in row.permissions.all()}  # type: ignore[attr-defined]


def install(spec: DashboardAppSpec, rows: AppRows) -> InstallResult:
    spec, skipped = supported_spec(spec, rows)
    alias = router.db_for_write(rows.app_model)
    with transaction.atomic(using=alias):
        _lock(spec.identifier, alias)
        names = {p.value for p in spec.permissions}
        for extension in spec.extensions:
            names |= {p.value for p in extension.permissions}
        by_name = rows.permissions(sorted(names))
        return _install(spec, rows, by_name, tuple(e.identifier for e in skipped))


def _install(
    spec: DashboardAppSpec,
    rows: AppRows,
    by_name: Mapping[str, Model],
    skipped: tuple[str, ...],
) -> InstallResult:
    app_permissions = [by_name[p.value] for p in spec.permissions]
    extension_permissions = {
        e.identifier: [by_name[p.value] for p in e.permissions] for e in spec.extensions
    }
    app_fields = _field_names(rows.app_model)
    extension_fields = _field_names(rows.extension_model)
    apps = rows.app_model._default_manager.filter(identifier=spec.identifier)
    if "removed_at" in app_fields:
        # An app Saleor marked removed is deleted by its own task later.
        apps = apps.filter(removed_at__isnull=True)
    app = apps.order_by("pk").first()

    if app is None:
        app = rows.app_model._default_manager.create(
            identifier=spec.identifier,
            is_active=True,
            **_app_values(spec, app_fields),
        )
        app.permissions.set(app_permissions)  # type: ignore[attr-defined]
        for extension in spec.extensions:
            _create_extension(
                app, extension, rows, extension_fields, extension_permissions
            )
        return InstallResult(
            status=InstallStatus.CREATED,
            app_id=app.pk,
            is_active=True,
            extensions_created=len(spec.extensions),
            skipped=skipped,
        )

    changes = _update_app(app, spec, app_fields, app_permissions)
    counts = _sync_extensions(
        app, spec, rows, extension_fields, extension_permissions, changes
    )
    return InstallResult(
        status=InstallStatus.UPDATED if changes else InstallStatus.UNCHANGED,
        app_id=app.pk,
        is_active=bool(getattr(app, "is_active", True)),
        extensions_created=counts[0],
        extensions_updated=counts[1],
        extensions_removed=counts[2],
        changes=tuple(changes),
        skipped=skipped,
    )


def _update_app(
    app: Model, spec: DashboardAppSpec, fields: set[str], permissions: list[Model]
) -> list[str]:
    """Bring the app row in line (never its `is_active`: the merchant's switch)."""
    values = _app_values(spec, fields)
    changed = _differences(app, values)
    if changed:
        for name in changed:
            setattr(app, name, values[name])
        app.save(update_fields=changed)
    if _permission_ids(app) != {p.pk for p in permissions}:
        app.permissions.set(permissions)  # type: ignore[attr-defined]
        changed.append("permissions")
    return changed


def _sync_extensions(
    app: Model,
    spec: DashboardAppSpec,
    rows: AppRows,
    fields: set[str],
    permissions: dict[str, list[Model]],
    changes: list[str],
) -> tuple[int, int, int]:
    """Create, update and delete extension rows; append what changed to `changes`.
    Returns how many were created, updated and removed."""
    existing = list(
        rows.extension_model._default_manager.filter(app=app)
        .prefetch_related("permissions")
        .order_by("pk")
    )
    created = updated = 0
    for extension in spec.extensions:
        row = _match(extension, existing, "identifier" in fields)
        if row is None:
            _create_extension(app, extension, rows, fields, permissions)
            changes.append(f"extension {extension.identifier}: created")
            created += 1
            continue
        existing.remove(row)
        values = _extension_values(extension, fields)
        row_changes = _differences(row, values)
        if row_changes:
            for name in row_changes:
                setattr(row, name, values[name])
            row.save(update_fields=row_changes)
        wanted = permissions[extension.identifier]
        if _permission_ids(row) != {p.pk for p in wanted}:
            row.permissions.set(wanted)  # type: ignore[attr-defined]
            row_changes.append("permissions")
        if row_changes:
            changes.append(
                f"extension {extension.identifier}: {', '.join(row_changes)}"
            )
            updated += 1
    for row in existing:  # extensions the spec no longer has
        row.delete()
        changes.append(f"extension {getattr(row, 'label', row.pk)}: removed")
    return created, updated, len(existing)


def _match(
    extension: ExtensionSpec, rows: list[Model], has_identifier: bool
) -> Model | None:
    """The row that is this extension: the one with its identifier where Saleor
    stores identifiers (3.24+), else the one on its mount (each of ours has its own)."""
    if has_identifier:
        for row in rows:
            if getattr(row, "identifier", None) == extension.identifier:
                return row
    for row in rows:
        if getattr(row, "mount", None) == extension.mount.value and not (
            has_identifier and getattr(row, "identifier", None)
        ):
            return row
    return None


def _create_extension(
    app: Model,
    extension: ExtensionSpec,
    rows: AppRows,
    fields: set[str],
    permissions: dict[str, list[Model]],
) -> None:
    row = rows.extension_model._default_manager.create(
        app=app, **_extension_values(extension, fields)
    )
    row.permissions.set(permissions[extension.identifier])  # type: ignore[attr-defined]


def uninstall(identifier: str, rows: AppRows) -> bool:
    """Delete every app with `identifier` (also one Saleor marked removed), its
    extensions and its tokens. The helpdesk's own rows stay (they point at apps with
    SET_NULL and keep the author's name)."""
    alias = router.db_for_write(rows.app_model)
    with transaction.atomic(using=alias):
        _lock(identifier, alias)
        app_ids = list(
            rows.app_model._default_manager.filter(identifier=identifier).values_list(
                "pk", flat=True
            )
        )
        if not app_ids:
            return False
        rows.extension_model._default_manager.filter(app_id__in=app_ids).delete()
        rows.token_model._default_manager.filter(app_id__in=app_ids).delete()
        for app in rows.app_model._default_manager.filter(pk__in=app_ids):
            app.delete()
    return True
