"""Base model: uuid, timestamps, optimistic locking and the audit trail on every save."""
from __future__ import annotations

import datetime as dt
import decimal
import uuid as _uuid
from typing import Any

import peewee as pw

from .. import clock, context
from ..errors import ConflictError, FieldChange

database_proxy = pw.DatabaseProxy()


def new_uuid() -> str:
    return _uuid.uuid4().hex


class FixedDecimalField(pw.DecimalField):
    """A Decimal with a fixed number of places, rounded on write and quantized on read
    (SQLite's numeric affinity would otherwise hand back ``Decimal('1200')`` for 1200.00)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_round", True)
        kwargs.setdefault("rounding", decimal.ROUND_HALF_UP)
        super().__init__(*args, **kwargs)

    def python_value(self, value: Any) -> Any:
        value = super().python_value(value)
        if value is None:
            return None
        exp = decimal.Decimal(10) ** -self.decimal_places
        return value.quantize(exp, rounding=self.rounding)


class MoneyField(FixedDecimalField):
    """Euro amounts: Decimal with two places, never float."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)


class BaseModel(pw.Model):
    """Every table: integer key, ``uuid`` for sync, timestamps and a ``version`` for locking.

    ``save()`` on an existing row updates only if the stored version is still the one this
    instance was read with; otherwise it raises :class:`ConflictError` listing what differs.
    Models with ``audited = True`` in their Meta get one audit row per changed field.
    """

    id = pw.AutoField()
    uuid = pw.CharField(max_length=32, unique=True, default=new_uuid)
    created_at = pw.DateTimeField(default=clock.now)
    updated_at = pw.DateTimeField(default=clock.now)
    version = pw.IntegerField(default=1)

    class Meta:
        database = database_proxy
        legacy_table_names = False
        only_save_dirty = True
        audited = False

    # -- optimistic locking -------------------------------------------------------------
    def save(self, force_insert: bool = False, only: Any = None) -> int:
        if force_insert or self._pk is None:
            now = clock.now()
            if self.created_at is None:
                self.created_at = now
            self.updated_at = self.updated_at or now
            rows = super().save(force_insert=force_insert, only=only)
            if getattr(self._meta, "audited", False):
                _audit(self, "create", {})
            return rows
        return self._save_versioned(only)

    def _save_versioned(self, only: Any) -> int:
        model = type(self)
        meta = self._meta
        if only is not None:
            names = {f.name if isinstance(f, pw.Field) else f for f in only}
        elif self._dirty:
            names = set(self._dirty)
        else:
            names = {f.name for f in meta.sorted_fields}
        names -= {"id", "version", "updated_at", "created_at", "uuid"}
        db = meta.database
        with db.atomic():
            current = model.select().where(model.id == self._pk).dicts().get_or_none()
            if current is None:
                raise ConflictError(model.__name__, self._pk, deleted=True)
            if current["version"] != self.version:
                changes = [
                    FieldChange(f.name, current[f.name], self.__data__.get(f.name))
                    for f in meta.sorted_fields
                    if f.name not in {"version", "updated_at", "created_at"}
                    and _differs(current[f.name], self.__data__.get(f.name))
                ]
                raise ConflictError(model.__name__, self._pk, changes)
            changed = {n: self.__data__.get(n) for n in names
                       if _differs(current.get(n), self.__data__.get(n))}
            if not changed:
                self._dirty.clear()
                return 0
            expected = self.version
            now = clock.now()
            values = {meta.fields[n]: v for n, v in changed.items()}
            values[model.version] = expected + 1
            values[model.updated_at] = now
            rows = model.update(values).where(
                (model.id == self._pk) & (model.version == expected)).execute()
            if rows == 0:  # pragma: no cover - the IMMEDIATE lock makes this unreachable
                raise ConflictError(model.__name__, self._pk)
            self.version = expected + 1
            self.updated_at = now
            if getattr(meta, "audited", False):
                _audit(self, "update", {n: (current.get(n), v) for n, v in changed.items()})
            self._dirty.clear()
        return rows

    def reload(self) -> "BaseModel":
        """A fresh copy of this row from the database."""
        return type(self).get_by_id(self._pk)


def _norm(value: Any) -> Any:
    if isinstance(value, pw.Model):
        return value._pk
    if isinstance(value, decimal.Decimal):
        return value.normalize()
    return value


def _differs(a: Any, b: Any) -> bool:
    return _norm(a) != _norm(b)


def _fmt(value: Any) -> str | None:
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    value = _norm(value)
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    return str(value)


class AuditLog(pw.Model):
    """Who changed what and when: one row per changed field (R-X-1)."""

    id = pw.AutoField()
    at = pw.DateTimeField(default=clock.now, index=True)
    operator_id = pw.IntegerField(null=True)
    table_name = pw.CharField(max_length=64)
    record_id = pw.IntegerField()
    record_uuid = pw.CharField(max_length=32)
    action = pw.CharField(max_length=16)  # create, update, delete
    field = pw.CharField(max_length=64, null=True)
    old_value = pw.TextField(null=True)
    new_value = pw.TextField(null=True)

    class Meta:
        database = database_proxy
        legacy_table_names = False
        indexes = ((("table_name", "record_id"), False),)


def _audit(instance: BaseModel, action: str, changes: dict[str, tuple[Any, Any]]) -> None:
    actor = context.current()
    table = instance._meta.table_name
    base = dict(at=clock.now(), operator_id=actor.operator_id, table_name=table,
                record_id=instance._pk, record_uuid=instance.uuid, action=action)
    if not changes:
        AuditLog.insert(**base).execute()
        return
    AuditLog.insert_many([
        dict(base, field=name, old_value=_fmt(old), new_value=_fmt(new))
        for name, (old, new) in changes.items()
    ]).execute()
