"""Structured errors raised by the core; the UI translates their codes into messages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ServiceDeskError(Exception):
    """Base of every error the core raises on purpose.

    ``code`` is a stable identifier (``"db.newer_schema"``) that the UI maps to a translated
    message; ``params`` fill that message.  ``str(err)`` is an English fallback.
    """

    code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **params: Any) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code
        self.params = params


class DatabaseOpenError(ServiceDeskError):
    """The database file cannot be opened: missing, not a database, corrupt, read-only, newer."""

    code = "db.open"


class DatabaseBusyError(ServiceDeskError):
    """Another workstation held the write lock for longer than we are willing to wait."""

    code = "db.busy"


@dataclass
class FieldError:
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


class ValidationError(ServiceDeskError):
    """One or more fields are invalid; nothing was written."""

    code = "validation"

    def __init__(self, errors: list[FieldError] | FieldError | str, **params: Any) -> None:
        if isinstance(errors, str):
            errors = [FieldError("", errors, params)]
        elif isinstance(errors, FieldError):
            errors = [errors]
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.field}: {e.code}" for e in self.errors), **params)


@dataclass
class FieldChange:
    field: str
    theirs: Any
    mine: Any


class ConflictError(ServiceDeskError):
    """The record was changed by someone else since it was read (optimistic locking)."""

    code = "conflict"

    def __init__(self, model: str, record_id: int, changes: list[FieldChange] | None = None,
                 deleted: bool = False) -> None:
        self.model = model
        self.record_id = record_id
        self.changes = changes or []
        self.deleted = deleted
        what = "deleted" if deleted else ", ".join(c.field for c in self.changes) or "version"
        super().__init__(f"{model} #{record_id} was changed by someone else ({what})")


class PermissionDenied(ServiceDeskError):
    """The signed-in operator's role does not allow this action."""

    code = "permission"

    def __init__(self, permission: str, role: str) -> None:
        self.permission = permission
        self.role = role
        super().__init__(f"role {role!r} may not {permission}", permission=permission, role=role)


class NotFound(ServiceDeskError):
    code = "not_found"
