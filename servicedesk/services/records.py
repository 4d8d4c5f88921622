"""Helpers shared by the registry services (parties, contacts, products, units, plans)."""
from __future__ import annotations

from typing import TypeVar

from .. import context
from ..errors import ConflictError
from ..models import BaseModel
from ..permissions import Permission

R = TypeVar("R", bound=BaseModel)


def set_archived(record: R, archived: bool, permission: Permission) -> R:
    """Archive (or restore) a record that history refers to: it is never deleted. The save is
    optimistic-locked like any edit."""
    context.require(permission)
    record.archived = archived
    with type(record)._meta.database.atomic():
        record.save()
    return record


def stored(model: type[R], record_id: int, expected_version: int) -> R:
    """The stored row, read inside the caller's unit of work, carrying the version the user
    saw: its save raises ConflictError (naming what differs) when someone saved in between.
    A row deleted meanwhile is a conflict too."""
    row = model.get_or_none(model.id == record_id)
    if row is None:
        raise ConflictError(model.__name__, record_id, deleted=True)
    if row.version != expected_version:
        row.version = expected_version
    return row
