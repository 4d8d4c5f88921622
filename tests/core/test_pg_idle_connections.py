"""Worker jobs on a PostgreSQL server reuse a few idle connections (issue 17: a new connection
costs several round trips across a VPN); the app's own thread closing the database closes all."""
from __future__ import annotations

import threading
import time

import pytest

from servicedesk.db import close_thread_connection, open_database
from servicedesk.pg import database as pgdb


def _backends(pg_cluster, dbname: str) -> int:
    """Server processes still serving ``dbname`` (one exits a moment after its client closed)."""
    deadline = time.monotonic() + 10
    while True:
        with pg_cluster.admin() as con:
            n = con.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                            (dbname,)).fetchone()[0]
        if n == 0 or time.monotonic() > deadline:
            return n
        time.sleep(0.05)


def _job(db, out: list) -> None:
    """What ui.workers does on a pool thread: read, then close this thread's connection."""
    out.append(db.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    close_thread_connection()


def _in_thread(fn, *args) -> None:
    t = threading.Thread(target=fn, args=args)
    t.start()
    t.join()


def test_worker_jobs_reuse_an_idle_connection_and_closing_closes_them(pg_cluster, pg_url):
    dbname = pg_url.split("/")[3].split("?")[0]
    db = open_database(pg_url)
    connects: list[str] = []
    hook = lambda sql: connects.append(sql) if sql == "CONNECT" else None  # noqa: E731
    pgdb.add_statement_hook(hook)
    try:
        pids: list[int] = []
        for _ in range(3):  # one job after the other, each on a new thread
            _in_thread(_job, db, pids)
        assert len(set(pids)) == 1 and connects == ["CONNECT"]
        # several at once: each has its own connection, at most IDLE_KEPT stay idle
        barrier = threading.Barrier(pgdb.IDLE_KEPT + 2)
        many: list[int] = []

        def together() -> None:
            barrier.wait()
            many.append(db.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
            barrier.wait()
            close_thread_connection()

        threads = [threading.Thread(target=together) for _ in range(pgdb.IDLE_KEPT + 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(set(many)) == pgdb.IDLE_KEPT + 2
        assert len(db._idle) == pgdb.IDLE_KEPT
    finally:
        pgdb.remove_statement_hook(hook)
    db.close()  # the app's own thread: every kept connection is closed too
    assert db._idle == []
    assert _backends(pg_cluster, dbname) == 0


def test_a_connection_left_in_a_transaction_is_not_kept(pg_url):
    db = open_database(pg_url)
    try:
        def leaves_a_transaction_open() -> None:
            db.execute_sql("SELECT 1")
            conn = db.connection()
            conn.execute("BEGIN")
            with pytest.raises(Exception):
                conn.execute("SELECT * FROM no_such_table")
            db._close(conn)  # what a failed job's forced close amounts to
            db._state.reset()

        _in_thread(leaves_a_transaction_open)
        assert db._idle == []
    finally:
        db.close()


def test_an_old_idle_connection_is_not_reused(pg_url, monkeypatch):
    db = open_database(pg_url)
    try:
        first: list[int] = []
        _in_thread(_job, db, first)
        monkeypatch.setattr(pgdb, "IDLE_MAX_S", -1.0)
        second: list[int] = []
        _in_thread(_job, db, second)
        assert first != second
    finally:
        db.close()
