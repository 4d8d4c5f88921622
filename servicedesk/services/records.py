"""Helpers shared by the registry services (parties, contacts, products, units)."""
from __future__ import annotations

from typing import TypeVar

from .. import context
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
