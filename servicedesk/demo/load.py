"""Writing a demo database: bulk pragmas, indexes rebuilt afterwards, derived data, passwords."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from .. import clock
from ..db import open_database
from ..services import istat
from .builder import DemoBuilder, Progress
from .scales import SCALES

# Tables whose secondary indexes are dropped during the bulk load and rebuilt afterwards
# (measured on the large scale: 25 s of CREATE INDEX against 40 s of random B-tree inserts),
# except the indexes whose keys only grow as rows are written: keeping those costs less.
BULK_TABLES = ("service_request", "request_unit", "request_event", "intervention", "work_log",
               "kb_application", "ticket_movement")
APPEND_ONLY_INDEXES = ("_uuid", "_request_id", "_request_id_at", "_request_id_unit_id", "_number",
                       "_opened_at", "_intervention_id", "_by_id")
# Tables with full-text indexes of their own besides the bulk ones (trigrams of party names and
# serial numbers): filled once after the load rather than by a trigger per row.
INDEXED_TEXT_TABLES = ("party", "unit")

# -- public entry points --------------------------------------------------------------------------
def _bulk_mode(con: Any, on: bool, journal: str = "wal", shared: bool = False) -> None:
    """Fast, unsafe pragmas while the new file is written; the normal ones afterwards."""
    if on:
        for pragma in ("foreign_keys=OFF", "journal_mode=OFF", "synchronous=OFF",
                       "cache_size=-262144", "temp_store=MEMORY"):
            con.execute(f"PRAGMA {pragma}")
    else:
        for pragma in (f"journal_mode={journal}", f"synchronous={'FULL' if shared else 'NORMAL'}",
                       "cache_size=-64000", "foreign_keys=ON"):
            con.execute(f"PRAGMA {pragma}")


def _drop_indexes(con: Any, tables: Sequence[str]) -> list[str]:
    """Drop the indexes that rows arrive in random order for (rebuilt at the end, faster);
    keep those that only ever append (uuid, request id, number, opening time)."""
    marks = ",".join("?" * len(tables))
    found = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                        f"NULL AND tbl_name IN ({marks}) ORDER BY name", tuple(tables)).fetchall()
    dropped = []
    for name, sql in found:
        if name.endswith(APPEND_ONLY_INDEXES) and not name.startswith("ticket_movement"):
            continue
        con.execute(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def _suspend_fts_triggers(con: Any, tables: Sequence[str]) -> tuple[list[str], list[str]]:
    """External-content FTS tables over ``tables``, and the triggers that keep them in step.

    The triggers are dropped for the bulk load (one FTS 'rebuild' afterwards is far cheaper
    than a trigger per row); every other trigger stays and runs as usual.
    """
    fts = []
    for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                 "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"):
        match = re.search(r"\bcontent\s*=\s*['\"]?(\w+)", sql)
        if match and match.group(1) in tables:
            fts.append(name)
    triggers = []
    for name, table, sql in con.execute("SELECT name, tbl_name, sql FROM sqlite_master "
                                        "WHERE type = 'trigger'").fetchall():
        if table in tables and any(re.search(rf"\b{f}\b", sql) for f in fts):
            con.execute(f'DROP TRIGGER "{name}"')
            triggers.append(sql)
    return fts, triggers


def _derived_data(db: Any, progress: Progress | None, low: float, high: float) -> None:
    """What the services keep in step on every write and a raw load must compute: the stored
    SLA keys of open requests and the knowledge-base search indexes."""
    from ..search import index as search_index
    from ..services import sla

    sla.refresh_stored_keys(db, only_missing=True)

    def report(done: int, total: int) -> None:
        if progress:
            progress("search index", low + (high - low) * done / max(1, total))

    search_index.rebuild_indexes(db, report)


class PriorityRef(NamedTuple):
    """A priority as ``services.sla.sla_hours`` reads it (and its id)."""

    id: int
    response_hours: int
    resolution_hours: int


def _reference_ids(con: Any) -> dict[str, Any]:
    """Ids of the shipped reference rows the generator refers to, and the ISTAT figures as
    the renewal run reads them."""
    return {
        "activity": {c: (i, bool(b), bool(o), m) for i, c, b, o, m in con.execute(
            "SELECT id, code, billable, on_site, default_minutes FROM activity_type")},
        "problem_type": {c: i for i, c in con.execute("SELECT id, code FROM problem_type")},
        "priority": {c: PriorityRef(i, r, s) for i, c, r, s in con.execute(
            "SELECT id, code, response_hours, resolution_hours FROM priority")},
        "istat": istat.IstatTable(),
    }


def generate(path: str | os.PathLike, scale: str = "small", *, seed: int = 2026,
             today: dt.date | None = None, progress: Progress | None = None,
             overwrite: bool = False) -> dict[str, int]:
    """Create a new demo database at ``path`` and return the number of rows per table.

    Refuses (ValueError) to touch an existing non-empty file unless ``overwrite``. The
    connection is closed afterwards; open the file with ``servicedesk.db.open_database``.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (choose from {', '.join(SCALES)})")
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValueError(f"{path} is a folder, not a database file")
    if path.exists() and path.stat().st_size == 0 and not overwrite:
        # only a path that does not exist becomes a database (#14): an empty file may be a
        # mistake, or another program's file being written
        raise ValueError(f"{path} is an empty file: not replaced (use --force to write the demo into it)")
    if path.exists() and not overwrite:
        raise ValueError(f"{path} already exists (use --force to replace it)")
    if overwrite:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    today = today or clock.today()
    report = progress or (lambda stage, fraction: None)
    spec = SCALES[scale]
    db = open_database(path)
    ok = False
    try:
        con = db.connection()
        reference_ids = _reference_ids(con)
        _bulk_mode(con, True)
        indexes = _drop_indexes(con, BULK_TABLES)
        fts, triggers = _suspend_fts_triggers(con, (*BULK_TABLES, *INDEXED_TEXT_TABLES))
        # Measured on two cores: neither a writer thread (GIL hand-off per row) nor a writer
        # process (pickling, memory bandwidth) beats inserting from here.
        con.execute("BEGIN")
        counts = DemoBuilder(reference_ids, spec, seed, today, progress,
                             sink=con.executemany).run(share=0.6)
        con.execute("COMMIT")
        for n, sql in enumerate(indexes):
            report("indexes", 0.6 + 0.15 * n / len(indexes))
            con.execute(sql)
        report("full-text index", 0.75)
        for name in fts:
            con.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        for sql in triggers:
            con.execute(sql)
        _derived_data(db, progress, 0.76, 0.98)
        _demo_passwords(con)
        con.execute("PRAGMA analysis_limit=1000")
        con.execute("ANALYZE")
        _bulk_mode(con, False, db.info.journal_mode, db.shared)
        ok = True
        report("done", 1.0)
    finally:
        db.close()
        if not ok:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return counts


DEMO_PASSWORD = "demo"


def _demo_passwords(con) -> None:
    """Every demo operator signs in with the password ``demo`` (scrypt-hashed like any other;
    one hash serves them all, a shortcut only the demo takes)."""
    from ..services.auth import hash_password

    con.execute("UPDATE operator SET password_hash = ?", (hash_password(DEMO_PASSWORD),))


def ensure_demo_database(path: str | os.PathLike) -> Path:
    """The small demo database at ``path``, generated first if it does not exist yet."""
    path = Path(path).expanduser()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path, "small")
    return path

