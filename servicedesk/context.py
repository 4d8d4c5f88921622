"""Who is acting: the operator and role behind every core call (audit trail and permissions)."""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass
from typing import Iterator

from .permissions import Role, Permission, allowed
from .errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    """The signed-in operator. ``operator_id`` is ``None`` for the system (demo, renewal run)."""

    operator_id: int | None
    role: Role = Role.ADMIN
    name: str = "system"
    # granted beyond the role: the technician on the road with an offline pack (#16)
    extra: frozenset[Permission] = frozenset()

    def can(self, permission: Permission) -> bool:
        return permission in self.extra or allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(permission.value, self.role.value)


SYSTEM = Actor(operator_id=None, role=Role.ADMIN, name="system")

# The signed-in operator of this process (the UI's sign-in sets it): worker threads act as
# this operator too, not as the system. ``acting_as`` overrides it locally (context variable).
_signed_in: Actor = SYSTEM
_current: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("servicedesk_actor",
                                                                        default=None)


def current() -> Actor:
    local = _current.get()
    return local if local is not None else _signed_in


def set_actor(actor: Actor) -> None:
    """Make ``actor`` the one acting from now on in this process, every thread included
    (the UI does this at sign-in)."""
    global _signed_in
    _signed_in = actor
    _current.set(None)


@contextlib.contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def require(permission: Permission) -> Actor:
    """Refuse the call unless the current actor may do ``permission``; returns the actor."""
    actor = current()
    actor.require(permission)
    return actor


def require_own(permission_any: Permission, permission_own: Permission,
                owner_operator_id: int | None) -> Actor:
    """Allow ``permission_any`` on every record, or ``permission_own`` on the actor's own records
    (a technician edits only his own interventions and work logs)."""
    actor = current()
    if actor.can(permission_any):
        return actor
    if actor.can(permission_own) and owner_operator_id is not None \
            and owner_operator_id == actor.operator_id:
        return actor
    raise PermissionDenied(permission_own.value if actor.can(permission_own) else permission_any.value,
                           actor.role.value if isinstance(actor.role, Role) else str(actor.role))
