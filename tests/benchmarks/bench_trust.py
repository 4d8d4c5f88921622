"""Trust benchmarks (#14): ``db_open_check``, the damage check run on every open before anything
is written (the bounded check on the 1.4 GB file: header, schema, both ends of every b-tree)."""
from __future__ import annotations

import sqlite3

from harness import Bench


def benchmarks(env) -> list[Bench]:
    from servicedesk import db as dbmod

    def open_check() -> None:
        state = dbmod._inspect(env.path)
        assert state.check == "bounded"

    def bare() -> None:  # what opening read-only and reading the version costs anyway
        con = sqlite3.connect(f"file:{env.path.as_posix()}?mode=ro", uri=True)
        con.execute("PRAGMA user_version").fetchone()
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.close()

    return [Bench("db_open_check", open_check, "p95 ≤ 50 ms on the 1.4 GB file (part of the start-up)",
                  target_p95_ms=50, limit=bare, repeat=20, warmup=2,
                  note="the whole integrity check runs in the background after opening")]
