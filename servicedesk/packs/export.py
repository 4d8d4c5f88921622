"""Prepare a pack: one SQLite file with the office's schema and one technician's work (#16).

The copy runs over one ``sqlite3`` connection to the office file with the pack attached, inside
one read transaction (a consistent snapshot; in WAL mode other workstations keep writing), in
SQL: ids selected into temporary tables, closed over their foreign keys, then copied table by
table. The pack is written under a ``.part`` name and renamed when complete, so a cancelled or
failed preparation never leaves a half pack under the chosen name.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
import uuid as _uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import clock, context
from ..permissions import Permission, Role, allowed
from . import tables as T
from .identity import BASE_TABLE, INFO_TABLE, PackError, PackInfo

DEFAULT_DAYS = 14
MAX_DAYS = 92
OPEN_INTERVENTIONS = ("planned", "in_progress")
# Nullable references to rows a pack does not carry are emptied rather than followed (a KB
# article's source request, a ticket movement's request: following them would pull in half
# the office).
NOT_FOLLOWED = frozenset({"service_request", "intervention", "request_event", "work_log"})
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass
class ExportResult:
    """What was written: for the summary the UI and the command line show."""

    pack_uuid: str
    path: Path
    size_bytes: int
    counts: dict[str, int]
    operator_name: str
    period_start: dt.date
    period_end: dt.date
    money: bool
    seconds: float
    earlier: list[dict[str, Any]] = field(default_factory=list)  # packs still out

    @property
    def records(self) -> int:
        return sum(self.counts.values())


Progress = Callable[[int, int, str], None]


class _Steps:
    """Progress in steps (tables), and the cancel check between them."""

    def __init__(self, control: Any, total: int) -> None:
        self.control, self.total, self.done = control, total, 0

    def __call__(self, text: str) -> None:
        if self.control is None:
            return
        self.control.check()
        self.done += 1
        self.control.progress(min(self.done, self.total), self.total, text)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA {schema}.table_info({_q(table)})")]


# -- the pack's schema: the office's own -------------------------------------------------------
def _create_schema(office: sqlite3.Connection, target: Path, pack_uuid: str) -> None:
    rows = office.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                          "ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in rows
               if kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = {v + s for v in virtual for s in _FTS_SHADOWS}
    pack = sqlite3.connect(str(target), isolation_level=None)
    try:
        pack.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        pack.execute("BEGIN")
        for kind, name, sql in rows:
            if name.startswith("sqlite_") or name in shadows:
                continue
            pack.execute(sql)
        for name in virtual:  # FTS options (the rank function of the request index)
            config = f"{name}_config"
            if office.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (config,)).fetchone():
                for key, value in office.execute(f"SELECT k, v FROM {_q(config)} "
                                                 "WHERE k != 'version'"):
                    pack.execute(f"INSERT INTO {_q(name)} ({_q(name)}, rank) VALUES (?, ?)",
                                 (key, value))
        pack.executemany("INSERT INTO schema_migrations (number, name, applied_at) VALUES (?,?,?)",
                         office.execute("SELECT number, name, applied_at FROM schema_migrations"))
        pack.execute("DELETE FROM database_identity")
        pack.execute("INSERT INTO database_identity (id, database_uuid, created_at) "
                     "VALUES (1, ?, ?)", (pack_uuid, clock.now().isoformat(sep=" ")))
        pack.execute(f"CREATE TABLE {INFO_TABLE} (key VARCHAR(40) NOT NULL PRIMARY KEY, "
                     "value TEXT NOT NULL)")
        pack.execute(f"CREATE TABLE {BASE_TABLE} (table_name VARCHAR(64) NOT NULL, "
                     "record_uuid VARCHAR(32) NOT NULL, version INTEGER NOT NULL, "
                     "data TEXT NOT NULL, PRIMARY KEY (table_name, record_uuid)) WITHOUT ROWID")
        version = office.execute("PRAGMA user_version").fetchone()[0]
        app_id = office.execute("PRAGMA application_id").fetchone()[0]
        pack.execute(f"PRAGMA user_version = {int(version)}")
        pack.execute(f"PRAGMA application_id = {int(app_id)}")
        pack.execute("COMMIT")
    finally:
        pack.close()


# -- what the pack holds -----------------------------------------------------------------------
def _select(con: sqlite3.Connection, operator_id: int, start: dt.datetime, end: dt.datetime,
            money: bool) -> None:
    """Fill temp tables ``x_<table>`` with the ids the pack carries (tables not in WHOLE)."""
    for table in T.EXPORT_ORDER:
        if table not in T.WHOLE:
            con.execute(f"CREATE TEMP TABLE {_q('x_' + table)} (id INTEGER PRIMARY KEY)")
    s, e = start.isoformat(sep=" "), end.isoformat(sep=" ")
    marks = ",".join("?" * len(OPEN_INTERVENTIONS))
    # The operator's interventions of the period, and the ones still open from before it.
    con.execute("INSERT INTO x_intervention SELECT id FROM main.intervention WHERE operator_id = ? "
                f"AND planned_start < ? AND (planned_start >= ? OR status IN ({marks}))",
                (operator_id, e, s, *OPEN_INTERVENTIONS))
    sql = [
        "INSERT OR IGNORE INTO x_service_request SELECT request_id FROM main.intervention "
        "WHERE id IN (SELECT id FROM x_intervention)",
        # the whole history of those requests: every intervention, event, unit, work log
        "INSERT OR IGNORE INTO x_intervention SELECT id FROM main.intervention "
        "WHERE request_id IN (SELECT id FROM x_service_request)",
        "INSERT INTO x_request_event SELECT id FROM main.request_event "
        "WHERE request_id IN (SELECT id FROM x_service_request)",
        "INSERT INTO x_request_unit SELECT id FROM main.request_unit "
        "WHERE request_id IN (SELECT id FROM x_service_request)",
        "INSERT INTO x_work_log SELECT id FROM main.work_log "
        "WHERE request_id IN (SELECT id FROM x_service_request)",
        "INSERT INTO x_kb_application SELECT id FROM main.kb_application "
        "WHERE request_id IN (SELECT id FROM x_service_request)",
        # the customers they touch, with their contacts and units
        "INSERT OR IGNORE INTO x_party SELECT customer_id FROM main.service_request "
        "WHERE id IN (SELECT id FROM x_service_request)",
        "INSERT INTO x_contact SELECT id FROM main.contact "
        "WHERE party_id IN (SELECT id FROM x_party)",
        "INSERT OR IGNORE INTO x_unit SELECT id FROM main.unit "
        "WHERE owner_id IN (SELECT id FROM x_party)",
        "INSERT OR IGNORE INTO x_unit SELECT unit_id FROM main.request_unit "
        "WHERE id IN (SELECT id FROM x_request_unit)",
        "INSERT INTO x_unit_ownership SELECT id FROM main.unit_ownership "
        "WHERE unit_id IN (SELECT id FROM x_unit)",
        # their contracts: the requests' own and the customers' active ones (a new request on
        # site may need them), with products, units and the ticket ledger
        "INSERT OR IGNORE INTO x_contract SELECT contract_id FROM main.service_request "
        "WHERE id IN (SELECT id FROM x_service_request) AND contract_id IS NOT NULL",
        "INSERT OR IGNORE INTO x_contract SELECT id FROM main.contract "
        "WHERE party_id IN (SELECT id FROM x_party) AND status = 'active' AND archived = 0",
        "INSERT INTO x_contract_product SELECT id FROM main.contract_product "
        "WHERE contract_id IN (SELECT id FROM x_contract)",
        "INSERT INTO x_contract_unit SELECT id FROM main.contract_unit "
        "WHERE contract_id IN (SELECT id FROM x_contract) "
        "AND unit_id IN (SELECT id FROM x_unit)",
        "INSERT INTO x_ticket_movement SELECT id FROM main.ticket_movement "
        "WHERE contract_id IN (SELECT id FROM x_contract)",
        "INSERT OR IGNORE INTO x_maintenance_plan SELECT maintenance_plan_id "
        "FROM main.intervention WHERE id IN (SELECT id FROM x_intervention) "
        "AND maintenance_plan_id IS NOT NULL",
    ]
    if money:
        sql += ["INSERT INTO x_instalment SELECT id FROM main.instalment "
                "WHERE contract_id IN (SELECT id FROM x_contract)",
                "INSERT INTO x_contract_renewal SELECT id FROM main.contract_renewal "
                "WHERE contract_id IN (SELECT id FROM x_contract)"]
    for statement in sql:
        con.execute(statement)
    _close_references(con)


def _close_references(con: sqlite3.Connection) -> None:
    """Add every row a carried row refers to (until nothing is missing), except the references
    in NOT_FOLLOWED, which the copy empties instead."""
    while True:
        added = 0
        for table in T.EXPORT_ORDER:
            carried = "" if table in T.WHOLE else \
                f"id IN (SELECT id FROM {_q('x_' + table)}) AND "
            for fk in T.foreign_keys(table):
                if not fk.by_id or fk.target in T.WHOLE or fk.target in NOT_FOLLOWED:
                    continue
                before = con.total_changes
                con.execute(f"INSERT OR IGNORE INTO {_q('x_' + fk.target)} "
                            f"SELECT DISTINCT {_q(fk.column)} FROM main.{_q(table)} "
                            f"WHERE {carried}{_q(fk.column)} IS NOT NULL")
                added += con.total_changes - before
        if not added:
            return


def _copy(con: sqlite3.Connection, table: str) -> int:
    cols = ", ".join(_q(c) for c in _columns(con, "pack", table))
    if table in T.WHOLE:
        where = ""
        if table == "setting":
            where = " WHERE key NOT IN (%s)" % ",".join("'%s'" % k for k in T.SETTINGS_LEFT_OUT)
    else:
        where = f" WHERE id IN (SELECT id FROM {_q('x_' + table)})"
    cur = con.execute(f"INSERT INTO pack.{_q(table)} ({cols}) SELECT {cols} "
                      f"FROM main.{_q(table)}{where}")
    return cur.rowcount


def _adjust(con: sqlite3.Connection, operator_id: int, money: bool) -> None:
    """What the laptop must not hold or cannot resolve."""
    # Only the technician signs in on the laptop: nobody else's password hash travels.
    con.execute("UPDATE pack.operator SET password_hash = '', failed_logins = 0, "
                "locked_until = NULL WHERE id != ?", (operator_id,))
    if not money:
        for table, names in T.MONEY_FIELDS.items():
            for name in names:
                con.execute(f"UPDATE pack.{_q(table)} SET {_q(name)} = 0")
    for table in T.EXPORT_ORDER:
        for fk in T.foreign_keys(table):
            if fk.by_id and fk.null and fk.target in NOT_FOLLOWED:
                con.execute(f"UPDATE pack.{_q(table)} SET {_q(fk.column)} = NULL "
                            f"WHERE {_q(fk.column)} IS NOT NULL AND {_q(fk.column)} NOT IN "
                            f"(SELECT id FROM pack.{_q(fk.target)})")


def _write_base(con: sqlite3.Connection) -> dict[str, list[str]]:
    """Every carried row's values as exported: the merge's base. Returns the columns."""
    columns: dict[str, list[str]] = {}
    for table in T.EXPORT_ORDER:
        cols = _columns(con, "pack", table)
        columns[table] = cols
        values = ", ".join(_q(c) for c in cols)
        con.execute(f"INSERT INTO pack.{BASE_TABLE} (table_name, record_uuid, version, data) "
                    f"SELECT ?, uuid, version, json_array({values}) FROM pack.{_q(table)}",
                    (table,))
    return columns


def base_digest(execute: Callable[..., Any]) -> str:
    """sha256 over the base rows, in key order: a damaged or edited base is refused. The rows
    are joined by SQLite (one string), hashed once."""
    row = execute(f"SELECT group_concat(line, char(30)) FROM (SELECT table_name || char(31) || "
                  f"record_uuid || char(31) || version || char(31) || data AS line FROM "
                  f"{BASE_TABLE} ORDER BY table_name, record_uuid)").fetchone()
    return hashlib.sha256((row[0] or "").encode("utf-8")).hexdigest()


# -- the whole preparation -------------------------------------------------------------------
def sees_money(role: str) -> bool:
    from ..permissions import MONEY

    try:
        return allowed(Role(role), MONEY)
    except ValueError:
        return False


def prepare_pack(db: Any, target: str | os.PathLike, operator_id: int, *,
                 start: dt.date | None = None, days: int = DEFAULT_DAYS,
                 control: Any = None) -> ExportResult:
    """Write the pack of ``operator_id`` for ``days`` days from ``start`` (default today) to
    ``target`` and record it in the office (``pack_export``). ``control`` (ui.workers.JobControl
    or anything with ``progress``/``check``) reports progress and cancels between steps."""
    from .models import PackExport

    actor = context.require(Permission.BOARD_EDIT)
    if getattr(db, "dialect", "sqlite") != "sqlite":
        raise PackError("packs are prepared from an SQLite office file", code="packs.sqlite_only")
    days = int(days)
    if not 1 <= days <= MAX_DAYS:
        raise PackError(f"days must be 1..{MAX_DAYS}", code="packs.days", min=1, max=MAX_DAYS)
    t0 = time.perf_counter()
    target = Path(target).expanduser()
    office_path = Path(db.info.path)
    if target.resolve() == office_path.resolve():
        raise PackError("the pack cannot replace the office database", code="packs.same_file",
                        path=str(target))
    if not target.parent.is_dir():
        raise PackError(f"folder {target.parent} does not exist", code="packs.no_folder",
                        path=str(target))
    start = start or clock.today()
    period_end = start + dt.timedelta(days=days - 1)
    begin = dt.datetime.combine(start, dt.time())
    end = dt.datetime.combine(start + dt.timedelta(days=days), dt.time())
    pack_uuid = _uuid.uuid4().hex
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    steps = _Steps(control, len(T.EXPORT_ORDER) + 6)
    con = sqlite3.connect(str(office_path), timeout=10, isolation_level=None)
    try:
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (INFO_TABLE,)).fetchone():
            raise PackError("this database is itself an offline pack", code="packs.from_pack")
        op = con.execute("SELECT id, uuid, full_name, username, role, active FROM operator "
                         "WHERE id = ?", (operator_id,)).fetchone()
        if op is None or not op[5]:
            raise PackError(f"operator {operator_id} not found or inactive",
                            code="packs.operator_unknown", operator=operator_id)
        money = sees_money(op[4])
        office_uuid = con.execute("SELECT database_uuid FROM database_identity ORDER BY id "
                                  "LIMIT 1").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        steps("schema")
        _create_schema(con, part, pack_uuid)
        con.execute("ATTACH DATABASE ? AS pack", (str(part),))
        con.execute("PRAGMA pack.synchronous = OFF")  # a .part file: made durable at the end
        con.execute("BEGIN")
        steps("select")
        _select(con, operator_id, begin, end, money)
        counts: dict[str, int] = {}
        for table in T.EXPORT_ORDER:
            if table in T.MONEY_TABLES and not money:
                counts[table] = 0
                continue
            steps(table)
            counts[table] = _copy(con, table)
        _adjust(con, operator_id, money)
        articles_indexed = _copy_article_index(con)
        steps("base")
        columns = _write_base(con)
        info = PackInfo(pack_uuid=pack_uuid, office_uuid=office_uuid, office_name=office_path.name,
                        operator_id=op[0], operator_uuid=op[1], operator_name=op[2],
                        operator_username=op[3], prepared_at=clock.now().replace(microsecond=0),
                        prepared_by=actor.name, period_start=start, period_end=period_end,
                        schema_version=int(version), money=money, counts=counts)
        rows = info.to_rows()
        rows.update({f"columns:{t}": json.dumps(c) for t, c in columns.items()})
        con.executemany(f"INSERT INTO pack.{INFO_TABLE} (key, value) VALUES (?, ?)", rows.items())
        con.execute("COMMIT")
        con.execute("DETACH DATABASE pack")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        con.close()
        part.unlink(missing_ok=True)
        raise
    con.close()
    try:
        steps("search index")
        _finish(part, articles_indexed)
        steps("check")
        _verify_and_seal(part)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    size = target.stat().st_size
    earlier = outstanding(operator_id, exclude=pack_uuid)
    from .. import uow

    def record() -> None:
        PackExport.create(pack_uuid=pack_uuid, operator_id=operator_id,
                          prepared_at=info.prepared_at, prepared_by=actor.operator_id,
                          period_start=start, period_end=period_end, file_name=str(target),
                          size_bytes=size, records=sum(counts.values()), status="out")

    uow.perform(record)
    steps("done")
    return ExportResult(pack_uuid, target, size, counts, op[2], start, period_end, money,
                        time.perf_counter() - t0, earlier)


def _copy_article_index(con: sqlite3.Connection) -> bool:
    """The whole KB travels with the same ids, so the office's article index (stemmed text, the
    costly part) is copied as it is — when it is current; False: rebuild it in the pack."""
    from ..search.text import FORMAT_VERSION

    state = dict(con.execute("SELECT key, value FROM main.kb_index_state").fetchall())
    articles = con.execute("SELECT count(*) FROM main.kb_article WHERE archived = 0").fetchone()[0]
    indexed = con.execute("SELECT count(*) FROM main.kb_article_fts").fetchone()[0]
    if state.get("format") != str(FORMAT_VERSION) or articles != indexed:
        return False
    con.execute("INSERT INTO pack.kb_article_fts (rowid, title, symptoms, cause, solution, tags) "
                "SELECT rowid, title, symptoms, cause, solution, tags FROM main.kb_article_fts")
    con.executemany("INSERT OR REPLACE INTO pack.kb_index_state (key, value) VALUES (?, ?)",
                    [("format", str(FORMAT_VERSION)), ("articles_gen", "1")])
    return True


def _finish(part: Path, articles_indexed: bool) -> None:
    """The KB search indexes of the pack: the articles' (when not copied) and the pack's
    requests', rebuilt with the office's own code."""
    import peewee as pw

    from ..search.index import rebuild_article_index, rebuild_request_index

    pdb = pw.SqliteDatabase(str(part), pragmas=[("foreign_keys", 0)])
    try:
        pdb.connect()
        if not articles_indexed:
            rebuild_article_index(pdb)
        rebuild_request_index(pdb)
    finally:
        pdb.close()


def _verify_and_seal(part: Path) -> None:
    """Every reference resolves; the base digest written; statistics; durable on disk."""
    con = sqlite3.connect(str(part), isolation_level=None)
    try:
        broken = con.execute("PRAGMA foreign_key_check").fetchmany(5)
        if broken:  # pragma: no cover - a bug in the selection, never silently shipped
            raise PackError(f"pack references missing rows: {broken}", code="packs.incomplete")
        digest = base_digest(lambda sql: con.execute(sql))
        con.execute(f"INSERT INTO {INFO_TABLE} (key, value) VALUES ('base_digest', ?)",
                    (json.dumps(digest),))
        con.execute("ANALYZE")
    finally:
        con.close()
    fd = os.open(str(part), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def outstanding(operator_id: int, exclude: str | None = None) -> list[dict[str, Any]]:
    """Packs of ``operator_id`` prepared here and not merged back yet (newest first)."""
    from .models import PackExport

    query = (PackExport.select().where(PackExport.operator_id == operator_id,
                                       PackExport.status == "out")
             .order_by(PackExport.prepared_at.desc()))
    if exclude:
        query = query.where(PackExport.pack_uuid != exclude)
    return [dict(pack_uuid=p.pack_uuid, prepared_at=p.prepared_at, period_start=p.period_start,
                 period_end=p.period_end, file_name=p.file_name) for p in query]
