"""Base model: uuid, timestamps, optimistic locking and the audit trail on every save."""
from __future__ import annotations

import datetime as dt
import decimal
import uuid as _uuid
from typing import Any

import peewee as pw

from .. import clock, context, uow
from ..errors import ConflictError, FieldChange

class DatabaseProxy(pw.DatabaseProxy):
    """peewee's proxy builds its transactions from peewee's own classes; ours hands them to the
    bound database, whose transactions are units of work (servicedesk.uow)."""

    def atomic(self, *args: Any, **kwargs: Any) -> Any:
        return self.obj.atomic(*args, **kwargs)

    def transaction(self, *args: Any, **kwargs: Any) -> Any:
        return self.obj.transaction(*args, **kwargs)

    def savepoint(self) -> Any:
        return self.obj.savepoint()

    def manual_commit(self) -> Any:
        return self.obj.manual_commit()


database_proxy = DatabaseProxy()


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

    Every write joins the running unit of work (:mod:`servicedesk.uow`), or opens one: the
    instance is remembered before it changes (put back if the transaction fails, COMMIT
    included) and the row is reported in the unit's change set. ``Model.update()`` queries bump
    ``version`` and write audit rows like ``save()``; ``Model.delete()`` queries (and
    ``delete_instance``) leave a :class:`Tombstone` per row. Fields listed in a model's
    ``Meta.unversioned`` are system bookkeeping (SLA keys, counters, last sign-in): an update of
    those alone is reported but neither bumps the version nor is audited.
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
        unversioned: frozenset[str] = frozenset()

    # -- optimistic locking -------------------------------------------------------------
    def save(self, force_insert: bool = False, only: Any = None) -> int:
        if _outside_unit(self._meta.database):
            return uow.perform(type(self).save, self, force_insert=force_insert, only=only).result
        uow.remember(self)
        if force_insert or self._pk is None:
            now = clock.now()
            if self.created_at is None:
                self.created_at = now
            self.updated_at = self.updated_at or now
            rows = super().save(force_insert=force_insert, only=only)
            uow.record(self._meta.table_name, self._pk, self.uuid, uow.CREATED,
                       (f.name for f in self._meta.sorted_fields))
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
        names -= _SYSTEM_FIELDS
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
        # A plain peewee update: the row is recorded and audited here, with the old values.
        rows = pw.ModelUpdate(model, values).where(
            (model.id == self._pk) & (model.version == expected)).execute()
        if rows == 0:  # pragma: no cover - the IMMEDIATE lock makes this unreachable
            raise ConflictError(model.__name__, self._pk)
        self.version = expected + 1
        self.updated_at = now
        uow.record(meta.table_name, self._pk, self.uuid, uow.UPDATED, changed)
        if getattr(meta, "audited", False):
            _audit(self, "update", {n: (current.get(n), v) for n, v in changed.items()})
        self._dirty.clear()
        return rows

    def delete_instance(self, recursive: bool = False, delete_nullable: bool = False) -> int:
        """Delete this row if nobody changed it since it was read (else ConflictError); the
        delete leaves a tombstone like every delete."""
        if _outside_unit(self._meta.database):
            return uow.perform(type(self).delete_instance, self, recursive=recursive,
                               delete_nullable=delete_nullable).result
        model = type(self)
        if recursive:
            for query, fk in self.dependencies(exclude_null_children=not delete_nullable):
                related = fk.model
                if fk.null and not delete_nullable:
                    related.update(**{fk.name: None}).where(query).execute()
                else:
                    related.delete().where(query).execute()
        rows = model.delete().where((model.id == self._pk) & (model.version == self.version)) \
            .execute()
        if rows == 0:
            exists = model.select(model.id).where(model.id == self._pk).exists()
            raise ConflictError(model.__name__, self._pk, deleted=not exists)
        return rows

    @classmethod
    def update(cls, __data: Any = None, **update: Any) -> "VersionedUpdate":
        return VersionedUpdate(cls, cls._normalize_data(__data, update))

    @classmethod
    def delete(cls) -> "TombstoneDelete":
        return TombstoneDelete(cls)

    @classmethod
    def insert(cls, __data: Any = None, **insert: Any) -> "RecordedInsert":
        return RecordedInsert(cls, cls._normalize_data(__data, insert))

    @classmethod
    def insert_many(cls, rows: Any, fields: Any = None) -> "RecordedInsert":
        return RecordedInsert(cls, insert=rows, columns=fields)

    def reload(self) -> "BaseModel":
        """A fresh copy of this row from the database."""
        return type(self).get_by_id(self._pk)


_SYSTEM_FIELDS = frozenset({"id", "version", "updated_at", "created_at", "uuid"})
_CHUNK = 500  # ids per IN (…) list


def _outside_unit(database: Any) -> bool:
    """True when no write transaction is running: the write must open its own unit of work."""
    return uow.current() is None and not database.in_transaction()


def _chunks(values: list, size: int = _CHUNK):
    for i in range(0, len(values), size):
        yield values[i:i + size]


class VersionedUpdate(pw.ModelUpdate):
    """``Model.update()``: bumps ``version`` (unless the query sets it), stamps ``updated_at``,
    writes audit rows for audited models and reports every row to the unit of work."""

    def _execute(self, database: Any) -> Any:
        if _outside_unit(database):
            return uow.run(self._execute, (database,), db=database).result
        model = self.model
        meta = model._meta
        values = dict(self._update)
        names = {(f.name if isinstance(f, pw.Field) else str(f)) for f in values}
        bookkeeping = names <= (_SYSTEM_FIELDS | set(getattr(meta, "unversioned", ())))
        if not bookkeeping:
            if "version" not in names:
                values[model.version] = model.version + 1
            if "updated_at" not in names:
                values[model.updated_at] = clock.now()
        audited = getattr(meta, "audited", False) and not bookkeeping
        watched = [meta.fields[n] for n in sorted(names - _SYSTEM_FIELDS) if n in meta.fields]
        before = list(model.select(model.id, model.uuid, *(watched if audited else []))
                      .where(self._where).tuples()) if self._where is not None else \
            list(model.select(model.id, model.uuid, *(watched if audited else [])).tuples())
        self._update = values
        result = super()._execute(database)
        if not before:
            return result
        fields = names - _SYSTEM_FIELDS
        for row in before:
            uow.record(meta.table_name, row[0], row[1], uow.UPDATED, fields)
        if audited and watched:
            after: dict[int, tuple] = {}
            ids = [row[0] for row in before]
            for part in _chunks(ids):
                for row in model.select(model.id, *watched).where(model.id.in_(part)).tuples():
                    after[row[0]] = row[1:]
            _audit_rows(meta.table_name, [
                (row[0], row[1], {f.name: (old, new)
                                  for f, old, new in zip(watched, row[2:], after.get(row[0], ()))
                                  if _differs(old, new)})
                for row in before])
        return result


class TombstoneDelete(pw.ModelDelete):
    """``Model.delete()``: one tombstone (table, uuid, when, who) per deleted row, each row
    reported to the unit of work and, for audited models, a "delete" audit row."""

    def _execute(self, database: Any) -> Any:
        if _outside_unit(database):
            return uow.run(self._execute, (database,), db=database).result
        model = self.model
        meta = model._meta
        query = model.select(model.id, model.uuid)
        if self._where is not None:
            query = query.where(self._where)
        doomed = list(query.tuples())
        result = super()._execute(database)
        if not doomed:
            return result
        if result != len(doomed):  # pragma: no cover - the write lock makes this unreachable
            gone = {r[0] for r in model.select(model.id).where(
                model.id.in_([d[0] for d in doomed])).tuples()}
            doomed = [d for d in doomed if d[0] not in gone]
        actor = context.current()
        now = clock.now()
        for part in _chunks(doomed):
            Tombstone.insert_many([
                dict(table_name=meta.table_name, record_id=rid, record_uuid=ruuid, deleted_at=now,
                     operator_id=actor.operator_id) for rid, ruuid in part]).execute()
        for rid, ruuid in doomed:
            uow.record(meta.table_name, rid, ruuid, uow.DELETED)
        if getattr(meta, "audited", False):
            _audit_rows(meta.table_name, [(rid, ruuid, None) for rid, ruuid in doomed])
        return result


class RecordedInsert(pw.ModelInsert):
    """``Model.insert()``/``insert_many()``: the new rows are reported to the unit of work (by
    id when one row is inserted, as a bulk change of the table otherwise)."""

    def _execute(self, database: Any) -> Any:
        if _outside_unit(database):
            return uow.run(self._execute, (database,), db=database).result
        result = super()._execute(database)
        table = self.model._meta.table_name
        if isinstance(self._insert, dict) and isinstance(result, int) and result:
            data = {(k.name if isinstance(k, pw.Field) else str(k)): v
                    for k, v in self._insert.items()}
            uow.record(table, result, data.get("uuid"), uow.CREATED, data)
        else:
            uow.record(table, None, None, uow.CREATED)
        return result


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


def _audit_rows(table: str, rows: list[tuple[int, str, dict[str, tuple[Any, Any]] | None]]) -> None:
    """Audit rows of a bulk write: ``(id, uuid, {field: (old, new)})`` per updated row, or
    ``(id, uuid, None)`` per deleted row."""
    actor = context.current()
    now = clock.now()
    out = []
    for rid, ruuid, changes in rows:
        base = dict(at=now, operator_id=actor.operator_id, table_name=table, record_id=rid,
                    record_uuid=ruuid)
        if changes is None:
            out.append(dict(base, action="delete", field=None, old_value=None, new_value=None))
        else:
            out.extend(dict(base, action="update", field=name, old_value=_fmt(old),
                            new_value=_fmt(new)) for name, (old, new) in changes.items())
    for part in _chunks(out, 200):
        AuditLog.insert_many(part).execute()


class Tombstone(pw.Model):
    """A deleted row: which table, which uuid, when and by whom — what an offline copy needs to
    learn that the row is gone (R-X-2)."""

    id = pw.AutoField()
    table_name = pw.CharField(max_length=64)
    record_id = pw.IntegerField()
    record_uuid = pw.CharField(max_length=32, index=True)
    deleted_at = pw.DateTimeField(default=clock.now, index=True)
    operator_id = pw.IntegerField(null=True)

    class Meta:
        database = database_proxy
        legacy_table_names = False
