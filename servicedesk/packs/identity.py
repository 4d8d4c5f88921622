"""Which database is open: the office's own identity, or an offline pack and for whom."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import ServiceDeskError

INFO_TABLE = "pack_info"
BASE_TABLE = "pack_base"
PROVISIONAL_PREFIX = "TMP-"
_CACHE_ATTR = "_servicedesk_pack_info"
_MISSING = object()


class PackError(ServiceDeskError):
    """A pack cannot be prepared or merged, or an action is not available offline; ``code``
    says why (``packs.damaged``, ``packs.other_office``, ``packs.office_only`` …)."""

    code = "packs.error"


@dataclass(frozen=True)
class PackInfo:
    """What the pack says about itself (table ``pack_info``)."""

    pack_uuid: str
    office_uuid: str
    office_name: str
    operator_id: int
    operator_uuid: str
    operator_name: str
    operator_username: str
    prepared_at: dt.datetime
    prepared_by: str
    period_start: dt.date
    period_end: dt.date  # inclusive
    schema_version: int
    money: bool
    counts: dict[str, int] = field(default_factory=dict)
    format: int = 1

    @property
    def tag(self) -> str:
        """Four characters of the pack's id, in its provisional numbers (TMP-7F3A-0001)."""
        return self.pack_uuid[:4].upper()

    @classmethod
    def from_rows(cls, rows: dict[str, str]) -> "PackInfo":
        v = {k: json.loads(s) for k, s in rows.items()}
        return cls(pack_uuid=v["pack_uuid"], office_uuid=v["office_uuid"],
                   office_name=v.get("office_name", ""), operator_id=int(v["operator_id"]),
                   operator_uuid=v["operator_uuid"], operator_name=v["operator_name"],
                   operator_username=v.get("operator_username", ""),
                   prepared_at=dt.datetime.fromisoformat(v["prepared_at"]),
                   prepared_by=v.get("prepared_by", ""),
                   period_start=dt.date.fromisoformat(v["period_start"]),
                   period_end=dt.date.fromisoformat(v["period_end"]),
                   schema_version=int(v["schema_version"]), money=bool(v.get("money")),
                   counts=dict(v.get("counts", {})), format=int(v.get("format", 1)))

    def to_rows(self) -> dict[str, str]:
        values: dict[str, Any] = dict(
            format=self.format, pack_uuid=self.pack_uuid, office_uuid=self.office_uuid,
            office_name=self.office_name, operator_id=self.operator_id,
            operator_uuid=self.operator_uuid, operator_name=self.operator_name,
            operator_username=self.operator_username,
            prepared_at=self.prepared_at.isoformat(sep=" "), prepared_by=self.prepared_by,
            period_start=self.period_start.isoformat(), period_end=self.period_end.isoformat(),
            schema_version=self.schema_version, money=self.money, counts=self.counts)
        return {k: json.dumps(v) for k, v in values.items()}


def _db(db=None):
    if db is not None:
        return db
    from ..models import database_proxy

    return database_proxy.obj


def database_uuid(db=None) -> str:
    """The stable id of this database file (m0150): an office's, or a pack's own."""
    row = _db(db).execute_sql('SELECT "database_uuid" FROM "database_identity" '
                              'ORDER BY "id" LIMIT 1').fetchone()
    if row is None:  # pragma: no cover - m0150 writes it
        raise PackError("database without identity", code="packs.no_identity")
    return row[0]


def read_info(cursor_execute) -> PackInfo | None:
    """The pack's info through ``cursor_execute(sql, params)`` (peewee or sqlite3)."""
    exists = cursor_execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (INFO_TABLE,)).fetchone()
    if not exists:
        return None
    rows = dict(cursor_execute(f'SELECT "key", "value" FROM "{INFO_TABLE}"', ()).fetchall())
    return PackInfo.from_rows(rows)


def pack_info(db=None) -> PackInfo | None:
    """The open database's pack info, or None for an office database. Read once per database
    (a pack's info never changes on the laptop)."""
    db = _db(db)
    if db is None:
        return None
    cached = getattr(db, _CACHE_ATTR, _MISSING)
    if cached is not _MISSING:
        return cached
    if getattr(db, "dialect", "sqlite") != "sqlite":
        info = None  # packs are SQLite files
    else:
        info = read_info(lambda sql, params: db.execute_sql(sql, params))
    try:
        setattr(db, _CACHE_ATTR, info)
    except AttributeError:  # pragma: no cover - a database object without attributes
        pass
    return info


def is_pack(db=None) -> bool:
    return pack_info(db) is not None


def office_only(what: str, db=None) -> None:
    """Refuse ``what`` in an offline pack: it belongs to the office (the renewal run, the visit
    generation …), and doing it on a laptop would do it twice."""
    if is_pack(db):
        raise PackError(f"{what} is done in the office, not in an offline pack",
                        code="packs.office_only", what=what)


def provisional_number(table: str, column: str, db=None) -> str | None:
    """In a pack, the next provisional number for ``table.column`` (``TMP-7F3A-0001``), replaced
    by a real one at the merge; None in an office database."""
    info = pack_info(db)
    if info is None:
        return None
    prefix = f"{PROVISIONAL_PREFIX}{info.tag}-"
    top = _db(db).execute_sql(f'SELECT MAX("{column}") FROM "{table}" WHERE "{column}" LIKE ?',
                              (prefix + "%",)).fetchone()[0]
    last = int(top[len(prefix):]) if top and top[len(prefix):].isdigit() else 0
    return f"{prefix}{last + 1:04d}"


def is_provisional(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PROVISIONAL_PREFIX)
