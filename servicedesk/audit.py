"""Reading the audit trail: who changed which field of a record, when, old → new (R-X-1).

``BaseModel.save`` writes ``AuditLog`` rows for audited models (requests, interventions, work
logs, contracts). Here they are read back for display: operator names resolved, foreign keys
shown as the referenced record's name/number instead of a bare id, newest first.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

import peewee as pw

from .models import (ALL_MODELS, AuditLog, Contract, Intervention, Operator, ServiceRequest,
                     WorkLog)

# How a referenced record is named in the trail (first attribute that exists wins).
_LABEL_ATTRS = ("number", "full_name", "name_it", "name", "code", "title", "serial", "username")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    operator_id: int | None
    operator_name: str | None  # None: the system (demo, automatic renewal …)
    table_name: str
    record_id: int
    action: str  # create, update, delete
    field: str | None
    old_value: str | None
    new_value: str | None
    old_label: str | None = None  # display text for foreign keys ("Mario Rossi" for owner 5)
    new_label: str | None = None

    @property
    def old_display(self) -> str | None:
        return self.old_label if self.old_label is not None else self.old_value

    @property
    def new_display(self) -> str | None:
        return self.new_label if self.new_label is not None else self.new_value


def _model_for(table_name: str) -> type[pw.Model] | None:
    for model in ALL_MODELS:
        if model._meta.table_name == table_name:
            return model
    return None


def _label_of(row: pw.Model) -> str:
    for attr in _LABEL_ATTRS:
        value = getattr(row, attr, None)
        if value:
            return str(value)
    return f"#{row.id}"


def history(table_name: str, record_id: int, *, limit: int | None = 1000) -> list[AuditEntry]:
    """The trail of one record, newest first."""
    return records_history([(table_name, record_id)], limit=limit)


def records_history(records: Iterable[tuple[str, int]], *,
                    limit: int | None = 1000) -> list[AuditEntry]:
    """The trail of several records merged, newest first (a request with its interventions …)."""
    by_table: dict[str, list[int]] = {}
    for table, rid in records:
        by_table.setdefault(table, []).append(rid)
    if not by_table:
        return []
    cond = None
    for table, ids in by_table.items():
        part = (AuditLog.table_name == table) & (AuditLog.record_id.in_(ids))
        cond = part if cond is None else (cond | part)
    query = AuditLog.select().where(cond).order_by(AuditLog.at.desc(), AuditLog.id.desc())
    if limit:
        query = query.limit(limit)
    rows = list(query)
    return _resolve(rows)


def request_history(request_id: int, *, limit: int | None = 1000) -> list[AuditEntry]:
    """A request's trail together with its interventions' and work logs' (what the request
    panel shows)."""
    records = [(ServiceRequest._meta.table_name, request_id)]
    records += [(Intervention._meta.table_name, i) for (i,) in
                Intervention.select(Intervention.id).where(Intervention.request == request_id).tuples()]
    records += [(WorkLog._meta.table_name, i) for (i,) in
                WorkLog.select(WorkLog.id).where(WorkLog.request == request_id).tuples()]
    return records_history(records, limit=limit)


def contract_history(contract_id: int, *, limit: int | None = 1000) -> list[AuditEntry]:
    return history(Contract._meta.table_name, contract_id, limit=limit)


def _resolve(rows: list[AuditLog]) -> list[AuditEntry]:
    op_ids = {r.operator_id for r in rows if r.operator_id is not None}
    names = dict(Operator.select(Operator.id, Operator.full_name)
                 .where(Operator.id.in_(list(op_ids))).tuples()) if op_ids else {}
    # foreign-key values: collect ids per referenced model, fetch each model once
    wanted: dict[type[pw.Model], set[int]] = {}
    fk_of: dict[tuple[str, str], type[pw.Model]] = {}
    for r in rows:
        if r.action != "update" or not r.field:
            continue
        key = (r.table_name, r.field)
        if key not in fk_of:
            model = _model_for(r.table_name)
            field = model._meta.fields.get(r.field) if model else None
            fk_of[key] = field.rel_model if isinstance(field, pw.ForeignKeyField) else None
        rel = fk_of[key]
        if rel is None:
            continue
        for value in (r.old_value, r.new_value):
            if value is not None and value.lstrip("-").isdigit():
                wanted.setdefault(rel, set()).add(int(value))
    labels: dict[tuple[type[pw.Model], int], str] = {}
    for rel, ids in wanted.items():
        for row in rel.select().where(rel._meta.primary_key.in_(list(ids))):
            labels[(rel, row.id)] = _label_of(row)

    def label(rel: type[pw.Model] | None, value: str | None) -> str | None:
        if rel is None or value is None or not value.lstrip("-").isdigit():
            return None
        return labels.get((rel, int(value)), f"#{value}")

    out = []
    for r in rows:
        rel = fk_of.get((r.table_name, r.field or ""))
        out.append(AuditEntry(
            id=r.id, at=r.at, operator_id=r.operator_id,
            operator_name=names.get(r.operator_id) if r.operator_id is not None else None,
            table_name=r.table_name, record_id=r.record_id, action=r.action, field=r.field,
            old_value=r.old_value, new_value=r.new_value,
            old_label=label(rel, r.old_value), new_label=label(rel, r.new_value)))
    return out


def operator_activity(operator_id: int, *, since: dt.datetime | None = None,
                      limit: int = 500) -> list[AuditEntry]:
    """What one operator changed (for an administrator checking a workstation's work)."""
    query = AuditLog.select().where(AuditLog.operator_id == operator_id)
    if since is not None:
        query = query.where(AuditLog.at >= since)
    return _resolve(list(query.order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)))


def field_kind(table_name: str, field: str | None) -> str:
    """How a stored value should be shown: datetime, date, time, decimal, bool, int, fk or text."""
    model = _model_for(table_name)
    f = model._meta.fields.get(field) if (model and field) else None
    if f is None:
        return "text"
    if isinstance(f, pw.ForeignKeyField):
        return "fk"
    if isinstance(f, pw.DateTimeField):
        return "datetime"
    if isinstance(f, pw.DateField):
        return "date"
    if isinstance(f, pw.TimeField):
        return "time"
    if isinstance(f, pw.DecimalField):
        return "decimal"
    if isinstance(f, pw.BooleanField):
        return "bool"
    if isinstance(f, pw.IntegerField):
        return "int"
    return "text"
