"""Saved filters of the analysis (issue 7): name a filter set of a subject and reuse it.

A filter belongs to the operator who saved it, or is shared with everybody (``shared=True``).
Names are unique per subject and owner. Overwriting checks the version read (optimistic lock):
a filter changed meanwhile from another workstation raises ``ConflictError``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import context, dialect
from ..errors import ConflictError, FieldError, NotFound, PermissionDenied, ValidationError
from ..models import SavedFilter
from ..permissions import Permission
from ..queries.analysis import SUBJECTS, spec_from_json, spec_to_json, validate

MAX_NAME = 100


@dataclass(frozen=True)
class SavedFilterInfo:
    id: int
    subject: str
    name: str
    shared: bool
    mine: bool
    version: int


def _check_subject(subject: str) -> None:
    if subject not in SUBJECTS:
        raise ValidationError(FieldError("subject", "invalid_choice", {"value": subject}))


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(FieldError("name", "required"))
    if len(name) > MAX_NAME:
        raise ValidationError(FieldError("name", "too_long", {"max": MAX_NAME}))
    return name


def _visible(subject: str):
    me = context.current().operator_id
    owner = SavedFilter.operator_id.is_null() if me is None else (
        SavedFilter.operator_id.is_null() | (SavedFilter.operator_id == me))
    return SavedFilter.select().where(SavedFilter.subject == subject, owner)


def list_filters(subject: str) -> list[SavedFilterInfo]:
    """The filters the current operator can use for ``subject``: own and shared, by name."""
    context.require(Permission.ANALYSIS)
    _check_subject(subject)
    me = context.current().operator_id
    rows = _visible(subject).order_by(dialect.nocase_key(SavedFilter.name), SavedFilter.id)
    return [SavedFilterInfo(r.id, r.subject, r.name, r.operator_id is None,
                            r.operator_id == me, r.version) for r in rows]


def load(filter_id: int) -> tuple[SavedFilterInfo, Any]:
    """(info, spec) of a saved filter the current operator can see."""
    context.require(Permission.ANALYSIS)
    row = SavedFilter.get_or_none(SavedFilter.id == filter_id)
    me = context.current().operator_id
    if row is None or (row.operator_id is not None and row.operator_id != me):
        raise NotFound(f"saved filter {filter_id}")
    spec = spec_from_json(SUBJECTS[row.subject].spec_type, row.spec_json)
    info = SavedFilterInfo(row.id, row.subject, row.name, row.operator_id is None,
                           row.operator_id == me, row.version)
    return info, spec


def save(subject: str, name: str, spec: Any, *, shared: bool = False,
         replace_id: int | None = None, expected_version: int | None = None) -> SavedFilterInfo:
    """Save ``spec`` as ``name``. With ``replace_id`` the existing filter is overwritten (only
    if it is still at ``expected_version``). A new filter whose name is taken by another of
    the same owner raises ``saved_filter.name_taken``."""
    actor = context.require(Permission.ANALYSIS)
    _check_subject(subject)
    name = _clean_name(name)
    if not isinstance(spec, SUBJECTS[subject].spec_type):
        raise ValidationError(FieldError("spec", "invalid_choice", {"value": type(spec).__name__}))
    validate(spec)
    owner = None if shared else actor.operator_id
    text = spec_to_json(spec)
    db = SavedFilter._meta.database
    with db.atomic():
        clash = SavedFilter.select().where(
            SavedFilter.subject == subject, SavedFilter.name == name,
            SavedFilter.operator_id.is_null() if owner is None else SavedFilter.operator_id == owner)
        if replace_id is not None:
            clash = clash.where(SavedFilter.id != replace_id)
        if clash.exists():
            raise ValidationError(FieldError("name", "saved_filter.name_taken", {"name": name}))
        if replace_id is None:
            row = SavedFilter.create(subject=subject, name=name, spec_json=text, operator_id=owner)
        else:
            row = SavedFilter.get_or_none(SavedFilter.id == replace_id)
            if row is None:
                raise ConflictError("SavedFilter", replace_id, deleted=True)
            _check_owner(row, actor)
            if expected_version is not None:
                row.version = expected_version
            row.name, row.spec_json, row.operator_id = name, text, owner
            row.save()
    return SavedFilterInfo(row.id, subject, name, owner is None, owner == actor.operator_id,
                           row.version)


def _check_owner(row: SavedFilter, actor) -> None:
    # A shared filter may be changed by whoever may analyse; a private one only by its owner.
    if row.operator_id is not None and row.operator_id != actor.operator_id:
        raise PermissionDenied(Permission.ANALYSIS.value, actor.role.value)


def delete(filter_id: int, *, expected_version: int | None = None) -> None:
    actor = context.require(Permission.ANALYSIS)
    db = SavedFilter._meta.database
    with db.atomic():
        row = SavedFilter.get_or_none(SavedFilter.id == filter_id)
        if row is None:
            return  # already gone: what the user wanted
        _check_owner(row, actor)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError("SavedFilter", filter_id)
        row.delete_instance()
