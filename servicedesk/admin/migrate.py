"""Copy a whole office database from an SQLite file into an empty PostgreSQL database (R-X-6).

Every row keeps its id and uuid (audit trail, tombstones, counters included); the derived
search indexes are rebuilt on the server afterwards. The copy runs in one transaction with the
foreign keys checked at COMMIT (the baseline declares them deferrable), so a failure leaves the
target as empty as it was. Afterwards the row count, the sum of the ids and the sum of every
numeric column (money, quantities, minutes) of each table are compared on both sides.
"""
from __future__ import annotations

import datetime as dt
import decimal
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import ServiceDeskError

# Tables the target fills itself (migrations) or that are derived data rebuilt after the copy.
NOT_COPIED = frozenset({"schema_migrations", "kb_request_indexed", "kb_request_terms",
                        "kb_index_state"})
# Written by the migrations of a new database (the shipped reference data of
# servicedesk/models/reference.py); replaced by the source's rows.
_OFFICE_TABLES = frozenset({"setting", "saved_filter"})  # reference.py, but the office's own


def reference_tables() -> list[str]:
    from ..models import ALL_MODELS

    return [m._meta.table_name for m in ALL_MODELS
            if m.__module__.endswith(".reference") and m._meta.table_name not in _OFFICE_TABLES] \
        + list(NEW_DATABASE_ROWS)


# Rows a migration writes into every new database: the office's own replace them (m0150: the
# database's identity, so the packs out still merge into the office after the move).
NEW_DATABASE_ROWS = ("database_identity",)
NUMERIC_TYPES = ("integer", "bigint", "smallint", "numeric")
Progress = Callable[[str, int, int], None]


class MigrateError(ServiceDeskError):
    """The copy was refused or did not verify; the target was left unchanged."""

    code = "admin.migrate"


@dataclass
class TableReport:
    table: str
    rows: int
    sums: dict[str, Any] = field(default_factory=dict)


@dataclass
class CopyReport:
    tables: list[TableReport]
    schema_version: int
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _derived(name: str) -> bool:
    return name in NOT_COPIED or "_fts" in name or name.endswith("_vocab") or \
        name.startswith("sqlite_")


def _sqlite_tables(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]


def _pg_columns(pg: Any) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table, column, dtype in pg.execute(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_name = c.table_name "
            "AND t.table_schema = c.table_schema "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "ORDER BY c.table_name, c.ordinal_position"):
        out.setdefault(table, {})[column] = dtype
    return out


def _converter(dtype: str) -> Callable[[Any], Any]:
    """SQLite's stored value → the Python value psycopg writes into a column of ``dtype``."""
    def none_or(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda v: None if v is None else fn(v)

    if dtype.startswith("timestamp"):
        return none_or(lambda v: v if isinstance(v, dt.datetime)
                       else dt.datetime.fromisoformat(str(v)))
    if dtype == "date":
        return none_or(lambda v: dt.date.fromisoformat(str(v)[:10]))
    if dtype.startswith("time"):
        return none_or(lambda v: dt.time.fromisoformat(str(v)))
    if dtype == "boolean":
        return none_or(lambda v: bool(int(v)))
    if dtype == "numeric":
        return none_or(lambda v: decimal.Decimal(str(v)))
    if dtype in ("integer", "bigint", "smallint"):
        return none_or(int)
    if dtype == "bytea":
        return none_or(bytes)
    return none_or(str)


def target_is_empty(db: Any) -> tuple[bool, str]:
    """(empty, first table with rows): only the reference data of a new database may exist."""
    for table in db.get_tables():
        if table in reference_tables() or _derived(table):
            continue
        if db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            return False, table
    return True, ""


def copy_database(source: str | Path, url: str, *, progress: Progress | None = None,
                  batch: int = 5000) -> CopyReport:
    """Copy the SQLite database ``source`` into the PostgreSQL database at ``url``.

    The source is first opened (and upgraded) by ServiceDesk, so both sides are at the same
    schema version. Refused when the target holds anything besides a new database's reference
    data. Returns what was copied, verified.
    """
    import time

    from ..db import close_database, open_database
    from ..models import database_proxy

    start = time.monotonic()
    source = Path(source)
    previous = database_proxy.obj
    src_db = open_database(source, create=False)
    version = src_db.info.schema_version
    src_db.close()
    pg_db = open_database(url)
    try:
        if pg_db.info.schema_version != version:
            raise MigrateError(f"schema versions differ: file {version}, server "
                               f"{pg_db.info.schema_version}", code="admin.migrate_versions")
        empty, table = target_is_empty(pg_db)
        if not empty:
            raise MigrateError(f"the target database is not empty (table {table} has rows)",
                               code="admin.migrate_not_empty", table=table)
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            reports = _copy_all(src, pg_db, progress, batch)
        finally:
            src.close()
        _rebuild_search(pg_db)
    finally:
        close_database()
        database_proxy.initialize(previous)
    return CopyReport(reports, version, time.monotonic() - start)


def _copy_all(src: sqlite3.Connection, pg_db: Any, progress: Progress | None,
              batch: int) -> list[TableReport]:
    conn = pg_db.connection()
    columns = _pg_columns(conn)
    tables = [t for t in _sqlite_tables(src) if not _derived(t)]
    missing = [t for t in tables if t not in columns]
    if missing:
        raise MigrateError(f"tables missing on the server: {', '.join(missing)}",
                           code="admin.migrate_schema", tables=", ".join(missing))
    reports: list[TableReport] = []
    with conn.transaction():
        conn.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in reference_tables():
            conn.execute(f'DELETE FROM "{table}"')
        for n, table in enumerate(tables):
            src_cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
            cols = [c for c in src_cols if c in columns[table]]
            extra = set(src_cols) - set(cols)
            if extra:
                raise MigrateError(f"{table}: columns missing on the server: {sorted(extra)}",
                                   code="admin.migrate_schema", tables=table)
            convert = [_converter(columns[table][c]) for c in cols]
            names = ", ".join(f'"{c}"' for c in cols)
            cur = src.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid')
            rows = 0
            with conn.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                while True:
                    chunk = cur.fetchmany(batch)
                    if not chunk:
                        break
                    for row in chunk:
                        copy.write_row([f(v) for f, v in zip(convert, row)])
                    rows += len(chunk)
            if "id" in cols:
                conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                             f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')
            reports.append(_verify(src, conn, table, cols, columns[table], rows))
            if progress:
                progress(table, n + 1, len(tables))
    return reports


def _verify(src: sqlite3.Connection, conn: Any, table: str, cols: list[str],
            types: dict[str, str], rows: int) -> TableReport:
    """Count and sums of the numeric columns, equal on both sides (else the copy rolls back)."""
    numeric = [c for c in cols if types[c] in NUMERIC_TYPES]
    sums_sql = ", ".join(f'SUM("{c}")' for c in numeric)
    select = "COUNT(*)" + (f", {sums_sql}" if numeric else "")
    theirs = src.execute(f'SELECT {select} FROM "{table}"').fetchone()
    ours = conn.execute(f'SELECT {select} FROM "{table}"').fetchone()
    sums: dict[str, Any] = {}
    if theirs[0] != ours[0] or ours[0] != rows:
        raise MigrateError(f"{table}: {theirs[0]} rows in the file, {ours[0]} copied",
                           code="admin.migrate_verify", table=table)
    for name, a, b in zip(numeric, theirs[1:], ours[1:]):
        a_dec = None if a is None else decimal.Decimal(str(a))
        b_dec = None if b is None else decimal.Decimal(str(b))
        if a_dec is not None and b_dec is not None and types[name] == "numeric":
            # SQLite sums decimals as floats: compare to the cent
            same = abs(a_dec - b_dec) < decimal.Decimal("0.01")
        else:
            same = a_dec == b_dec
        if not same:
            raise MigrateError(f"{table}.{name}: sum {a} in the file, {b} copied",
                               code="admin.migrate_verify", table=table)
        sums[name] = b
    return TableReport(table, rows, sums)


def _rebuild_search(pg_db: Any) -> None:
    """The KB search index is derived data: built on the server from the copied rows."""
    from ..search.index import rebuild_indexes

    rebuild_indexes(pg_db)
