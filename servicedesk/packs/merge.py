"""Bring a pack's work back into the office: by uuid, three-way per field, all or nothing.

``merge_pack(path, …)`` checks the pack (``PackFile``), then runs :class:`_Merger` as one unit
of work of the office database. For each merged table (parents first) every laptop row is
compared with its *base* (the value exported) and with the office row of the same uuid:

- changed on one side only → that side; on both sides to the same value → nothing to do;
- the same field changed on both sides to different values → a :class:`Conflict`, decided per
  field (``decisions`` from the review dialog, else ``prefer``); undecided ones stop the merge
  before anything is written (the report lists them);
- a new laptop row is inserted with its references translated uuid → office id; one that
  matches an office row on a unique key (a unit's product and serial, a customer's VAT number)
  is linked to that row; provisional numbers (TMP-…) become real ones;
- a laptop tombstone deletes the office row when the office did not change it (else conflict);
  a row deleted in the office but changed on the laptop is a conflict (restore or not).

Then, as if the work had been entered in the office: the SLA clocks of the requests the laptop
moved (``clocks``), the ticket debit of a request it closed (``services.tickets``), the KB
search index. Every write is audited with the technician as author; each decision adds a
``merge.office``/``merge.laptop`` audit row. A round is recorded with a fingerprint of the
laptop's changes, which makes a second merge of the same pack a no-op.
"""
from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import peewee as pw

from .. import clock, context, uow
from ..models import AuditLog, Operator, RequestEvent, ServiceRequest
from ..permissions import Permission, Role
from . import clocks as C
from . import tables as T
from .identity import PackError, database_uuid, is_pack, is_provisional
from .models import PackExport, PackRound, PackRoundRow
from .reader import PackFile

OFFICE, LAPTOP = "office", "laptop"
FIELD, DELETED_IN_OFFICE, DELETED_ON_LAPTOP = "field", "deleted_office", "deleted_laptop"
_CHUNK = 500


@dataclass
class Conflict:
    """The same thing changed on both sides: a field (``kind`` FIELD) or a whole record, deleted
    on one side and changed on the other. Values are for display (references as labels)."""

    table: str
    record_uuid: str
    label: str
    field: str  # "" for a whole record
    kind: str
    base: Any
    office: Any
    laptop: Any
    decision: str | None = None  # OFFICE or LAPTOP

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.record_uuid, self.field)


@dataclass
class MergeReport:
    """What a merge did (or would do): counts per table, conflicts, numbers given."""

    pack_uuid: str
    operator_name: str
    path: str
    dry_run: bool = False
    round: int = 1
    already_merged: bool = False
    applied: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    ignored: Counter = field(default_factory=Counter)
    linked: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[tuple[str, str, str]] = field(default_factory=list)
    numbers: list[tuple[str, str, str]] = field(default_factory=list)  # table, TMP-…, real
    conflicts: list[Conflict] = field(default_factory=list)
    fingerprint: str = ""
    seconds: float = 0.0

    @property
    def undecided(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.decision is None]

    @property
    def changes(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + \
            sum(self.deleted.values())

    @property
    def exit_code(self) -> int:
        """0 merged (or nothing to do), 1 conflicts left undecided."""
        return 1 if self.undecided else 0

    def summary_line(self) -> str:
        """One line for the command line and logs (English; the UI shows its own)."""
        if self.already_merged:
            return (f"pack {self.pack_uuid[:8]} of {self.operator_name}: already merged "
                    f"(round {self.round}), nothing to do")
        verb = "would merge" if self.dry_run or not self.applied else "merged"
        parts = [f"{sum(self.created.values())} new", f"{sum(self.updated.values())} updated",
                 f"{sum(self.deleted.values())} deleted"]
        if self.linked:
            parts.append(f"{len(self.linked)} linked to existing records")
        if self.numbers:
            parts.append(f"{len(self.numbers)} numbers given ("
                         + ", ".join(f"{a}→{b}" for _, a, b in self.numbers[:3])
                         + (", …" if len(self.numbers) > 3 else "") + ")")
        decided = len(self.conflicts) - len(self.undecided)
        parts.append(f"{len(self.conflicts)} conflicts ({decided} decided, "
                     f"{len(self.undecided)} left)")
        if sum(self.ignored.values()):
            parts.append(f"{sum(self.ignored.values())} office-only changes ignored")
        if self.dropped:
            parts.append(f"{len(self.dropped)} not merged")
        line = (f"pack {self.pack_uuid[:8]} of {self.operator_name}, round {self.round}: "
                f"{verb} " + ", ".join(parts))
        if self.undecided and not self.dry_run:
            line += " — nothing written: decide the conflicts (--prefer office|laptop)"
        return line


# -- values ------------------------------------------------------------------------------------
def _norm(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return value.normalize()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _raw_json(value: Any) -> Any:
    return {"$b": base64.b64encode(value).decode("ascii")} if isinstance(value, bytes) else value


def _raw_unjson(value: Any) -> Any:
    if isinstance(value, dict) and "$b" in value:
        return base64.b64decode(value["$b"])
    return value


@dataclass(frozen=True)
class _Field:
    name: str
    column: str
    field: pw.Field
    fk: T.ForeignKey | None


def _fields(table: str, pack_columns: list[str]) -> list[_Field]:
    model = T.model_of(table)
    fks = {fk.field: fk for fk in T.foreign_keys(table)}
    present = set(pack_columns)
    return [_Field(f.name, f.column_name, f, fks.get(f.name))
            for f in model._meta.sorted_fields
            if f.name not in T.SYSTEM_FIELDS and f.column_name in present]


class _Merger:
    """One merge, run inside the office's write transaction (or a read for a dry run)."""

    def __init__(self, pack: PackFile, *, decisions: dict[tuple[str, str, str], str],
                 prefer: str | None, dry_run: bool, new_round: bool,
                 progress: Callable[[str], None] | None = None) -> None:
        self.pack, self.info = pack, pack.info
        self.decisions, self.prefer = decisions, prefer
        self.dry_run, self.new_round = dry_run, new_round
        self.progress = progress or (lambda text: None)
        self.report = MergeReport(self.info.pack_uuid, self.info.operator_name, str(pack.path),
                                  dry_run=dry_run)
        self.pack_uuid_of: dict[str, dict[int, str]] = {}
        self.office_id_of: dict[str, dict[str, int | None]] = {}
        self.office_uuid_of: dict[str, dict[int, str | None]] = {}

    # -- checks ----------------------------------------------------------------------------
    def _check_office(self) -> None:
        db = ServiceRequest._meta.database
        if is_pack(db):
            raise PackError("the open database is itself a pack", code="packs.into_pack")
        if database_uuid(db) != self.info.office_uuid:
            raise PackError("pack prepared from another office database", code="packs.other_office",
                            office=self.info.office_name)
        from ..db import _applied

        newer = self.pack.migrations - _applied(db)
        if newer:
            raise PackError("pack written by a newer ServiceDesk", code="packs.newer_schema",
                            found=max(newer), supported=max(_applied(db)))
        op = Operator.get_or_none(Operator.uuid == self.info.operator_uuid)
        if op is None:
            raise PackError("the pack's operator is not in this database",
                            code="packs.operator_unknown", operator=self.info.operator_name)
        self.actor = context.Actor(op.id, Role(op.role), op.full_name)

    # -- id maps ---------------------------------------------------------------------------
    def pack_uuids(self, table: str) -> dict[int, str]:
        """id → uuid of the pack's rows of ``table`` (and of its exported rows deleted on the
        laptop), read when a reference to the table is first translated."""
        ids = self.pack_uuid_of.get(table)
        if ids is None:
            ids = self.pack_uuid_of[table] = dict(self.pack.con.execute(
                f'SELECT id, uuid FROM "{table}"').fetchall())
            for rid, record_uuid in self.pack.base_ids(table).items():
                ids.setdefault(rid, record_uuid)
        return ids

    def office_ids(self, table: str, uuids: Iterable[str]) -> None:
        """Fill ``office_id_of[table]`` for ``uuids`` (None: not in the office)."""
        known = self.office_id_of.setdefault(table, {})
        todo = [u for u in set(uuids) if u not in known]
        model = T.model_of(table)
        for i in range(0, len(todo), _CHUNK):
            part = todo[i:i + _CHUNK]
            found = dict(model.select(model.uuid, model.id).where(model.uuid.in_(part)).tuples())
            for u in part:
                known[u] = found.get(u)
                if found.get(u) is not None:
                    self.office_uuid_of.setdefault(table, {})[found[u]] = u

    def office_uuids(self, table: str, ids: Iterable[int]) -> None:
        known = self.office_uuid_of.setdefault(table, {})
        todo = [i for i in set(ids) if i is not None and i not in known]
        model = T.model_of(table)
        for i in range(0, len(todo), _CHUNK):
            part = todo[i:i + _CHUNK]
            found = dict(model.select(model.id, model.uuid).where(model.id.in_(part)).tuples())
            for x in part:
                known[x] = found.get(x)

    # -- canonical values: python values, references as uuids --------------------------------
    def canon_pack(self, f: _Field, raw: Any) -> Any:
        if raw is None:
            return None
        if f.fk is not None and f.fk.by_id:
            return self.pack_uuids(f.fk.target).get(raw, f"#{raw}")
        return _norm(f.field.python_value(raw))

    def canon_office(self, f: _Field, value: Any) -> Any:
        if value is None:
            return None
        if f.fk is not None and f.fk.by_id:
            return self.office_uuid_of.get(f.fk.target, {}).get(value, f"#office{value}")
        return _norm(value)

    def to_office(self, f: _Field, canon: Any) -> tuple[bool, Any]:
        """(resolved, value to write) for a canonical value."""
        if canon is None or f.fk is None or not f.fk.by_id:
            return True, canon
        self.office_ids(f.fk.target, [canon])
        oid = self.office_id_of[f.fk.target].get(canon)
        return oid is not None, oid

    # -- the laptop's changes ------------------------------------------------------------------
    def _diff(self, table: str, base: dict[str, dict], rows: dict[str, dict],
              tombs: list[tuple[str, str]], *, bookkeeping: bool = True
              ) -> tuple[dict[str, set[str]], set[str], set[str]]:
        """(changed columns per uuid, new uuids, deleted uuids) of ``table`` against ``base``;
        without ``bookkeeping`` the model's unversioned columns (sign-in state …) are left out."""
        skip = {"id", "version", "updated_at", "created_at"}
        if not bookkeeping:
            model = T.model_of(table)
            skip |= {model._meta.fields[n].column_name
                     for n in getattr(model._meta, "unversioned", ())}
        changed: dict[str, set[str]] = {}
        new: set[str] = set()
        for u, row in rows.items():
            b = base.get(u)
            if b is None:
                new.add(u)
                continue
            cols = {c for c, v in row.items() if c not in skip and c in b and b[c] != v}
            if cols:
                changed[u] = cols
        deleted = {u for u, _ in tombs if u in base and u not in rows}
        return changed, new, deleted

    def _fingerprint(self) -> str:
        digest = hashlib.sha256()
        for table in T.MERGED_TABLES:
            changed, new, deleted = self.original[table]
            rows = self.rows[table]
            for u in sorted(set(changed) | new):
                row = rows[u]
                cols = sorted(changed.get(u) or (set(row) - {"id"}))
                digest.update(json.dumps([table, u, [[c, _raw_json(row[c])] for c in cols]],
                                         default=str).encode())
            for u in sorted(deleted):
                digest.update(json.dumps(["-", table, u]).encode())
        return digest.hexdigest()

    def _round(self) -> PackRound | None:
        last = (PackRound.select().where(PackRound.pack_uuid == self.info.pack_uuid)
                .order_by(PackRound.round.desc()).first())
        fp = self.report.fingerprint
        if last is not None and last.fingerprint == fp:
            self.report.already_merged = True
            self.report.round = last.round
            return last
        if last is not None and not self.new_round:
            raise PackError("pack merged before and edited since", code="packs.edited_after_merge",
                            round=last.round, merged_at=last.merged_at)
        self.report.round = (last.round + 1) if last is not None else 1
        if last is not None:  # the base of this round: what the previous rounds merged
            for row in PackRoundRow.select().where(PackRoundRow.pack_uuid == self.info.pack_uuid):
                if row.table_name in self.bases:
                    data = {k: _raw_unjson(v) for k, v in json.loads(row.data).items()}
                    self.bases[row.table_name][row.record_uuid] = data
            for table, base in self.bases.items():  # a row put back as it was exported
                missing = set(base) - set(self.rows[table])
                if missing:
                    self.rows[table].update(self.pack.rows_of(table, missing))
        return None

    # -- the plan --------------------------------------------------------------------------
    def _decide(self, conflict: Conflict) -> Conflict:
        conflict.decision = self.decisions.get(conflict.key) or self.prefer
        self.report.conflicts.append(conflict)
        self.plans[conflict.table]["conflicted"].add(conflict.record_uuid)
        return conflict

    def _label(self, table: str, row: dict[str, Any]) -> str:
        if table == "work_log":
            return f"{row.get('work_date')} · {row.get('minutes')} min"
        if table == "intervention":
            return f"{row.get('planned_start') or ''}".strip() or row.get("uuid", "")[:8]
        if table == "request_event":
            return f"{row.get('at')} · {row.get('kind')}"
        for name in T.LABEL_COLUMNS:
            value = row.get(name)
            if value:
                return str(value)[:80]
        return str(row.get("uuid", ""))[:8]

    def _read_office(self, table: str, uuids: Iterable[str]) -> dict[str, dict[str, Any]]:
        model = T.model_of(table)
        out: dict[str, dict[str, Any]] = {}
        todo = list(uuids)
        for i in range(0, len(todo), _CHUNK):
            for row in model.select().where(model.uuid.in_(todo[i:i + _CHUNK])).dicts():
                out[row["uuid"]] = row
        for fk in T.foreign_keys(table):
            if fk.by_id:
                self.office_uuids(fk.target, (r.get(fk.field) for r in out.values()))
        self.office_id_of.setdefault(table, {}).update({u: r["id"] for u, r in out.items()})
        return out

    def _plan_table(self, table: str) -> None:
        changed, new, deleted = self.effective[table]
        rows, base = self.rows[table], self.bases[table]
        fields = self.fields[table]
        office = self._read_office(table, set(changed) | new | deleted)
        derived = T.DERIVED.get(table, frozenset())
        counters = T.COUNTERS.get(table, frozenset())
        plan = self.plans[table] = {"insert": [], "update": {}, "delete": [], "restore": [],
                                    "conflicted": set()}
        # New on the laptop and already in the office (an earlier round) without a base row:
        # compared with the office's values (the laptop's differences win).
        plan["insert"] = sorted(u for u in new if u not in office)
        for u in sorted(set(changed) | {u for u in new if u in office}):
            row, b, o = rows[u], base.get(u, {}), office.get(u)
            label = self._label(table, row)
            if o is None:  # deleted in the office, changed on the laptop
                c = self._decide(Conflict(table, u, label, "", DELETED_IN_OFFICE, None, None,
                                          label))
                if c.decision == LAPTOP:
                    plan["restore"].append(u)
                continue
            values: dict[str, Any] = {}
            for f in fields:
                if f.column not in row:
                    continue
                lv = self.canon_pack(f, row[f.column])
                bv = self.canon_pack(f, b.get(f.column)) if f.column in b else self.canon_office(
                    f, o.get(f.name))
                ov = self.canon_office(f, o.get(f.name))
                if lv == bv or lv == ov:
                    continue
                if f.name in derived:
                    continue  # replayed afterwards from the status history
                if f.name in counters:
                    values[f.name] = (ov or 0) + (lv or 0) - (bv or 0)
                    continue
                if ov == bv:
                    values[f.name] = lv
                    continue
                c = self._decide(Conflict(table, u, label, f.name, FIELD,
                                          self._shown(f, bv), self._shown(f, ov),
                                          self._shown(f, lv)))
                if c.decision == LAPTOP:
                    values[f.name] = lv
            if values:
                plan["update"][u] = values
        for u in sorted(deleted):
            o = office.get(u)
            if o is None:
                continue  # gone on both sides
            b = base[u]
            touched = any(self.canon_office(f, o.get(f.name)) != self.canon_pack(f, b.get(f.column))
                          for f in fields if f.column in b and f.name not in derived)
            if touched:
                label = self._label(table, {**{f.name: o.get(f.name) for f in fields},
                                            "uuid": u})
                c = self._decide(Conflict(table, u, label, "", DELETED_ON_LAPTOP, label, label,
                                          None))
                if c.decision != LAPTOP:
                    continue
            plan["delete"].append(u)
        self.office_rows[table] = office

    def _shown(self, f: _Field, canon: Any) -> Any:
        """A value for the review dialog: references by their label, not their uuid."""
        if canon is None or f.fk is None or not f.fk.by_id:
            return canon
        model = T.model_of(f.fk.target)
        row = model.select().where(model.uuid == canon).dicts().first() \
            or self.rows.get(f.fk.target, {}).get(canon)
        return self._label(f.fk.target, row) if row else canon

    # -- writing -----------------------------------------------------------------------------
    def _insert(self, table: str, u: str, deferred: list) -> None:
        model = T.model_of(table)
        row = self.rows[table][u]
        values: dict[str, Any] = {}
        for f in self.fields[table]:
            if f.column not in row:
                continue
            canon = self.canon_pack(f, row[f.column])
            ok, value = self.to_office(f, canon)
            if not ok:
                if canon in self.pending.get(f.fk.target, set()):
                    deferred.append((table, u, f, canon))  # inserted later (a cycle)
                    value = None
                    if not f.fk.null:  # pragma: no cover - no NOT NULL cycle in the schema
                        raise PackError("unresolvable reference", code="packs.integrity")
                elif f.fk.null:
                    value = None
                    self.report.dropped.append((table, self._label(table, row),
                                                f"{f.name}: deleted in the office"))
                else:
                    self.report.dropped.append((table, self._label(table, row),
                                                f"{f.name}: deleted in the office"))
                    self.pending.get(table, set()).discard(u)
                    return
            values[f.name] = value
        number_field = T.NUMBERED.get(table)
        provisional = bool(number_field) and is_provisional(values.get(number_field))
        existing = self._existing(table, {k: v for k, v in values.items()
                                          if not (provisional and k == number_field)})
        if table == "unit_ownership" and self.rows["unit_ownership"][u].get("unit_id") and \
                self.canon_pack(next(f for f in self.fields[table] if f.name == "unit"),
                                row.get("unit_id")) in self.linked_uuids:
            return  # the first owner of a unit that turned out to be the office's: it has one
        if existing is not None:
            self.linked_uuids.add(u)
            self.office_id_of[table][u] = existing
            self.office_uuid_of.setdefault(table, {}).setdefault(existing, u)
            self.report.linked.append((table, self._label(table, row)))
            self.pending.get(table, set()).discard(u)
            return
        if provisional:
            real = self._real_number(table, values)
            self.report.numbers.append((table, values[number_field], real))
            self.renumbered[values[number_field]] = real
            values[number_field] = real
        for name in ("created_at", "updated_at"):
            values[name] = T.model_of(table)._meta.fields[name].python_value(row.get(name)) \
                or clock.now()
        values["version"] = row.get("version") or 1
        values["uuid"] = u
        if table == "outbox_message":
            for name in ("subject", "body"):
                values[name] = self._renumber_text(values.get(name))
        meta = model._meta
        db = meta.database
        names = list(values)
        columns = ", ".join(f'"{meta.fields[n].column_name}"' for n in names)
        marks = ", ".join([db.param] * len(names))
        new_id = db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({marks}) '
                                'RETURNING "id"',
                                [meta.fields[n].db_value(values[n]) for n in names]).fetchone()[0]
        uow.record(table, new_id, u, uow.CREATED, names)
        self.office_id_of.setdefault(table, {})[u] = new_id
        self.office_uuid_of.setdefault(table, {})[new_id] = u
        self.pending.get(table, set()).discard(u)
        self.written[table].add(new_id)
        self.report.created[table] += 1
        if getattr(meta, "audited", False):
            self.audit_created.append(dict(at=clock.now(), operator_id=self.actor.operator_id,
                                           table_name=table, record_id=new_id, record_uuid=u,
                                           action="create"))

    def _real_number(self, table: str, values: dict[str, Any]) -> str:
        if table == "service_request":
            from ..services.requests import next_number

            opened = values.get("opened_at") or clock.now()
            return next_number(opened.year)
        from ..services.parties import next_party_code

        return next_party_code()

    def _renumber_text(self, text: Any) -> Any:
        if not isinstance(text, str):
            return text
        for old, new in self.renumbered.items():
            text = text.replace(old, new)
        return text

    def _existing(self, table: str, values: dict[str, Any]) -> int | None:
        """An office row that is the same thing (a unique or natural key): link, don't copy."""
        model = T.model_of(table)
        for key in T.unique_keys(table):
            if any(values.get(name) in (None, "") for name in key):
                continue
            query = model.select(model.id)
            for name in key:
                query = query.where(model._meta.fields[name] == values[name])
            found = query.scalar()
            if found is not None:
                return found
        return None

    def _update_table(self, table: str, items: dict[str, dict[str, Any]]) -> None:
        """The laptop's field changes of ``table``, in a few statements: rows changing the same
        fields share one ``executemany``; versions bumped, audited with the technician as
        author and reported to the unit of work like ``Model.update()`` does row by row."""
        model = T.model_of(table)
        meta = model._meta
        db = meta.database
        fields = {f.name: f for f in self.fields[table]}
        unversioned = set(getattr(meta, "unversioned", ()))
        audited = getattr(meta, "audited", False)
        now = clock.now()
        office = self.office_rows.get(table, {})
        groups: dict[tuple[tuple[str, ...], bool], list[list[Any]]] = {}
        audit: list[dict[str, Any]] = []
        for u, values in items.items():
            oid = self.office_id_of[table].get(u)
            data: dict[str, Any] = {}
            for name, canon in values.items():
                ok, value = self.to_office(fields[name], canon)
                if not ok:
                    self.report.dropped.append((table, u[:8], f"{name}: deleted in the office"))
                    continue
                data[name] = value
            if not data or oid is None:
                continue
            names = tuple(sorted(data))
            versioned = not set(names) <= unversioned
            groups.setdefault((names, versioned), []).append(
                [meta.fields[n].db_value(data[n]) for n in names] + [oid])
            uow.record(table, oid, u, uow.UPDATED, names)
            if audited and versioned:
                old = office.get(u, {})
                audit.extend(dict(at=now, operator_id=self.actor.operator_id, table_name=table,
                                  record_id=oid, record_uuid=u, action="update", field=n,
                                  old_value=_text(old.get(n)), new_value=_text(data[n]))
                             for n in names)
            self.written[table].add(oid)
            self.report.updated[table] += 1
        mark = db.param
        stamp = meta.fields["updated_at"].db_value(now)
        for (names, versioned), rows in groups.items():
            sets = ", ".join(f'"{meta.fields[n].column_name}" = {mark}' for n in names)
            if versioned:
                sets += f', "version" = "version" + 1, "updated_at" = {mark}'
                rows = [r[:-1] + [stamp, r[-1]] for r in rows]
            db.cursor().executemany(f'UPDATE "{table}" SET {sets} WHERE "id" = {mark}', rows)
        _insert_rows(AuditLog, audit)

    def _audit_decisions(self) -> None:
        rows = []
        now = clock.now()
        for c in self.report.conflicts:
            oid = self.office_id_of.get(c.table, {}).get(c.record_uuid)
            if oid is None:
                oid = 0
            old, new = c.office, (c.laptop if c.decision == LAPTOP else c.office)
            rows.append(dict(at=now, operator_id=self.actor.operator_id, table_name=c.table,
                             record_id=oid, record_uuid=c.record_uuid,
                             action=f"merge.{c.decision}", field=c.field or None,
                             old_value=_text(old), new_value=_text(new)))
        _insert_rows(AuditLog, rows)

    # -- as if entered in the office --------------------------------------------------------
    def _requests_after(self) -> None:
        from ..search import index as search_index
        from ..services import tickets
        from ..models import Contract, Priority

        events: dict[str, list[tuple[dt.datetime, str, str | None]]] = {}
        f_at = T.model_of("request_event")._meta.fields["at"]
        req_of = {f.name: f for f in self.fields["request_event"]}["request"]
        for u in self.plans.get("request_event", {}).get("insert", []):
            row = self.rows["request_event"][u]
            if self.office_id_of["request_event"].get(u) is None:
                continue
            if row.get("kind") in ("status", "answer"):
                req = self.canon_pack(req_of, row.get("request_id"))
                events.setdefault(req, []).append(
                    (f_at.python_value(row.get("at")), row.get("kind"), row.get("to_status")))
        status_kept = {c.record_uuid for c in self.report.conflicts
                       if c.table == "service_request" and c.field == "status"
                       and c.decision == OFFICE}
        new_requests = set(self.plans.get("service_request", {}).get("insert", []))
        touched = set(events) | set(self.plans.get("service_request", {}).get("update", {}))
        touched |= new_requests
        before = {u: r.get("status") for u, r in self.office_rows.get("service_request", {}).items()}
        self.office_ids("service_request", touched)
        ids = [i for i in (self.office_id_of["service_request"].get(u) for u in touched) if i]
        loaded: dict[int, ServiceRequest] = {}
        for i in range(0, len(ids), _CHUNK):
            loaded.update({r.id: r for r in ServiceRequest.select().where(
                ServiceRequest.id.in_(ids[i:i + _CHUNK]))})
        priorities = {p.id: p for p in Priority.select()}
        contracts: dict[int, Any] = {}
        for u in sorted(touched):
            oid = self.office_id_of["service_request"].get(u)
            if oid is None:
                continue
            request = loaded[oid]
            moves = [e for e in events.get(u, []) if e[1] == "answer" or u not in status_kept]
            if u in new_requests:
                state = C.ClockState(status=None, opened_at=request.opened_at)
            else:
                state = C.ClockState.of(self.office_rows["service_request"][u]) \
                    if u in self.office_rows.get("service_request", {}) else C.ClockState.of(request)
            C.advance(state, moves)
            if state.status != request.status:  # the office's status kept over the laptop's moves
                C.move(state, request.status, clock.now())
            priority = priorities[request.priority_id]
            contract = None
            if request.contract_id:
                if request.contract_id not in contracts:
                    contracts[request.contract_id] = Contract.get_by_id(request.contract_id)
                contract = contracts[request.contract_id]
            derived = C.finish(state, priority, contract)
            current = {k: getattr(request, k) for k in derived}
            diff = {k: v for k, v in derived.items() if _norm(v) != _norm(current[k])}
            if diff:
                ServiceRequest.update({ServiceRequest._meta.fields[k]: v for k, v in diff.items()}) \
                    .where(ServiceRequest.id == oid).execute()
                for k, v in diff.items():
                    setattr(request, k, v)
            was = before.get(u)
            if request.status == "closed" and was != "closed":
                movement = tickets.debit_for_request(request, override=True)
                if movement is not None and movement.override:
                    RequestEvent.create(request=oid, at=clock.now(), operator=self.actor.operator_id,
                                        kind="ticket_override",
                                        text=f"{movement.quantity} ticket(s)")
            elif was == "closed" and request.status != "closed":
                tickets.reverse_debit(request)
            search_index.index_request(oid)
        for aid in self.written.get("kb_article", set()):
            search_index.index_article(aid)

    # -- the whole merge -------------------------------------------------------------------
    def run(self) -> MergeReport:
        """The merge; run again from the start when the unit of work is retried (busy)."""
        t0 = time.perf_counter()
        self.report = MergeReport(self.info.pack_uuid, self.info.operator_name,
                                  str(self.pack.path), dry_run=self.dry_run)
        self.office_id_of, self.office_uuid_of = {}, {}
        self.merged_by = context.current().operator_id
        self._check_office()
        self.progress("read")
        self.bases, self.rows, self.original = {}, {}, {}
        self.tombs = {t: self.pack.tombstones(t) for t in T.EXPORT_ORDER}
        for table in T.EXPORT_ORDER:
            # only what the laptop touched reaches Python: rows that differ from their base,
            # new rows, and the exported values of those and of the deleted ones
            changed, new = self.pack.touched(table)
            deleted = {u for u, _ in self.tombs[table]}
            self.rows[table] = self.pack.rows_of(table, changed | new)
            self.bases[table] = self.pack.base_of(table, changed | deleted)
        for table in T.EXPORT_ORDER:
            diff = self._diff(table, self.bases[table], self.rows[table], self.tombs[table],
                              bookkeeping=table in T.MERGED_TABLES)
            if table in T.MERGED_TABLES:
                self.original[table] = diff
            elif table not in T.RECOMPUTED:
                n = len(diff[0]) + len(diff[1]) + len(diff[2])
                if n:
                    self.report.ignored[table] = n
        self.pack_uuid_of = {}
        self.report.fingerprint = self._fingerprint()
        if self._round() is not None:
            self.report.seconds = time.perf_counter() - t0
            return self.report  # the same pack again: nothing to do
        self.effective = {t: self._diff(t, self.bases[t], self.rows[t], self.tombs[t])
                          for t in T.MERGED_TABLES}
        self.fields = {t: _fields(t, self.pack.columns(t)) for t in T.MERGED_TABLES}
        self.plans: dict[str, dict] = {}
        self.office_rows: dict[str, dict] = {}
        self.progress("compare")
        with context.acting_as(self.actor):
            for table in T.MERGED_TABLES:
                self._plan_table(table)
            if self.dry_run or self.report.undecided:
                for table, plan in self.plans.items():
                    self.report.created[table] += len(plan["insert"]) + len(plan["restore"])
                    edited = (set(plan["update"]) | plan["conflicted"]) - set(plan["delete"]) \
                        - set(plan["restore"])
                    self.report.updated[table] += len(edited)
                    self.report.deleted[table] += len(plan["delete"])
                self.report.numbers = [(t, self.rows[t][u][T.NUMBERED[t]], "")
                                       for t in T.NUMBERED for u in self.plans[t]["insert"]
                                       if is_provisional(self.rows[t][u].get(T.NUMBERED[t]))]
                self.report.seconds = time.perf_counter() - t0
                return self.report
            self.progress("write")
            self._write()
        self.report.applied = True
        self.report.seconds = time.perf_counter() - t0
        return self.report

    def _write(self) -> None:
        self.written: dict[str, set[int]] = {t: set() for t in T.MERGED_TABLES}
        self.renumbered: dict[str, str] = {}
        self.linked_uuids: set[str] = set()
        self.audit_created: list[dict[str, Any]] = []
        self.pending = {t: set(p["insert"]) | set(p["restore"]) for t, p in self.plans.items()}
        deferred: list = []
        for table in T.MERGED_TABLES:
            for u in self.plans[table]["insert"] + self.plans[table]["restore"]:
                self._insert(table, u, deferred)
        for table, u, f, canon in deferred:
            ok, value = self.to_office(f, canon)
            oid = self.office_id_of[table].get(u)
            if ok and oid is not None:
                model = T.model_of(table)
                model.update({model._meta.fields[f.name]: value}).where(model.id == oid).execute()
        _insert_rows(AuditLog, self.audit_created)
        for table in T.MERGED_TABLES:
            if self.plans[table]["update"]:
                self._update_table(table, self.plans[table]["update"])
        for table in reversed(T.MERGED_TABLES):
            doomed = [self.office_id_of[table][u] for u in self.plans[table]["delete"]
                      if self.office_id_of[table].get(u) is not None]
            model = T.model_of(table)
            for i in range(0, len(doomed), _CHUNK):
                model.delete().where(model.id.in_(doomed[i:i + _CHUNK])).execute()
            self.report.deleted[table] += len(doomed)
        self._audit_decisions()
        self._requests_after()
        self._record_round()

    def _record_round(self) -> None:
        pack_uuid = self.info.pack_uuid
        keep = []
        for table in T.MERGED_TABLES:
            changed, new, _ = self.original[table]
            for u in set(changed) | new:
                row = self.rows[table][u]
                keep.append(dict(pack_uuid=pack_uuid, table_name=table, record_uuid=u,
                                 data=json.dumps({k: _raw_json(v) for k, v in row.items()})))
        for i in range(0, len(keep), _CHUNK):
            PackRoundRow.delete().where(
                PackRoundRow.pack_uuid == pack_uuid,
                PackRoundRow.record_uuid.in_([r["record_uuid"] for r in keep[i:i + _CHUNK]])
            ).execute()
        _insert_rows(PackRoundRow, keep)
        PackRound.create(pack_uuid=pack_uuid, round=self.report.round, merged_at=clock.now(),
                         merged_by=self.merged_by,
                         fingerprint=self.report.fingerprint, summary=self.report.summary_line())
        PackExport.update(status="merged", rounds=PackExport.rounds + 1,
                          last_merged_at=clock.now()).where(
            PackExport.pack_uuid == pack_uuid).execute()


def _insert_rows(model: type[pw.Model], rows: list[dict[str, Any]]) -> None:
    """Bookkeeping rows (audit, rounds) in one ``executemany``: peewee's insert_many spends
    longer building the SQL than SQLite writing the rows."""
    if not rows:
        return
    meta = model._meta
    db = meta.database
    names = list(rows[0])
    columns = ", ".join(f'"{meta.fields[n].column_name}"' for n in names)
    marks = ", ".join([db.param] * len(names))
    fields = [meta.fields[n] for n in names]
    db.cursor().executemany(f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})',
                            [[f.db_value(r.get(f.name)) for f in fields] for r in rows])


def _text(value: Any) -> str | None:
    from ..models.base import _fmt

    return _fmt(value)


def merge_pack(path: str | Path, *, decisions: dict[tuple[str, str, str], str] | None = None,
               prefer: str | None = None, dry_run: bool = False, new_round: bool = False,
               control: Any = None) -> MergeReport:
    """Merge the pack at ``path`` into the bound office database (see the module docstring).

    ``decisions`` maps (table, uuid, field) to OFFICE or LAPTOP; ``prefer`` decides the rest.
    With conflicts left undecided nothing is written and the report lists them; ``dry_run``
    never writes. Raises :class:`PackError` when the pack is refused (nothing changed)."""
    context.require(Permission.BOARD_EDIT)
    if prefer not in (None, OFFICE, LAPTOP):
        raise PackError(f"prefer must be office or laptop, not {prefer!r}", code="packs.prefer")

    def progress(text: str) -> None:
        if control is not None:
            control.check()
            control.progress(0, 0, text)

    with PackFile(path) as pack:
        merger = _Merger(pack, decisions=decisions or {}, prefer=prefer, dry_run=dry_run,
                         new_round=new_round, progress=progress)
        if dry_run:
            return merger.run()
        return uow.perform(merger.run).result
