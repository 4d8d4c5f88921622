"""Several workstations on one PostgreSQL database: 10 writer processes × 300 transactions on
the same records plus readers — no error reaches the caller, no update is lost (R-X-1, R-X-6,
issue 17). The same writers and readers as the SQLite test (test_contention), on a URL."""
from __future__ import annotations

import multiprocessing as mp
import statistics
import threading
import time
from decimal import Decimal

import pytest

from tests.core.test_contention import percentile, reader, writer

WRITERS = 10
TRANSACTIONS = 300
READERS = 2
RECORDS = 3


def _prepare(url: str) -> list[int]:
    import datetime as dt

    from servicedesk.db import open_database
    from servicedesk.models import Contract, Party, Province

    database = open_database(url)
    party = Party.create(code="C1", name="Officina Meccanica Brambilla",
                         province=Province.get(code="MI"))
    ids = [Contract.create(number=f"CT-{i}", party=party, title="Assistenza", status="active",
                           start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                           term_end=dt.date(2026, 12, 31), amount=Decimal("100.00")).id
           for i in range(RECORDS)]
    database.close()
    return ids


def run_pg_contention(url: str, *, writers: int = WRITERS, transactions: int = TRANSACTIONS,
                      readers: int = READERS) -> dict:
    """The scenario on the database at ``url`` (migrated, empty); figures and final state."""
    ids = _prepare(url)
    ctx = mp.get_context("spawn")
    queue, stop = ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=writer, args=(url, False, w, transactions, ids, queue))
             for w in range(writers)]
    procs += [ctx.Process(target=reader, args=(url, False, stop, queue)) for _ in range(readers)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    results = [queue.get(timeout=1200) for _ in range(writers)]
    stop.set()
    results += [queue.get(timeout=120) for _ in range(readers)]
    for p in procs:
        p.join(timeout=60)
    wall = time.perf_counter() - t0
    import psycopg

    with psycopg.connect(url) as con:
        total, versions = con.execute("SELECT SUM(amount), SUM(version - 1) FROM contract"
                                      ).fetchone()
        audited = con.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'contract' "
                              "AND action = 'update' AND field = 'amount'").fetchone()[0]
        tickets = con.execute("SELECT COALESCE(SUM(quantity), 0) FROM ticket_movement"
                              ).fetchone()[0]
    wr = [r for r in results if "worker" in r]
    rd = [r for r in results if "reader" in r]
    expected = Decimal("100.00") * len(ids) + writers * transactions
    return {"errors": [e for r in results for e in r["errors"]],
            "exitcodes": [p.exitcode for p in procs], "done": sum(r["done"] for r in wr),
            "total": total, "expected_total": expected, "lost": expected - total,
            "versions": versions, "audited": audited, "tickets": tickets,
            "credited": sum(r["credited"] for r in wr), "reads": sum(r["reads"] for r in rd),
            "conflicts": sum(r["conflicts"] for r in wr),
            "latencies": sorted(x for r in wr for x in r["latencies"]), "wall_s": wall}


@pytest.mark.slow
def test_ten_writers_and_readers_lose_nothing(pg_url):
    r = run_pg_contention(pg_url)
    assert r["errors"] == []  # nothing reached the caller: no lock error, no serialization failure
    assert r["exitcodes"] == [0] * (WRITERS + READERS)
    assert r["done"] == WRITERS * TRANSACTIONS
    assert r["total"] == r["expected_total"]  # no lost update
    assert r["versions"] == WRITERS * TRANSACTIONS and r["audited"] == WRITERS * TRANSACTIONS
    assert r["tickets"] == r["credited"]
    assert r["reads"] > 0
    lat = r["latencies"]
    print(f"\npostgresql: {r['wall_s']:.1f} s, conflicts retried {r['conflicts']}, "
          f"p50 {statistics.median(lat):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms")


def test_a_held_write_lock_is_waited_for_visibly_then_written(pg_url):
    """Another workstation in a long write transaction: the unit of work waits, says "busy",
    and writes once the lock is free; past the deadline a clear busy error, nothing written."""
    import psycopg

    from servicedesk import retry, uow
    from servicedesk.db import open_database
    from servicedesk.errors import DatabaseBusyError
    from servicedesk.models import Setting
    from servicedesk.pg.database import WRITE_LOCK

    db = open_database(pg_url)
    states: list[bool] = []
    retry.add_busy_listener(states.append)
    holder = psycopg.connect(pg_url, autocommit=True)
    try:
        def hold(seconds: float, started: threading.Event) -> None:
            holder.execute("BEGIN")
            holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            started.set()
            time.sleep(seconds)
            holder.execute("COMMIT")

        started = threading.Event()
        t = threading.Thread(target=hold, args=(1.5, started))
        t.start()
        started.wait()
        uow.run(lambda: Setting.create(key="k1", value="v"), first_wait_ms=200,
                retry_wait_ms=200, deadline_s=30)
        t.join()
        assert states[0] is True and states[-1] is False
        assert Setting.get(Setting.key == "k1").value == "v"

        started = threading.Event()
        t = threading.Thread(target=hold, args=(2.5, started))
        t.start()
        started.wait()
        with pytest.raises(DatabaseBusyError):
            uow.run(lambda: Setting.create(key="k2", value="v"), first_wait_ms=200,
                    retry_wait_ms=200, deadline_s=0.8)
        t.join()
        assert Setting.get_or_none(Setting.key == "k2") is None
    finally:
        retry.remove_busy_listener(states.append)
        holder.close()
        db.close()
