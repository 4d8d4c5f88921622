"""Several workstations on one file: 4 writer processes × 300 transactions on the same records
plus readers — no "database is locked" surfaces, no update is lost, the file stays sound; in WAL
mode and with the rollback journal used on shared folders (R-X-1).

Writers go through the app's own write path: load the record, change it, ``BaseModel.save``
(optimistic lock, audit trail) inside ``retry.run_write`` (BEGIN IMMEDIATE, busy retry); a
ConflictError is answered the way a careful user would — re-read and apply the increment again.
Every tenth transaction also credits a ticket through the tickets service.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import sqlite3
import statistics
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only  # SQLite's write lock on the file (PostgreSQL: test_pg_contention)

WRITERS = 4
TRANSACTIONS = 300
READERS = 2
RECORDS = 3


def prepare(path: Path, *, shared: bool) -> list[int]:
    """A fresh database with ``RECORDS`` contracts to fight over; returns their ids."""
    from servicedesk.db import open_database
    from servicedesk.models import Contract, Party, Province

    database = open_database(path, shared=shared)
    party = Party.create(code="C1", name="Officina Meccanica Brambilla", province=Province.get(code="MI"))
    ids = [Contract.create(number=f"CT-{i}", party=party, title="Assistenza", status="active",
                           start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                           term_end=dt.date(2026, 12, 31), amount=Decimal("100.00")).id
           for i in range(RECORDS)]
    database.close()
    return ids


def writer(path: str, shared: bool, worker_no: int, count: int, ids: list[int], queue) -> None:
    """One workstation: ``count`` increments of a contract amount, through the core."""
    from servicedesk import context, retry
    from servicedesk.context import Actor
    from servicedesk.db import open_database
    from servicedesk.errors import ConflictError
    from servicedesk.models import Contract
    from servicedesk.permissions import Role
    from servicedesk.services import tickets

    database = open_database(path, shared=shared)
    retry.install(database)  # as the application does: every BEGIN waits patiently
    context.set_actor(Actor(operator_id=None, role=Role.MANAGER, name=f"writer {worker_no}"))
    latencies: list[float] = []
    errors: list[str] = []
    conflicts = 0
    credited = 0
    done = 0
    for i in range(count):
        cid = ids[(i + worker_no) % len(ids)]
        t0 = time.perf_counter()
        while True:
            try:
                contract = Contract.get_by_id(cid)
                contract.amount = contract.amount + Decimal("1.00")

                def work(contract=contract, credit=(i % 10 == 0)):
                    contract.save()
                    if credit:
                        tickets.credit(contract, 1, kind="topup", note="contention")

                retry.run_write(work)
                done += 1
                credited += i % 10 == 0
                break
            except ConflictError:
                conflicts += 1  # someone else saved first: re-read and try again
            except Exception as exc:  # noqa: BLE001 - every other error is a failure here
                errors.append(f"{type(exc).__name__}: {exc}")
                break
        latencies.append((time.perf_counter() - t0) * 1000)
    database.close()
    queue.put({"worker": worker_no, "done": done, "credited": credited, "conflicts": conflicts,
               "errors": errors, "latencies": latencies})


def reader(path: str, shared: bool, stop, queue) -> None:
    """Another workstation browsing: totals must only grow, reads must never fail."""
    from servicedesk.db import open_database
    from servicedesk.models import AuditLog, Contract
    from peewee import fn

    database = open_database(path, shared=shared)
    errors: list[str] = []
    reads = 0
    last = Decimal("0")
    while not stop.is_set():
        try:
            total = Contract.select(fn.SUM(Contract.amount)).scalar()
            total = Decimal(str(total))
            AuditLog.select().where(AuditLog.table_name == "contract").count()
            if total < last:
                errors.append(f"total went back from {last} to {total}")
            last = total
            reads += 1
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.002)
    database.close()
    queue.put({"reader": True, "reads": reads, "errors": errors})


def run_contention(path: Path, *, shared: bool, writers: int = WRITERS,
                   transactions: int = TRANSACTIONS, readers: int = READERS) -> dict:
    """Run the scenario; returns the merged figures and the final state of the file."""
    ids = prepare(path, shared=shared)
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    stop = ctx.Event()
    procs = [ctx.Process(target=writer, args=(str(path), shared, w, transactions, ids, queue))
             for w in range(writers)]
    procs += [ctx.Process(target=reader, args=(str(path), shared, stop, queue)) for _ in range(readers)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    results = [queue.get(timeout=600) for _ in range(writers)]
    stop.set()
    results += [queue.get(timeout=60) for _ in range(readers)]
    for p in procs:
        p.join(timeout=60)
    wall = time.perf_counter() - t0
    con = sqlite3.connect(str(path))
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        total = Decimal(str(con.execute("SELECT SUM(amount) FROM contract").fetchone()[0]))
        versions = con.execute("SELECT SUM(version - 1) FROM contract").fetchone()[0]
        audited = con.execute("SELECT COUNT(*) FROM audit_log WHERE table_name='contract' "
                              "AND action='update' AND field='amount'").fetchone()[0]
        tickets = con.execute("SELECT COALESCE(SUM(quantity), 0) FROM ticket_movement").fetchone()[0]
    finally:
        con.close()
    wr = [r for r in results if "worker" in r]
    rd = [r for r in results if "reader" in r]
    latencies = sorted(x for r in wr for x in r["latencies"])
    return {
        "integrity": integrity, "total": total, "expected_total": Decimal("100.00") * len(ids)
        + Decimal(writers * transactions), "versions": versions, "audited": audited,
        "tickets": tickets, "credited": sum(r["credited"] for r in wr),
        "done": sum(r["done"] for r in wr), "conflicts": sum(r["conflicts"] for r in wr),
        "errors": [e for r in results for e in r["errors"]], "reads": sum(r["reads"] for r in rd),
        "latencies": latencies, "wall_s": wall,
        "exitcodes": [p.exitcode for p in procs],
    }


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return sorted(values)[k]


@pytest.mark.parametrize("shared", [False, True], ids=["wal", "rollback_journal"])
def test_four_writers_and_readers_lose_nothing(tmp_path, shared):
    """R-X-1: 4 writer processes × 300 transactions on the same 3 records + 2 readers."""
    r = run_contention(tmp_path / "office.db", shared=shared)
    assert r["errors"] == []
    assert r["exitcodes"] == [0] * (WRITERS + READERS)
    assert r["done"] == WRITERS * TRANSACTIONS
    assert r["total"] == r["expected_total"]  # every increment accounted for
    assert r["versions"] == WRITERS * TRANSACTIONS  # one version per save, none skipped
    assert r["audited"] == WRITERS * TRANSACTIONS  # the audit trail saw every change
    assert r["tickets"] == r["credited"]
    assert r["integrity"] == "ok"
    assert r["reads"] > 0
    print(f"\n{'rollback' if shared else 'wal'}: {r['wall_s']:.1f} s, conflicts retried "
          f"{r['conflicts']}, p50 {statistics.median(r['latencies']):.1f} ms, "
          f"p99 {percentile(r['latencies'], 0.99):.1f} ms, max {max(r['latencies']):.1f} ms")


# -- the busy state in one process ------------------------------------------------------------
def _hold_lock(path: Path, seconds: float, started: threading.Event) -> None:
    con = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    con.execute("COMMIT")
    con.close()


def test_busy_database_waits_shows_busy_and_then_writes(db):
    """R-X-1: a lock held longer than the first wait turns into a visible busy state, not an error."""
    from servicedesk import retry
    from servicedesk.models import Setting

    states: list[bool] = []
    retry.add_busy_listener(states.append)
    started = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db.info.path, 0.6, started))
    holder.start()
    started.wait()
    try:
        row = retry.run_write(lambda: Setting.create(key="after.busy", value="1"),
                              first_wait_ms=100, retry_wait_ms=100)
    finally:
        holder.join()
        retry.remove_busy_listener(states.append)
    assert row.id and Setting.get(Setting.key == "after.busy").value == "1"
    assert states == [True, False]
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000  # restored


def test_busy_past_the_deadline_is_a_clear_error_and_writes_nothing(db):
    from servicedesk import retry
    from servicedesk.errors import DatabaseBusyError
    from servicedesk.models import Setting

    started = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db.info.path, 1.0, started))
    holder.start()
    started.wait()
    try:
        with pytest.raises(DatabaseBusyError):
            retry.run_write(lambda: Setting.create(key="never", value="1"),
                            first_wait_ms=50, retry_wait_ms=50, deadline_s=0.3)
    finally:
        holder.join()
    assert Setting.get_or_none(Setting.key == "never") is None


def test_other_errors_are_not_retried(db):
    from servicedesk import retry
    from servicedesk.errors import ValidationError

    calls = []

    def work():
        calls.append(1)
        raise ValidationError("required")

    with pytest.raises(ValidationError):
        retry.run_write(work)
    assert calls == [1]


def test_installed_patient_begin_covers_every_write_path(db):
    """Any service's ``db.atomic()`` (not only run_write) waits visibly instead of failing."""
    from servicedesk import retry
    from servicedesk.models import Setting

    retry.install(db)
    retry.install(db)  # idempotent
    states: list[bool] = []
    retry.add_busy_listener(states.append)
    old_first = retry.FIRST_WAIT_MS
    retry.FIRST_WAIT_MS = 100
    started = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db.info.path, 0.5, started))
    holder.start()
    started.wait()
    try:
        with db.atomic():  # what every service does
            Setting.create(key="plain.atomic", value="1")
    finally:
        holder.join()
        retry.FIRST_WAIT_MS = old_first
        retry.remove_busy_listener(states.append)
    assert Setting.get(Setting.key == "plain.atomic").value == "1"
    assert states == [True, False]
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
