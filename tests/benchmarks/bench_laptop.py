"""Laptop packs on the large database (#16): ``pack_export`` for one technician (≤ 10 s, size
reported) and ``pack_merge`` of 300 changed records, 50 new and 20 conflicts decided by rule
(≤ 3 s). Both run inside a rolled-back transaction of the cached database."""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path

from harness import Bench

CHANGED, NEW, CONFLICTS = 300, 50, 20


def _technician(db) -> int:
    """The technician with the most interventions in the coming 14 days."""
    from servicedesk import clock

    start = dt.datetime.combine(clock.today(), dt.time())
    row = db.execute_sql(
        "SELECT i.operator_id, count(*) AS n FROM intervention i JOIN operator o "
        "ON o.id = i.operator_id WHERE o.role = 'technician' AND i.planned_start >= ? "
        "AND i.planned_start < ? GROUP BY i.operator_id ORDER BY n DESC LIMIT 1",
        (start.isoformat(sep=" "), (start + dt.timedelta(days=14)).isoformat(sep=" "))).fetchone()
    return row[0]


def _laptop_edits(pack: Path) -> list[tuple[str, str, str]]:
    """Raw edits as the laptop's services would leave them: CHANGED rows changed (the first
    CONFLICTS of them to be changed in the office too), NEW work logs. Returns the conflicting
    (table, uuid, column)."""
    con = sqlite3.connect(pack)
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    plan = [("service_request", "final_report"), ("intervention", "report"),
            ("work_log", "notes"), ("request_event", "text"), ("kb_article", "solution")]
    edited: list[tuple[str, str, str]] = []
    for table, column in plan:
        left = CHANGED - len(edited)
        if left <= 0:
            break
        rows = con.execute(f"SELECT uuid FROM {table} ORDER BY id LIMIT ?", (left,)).fetchall()
        for (u,) in rows:
            con.execute(f"UPDATE {table} SET {column} = {column} || ' (on site)', "
                        "version = version + 1, updated_at = ? WHERE uuid = ?", (now, u))
            edited.append((table, u, column))
    cols = [r[1] for r in con.execute("PRAGMA table_info(work_log)")]
    template = con.execute(f"SELECT {', '.join(cols)} FROM work_log LIMIT 1").fetchone()
    top = con.execute("SELECT max(id) FROM work_log").fetchone()[0]
    for i in range(NEW):
        row = dict(zip(cols, template))
        row.update(id=top + 1 + i, uuid=uuid.uuid4().hex, notes=f"new on site {i}",
                   created_at=now, updated_at=now, version=1)
        con.execute(f"INSERT INTO work_log ({', '.join(cols)}) VALUES "
                    f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
    con.commit()
    con.close()
    assert len(edited) == CHANGED
    return edited[:CONFLICTS]


def benchmarks(env) -> list[Bench]:
    from servicedesk.packs.export import prepare_pack
    from servicedesk.packs.merge import merge_pack

    folder = Path(tempfile.mkdtemp(prefix="packs-"))
    operator_id = _technician(env.db)
    sizes: list[int] = []

    def export() -> None:
        target = folder / "export.sdpack"
        target.unlink(missing_ok=True)
        with env.rolled_back():
            result = prepare_pack(env.db, target, operator_id)
        sizes.append(result.size_bytes)
        export_bench.note = (f"operator {operator_id}: {result.records:,} records, "
                             f"{result.size_bytes / 1e6:.1f} MB pack "
                             f"({result.counts['kb_article']:,} KB articles, "
                             f"{result.counts['intervention']} interventions, "
                             f"{result.counts['service_request']} requests)")

    export_bench = Bench("pack_export", export, "≤ 10 s for one technician on the large DB "
                         "(size reported)", target_p95_ms=10_000, target_on="median", repeat=3,
                         warmup=0)

    merged = folder / "merge.sdpack"
    state: dict = {}

    def setup_merge() -> None:
        if state:
            return
        with env.rolled_back():
            prepare_pack(env.db, merged, operator_id)
        state["conflicts"] = _laptop_edits(merged)

    def merge() -> None:
        setup_merge()
        with env.rolled_back():
            for table, u, column in state["conflicts"]:  # the office changed them too
                env.db.execute_sql(f"UPDATE {table} SET {column} = {column} || ' (office)', "
                                   "version = version + 1 WHERE uuid = ?", (u,))
            report = merge_pack(merged, prefer="laptop")
            assert report.applied and len(report.conflicts) == CONFLICTS, report.summary_line()
            assert sum(report.created.values()) == NEW, report.summary_line()
            assert sum(report.updated.values()) == CHANGED, report.summary_line()
        merge_bench.note = report.summary_line()

    merge_bench = Bench("pack_merge", merge, f"≤ 3 s: {CHANGED} changed records, {NEW} new, "
                        f"{CONFLICTS} conflicts decided by rule", target_p95_ms=3_000,
                        target_on="median", repeat=5, warmup=1, setup=setup_merge)
    import atexit

    atexit.register(shutil.rmtree, folder, True)
    return [export_bench, merge_bench]
