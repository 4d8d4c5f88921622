"""Crash safety: a writer killed with SIGKILL in the middle of its work, 50 times per journal
mode — the file passes ``PRAGMA integrity_check`` every time, every change the writer saw
committed is there, and no transaction is half there (R-X-1).

The writer uses the app's write path (``retry.run_write`` + ``BaseModel.save`` with its audit
rows) and reports each committed transaction through a pipe *after* the commit returned; the
parent kills it at a random moment, reopens the database (recovery of the journal/WAL) and checks.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import random
import signal
import sqlite3
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

KILLS = 50
ROWS_PER_TXN = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def crash_writer(path: str, shared: bool, run: int, conn) -> None:
    from servicedesk import context, retry
    from servicedesk.context import Actor
    from servicedesk.db import open_database
    from servicedesk.models import Contract, Setting
    from servicedesk.permissions import Role

    open_database(path, shared=shared)
    context.set_actor(Actor(operator_id=None, role=Role.MANAGER, name="crash writer"))
    conn.send(("ready", -1))
    i = 0
    while True:
        def work(i=i):
            contract = Contract.get_by_id(1)
            contract.amount = contract.amount + Decimal("1.00")
            contract.notes = f"run {run} txn {i}"
            contract.save()
            Setting.insert_many([{"key": f"crash.{run}.{i}.{k}", "value": "x" * 300,
                                  "uuid": f"{run:03d}{i:07d}{k:03d}".ljust(32, "0")}
                                 for k in range(ROWS_PER_TXN)]).execute()

        retry.run_write(work)
        conn.send(("committed", i))  # only after COMMIT returned
        i += 1


def _prepare(path: Path, shared: bool) -> None:
    from servicedesk.db import open_database
    from servicedesk.models import Contract, Party, Province

    database = open_database(path, shared=shared)
    party = Party.create(code="C1", name="Cartiera Lombarda", province=Province.get(code="BG"))
    Contract.create(number="CT-1", party=party, title="Assistenza", start_date=dt.date(2026, 1, 1),
                    term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31),
                    amount=Decimal("0.00"))
    database.close()


def _check(path: Path, run: int, acked: list[int]) -> None:
    con = sqlite3.connect(str(path))  # opening recovers a hot journal / replays the WAL
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"kill {run}"
        rows = dict(con.execute("SELECT key, value FROM setting WHERE key LIKE ?",
                                (f"crash.{run}.%",)).fetchall())
        txns = {int(k.split(".")[2]) for k in rows}
        # every acknowledged transaction is there, complete
        assert set(acked) <= txns, f"kill {run}: lost {sorted(set(acked) - txns)[:5]}"
        for t in txns:  # atomic: all rows of a transaction or none
            assert sum(1 for k in rows if k.startswith(f"crash.{run}.{t}.")) == ROWS_PER_TXN
        assert txns == set(range(len(txns)))  # no gaps
        amount, version = con.execute("SELECT amount, version FROM contract WHERE id = 1").fetchone()
        total_txns = con.execute("SELECT COUNT(*) FROM setting WHERE key LIKE 'crash.%'").fetchone()[0] \
            // ROWS_PER_TXN
        audited = con.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'contract' "
                              "AND field = 'amount'").fetchone()[0]
        # contract, its audit trail and the other rows moved together across every crash
        assert Decimal(str(amount)) == Decimal(total_txns)
        assert version - 1 == total_txns == audited
    finally:
        con.close()


@pytest.mark.parametrize("shared", [False, True], ids=["wal", "rollback_journal"])
def test_sigkill_mid_write_50_times(tmp_path, shared):
    path = tmp_path / "office.db"
    _prepare(path, shared)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__, "servicedesk.db", "servicedesk.models", "servicedesk.retry"])
    rnd = random.Random(9)
    committed_total = 0
    waited_for = 0
    for run in range(KILLS):
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=crash_writer, args=(str(path), shared, run, child))
        proc.start()
        child.close()
        assert parent.poll(30), "writer did not start"
        assert parent.recv() == ("ready", -1)
        # let it commit a few transactions (a busy CI machine is slow), then kill at a random
        # moment: often in the middle of a transaction or of a commit
        acked = []
        wanted = rnd.randint(0, 3)
        while len(acked) < wanted and parent.poll(30):
            acked.append(parent.recv()[1])
        assert len(acked) == wanted, f"kill {run}: the writer stalled"
        waited_for += wanted
        time.sleep(rnd.uniform(0.0, 0.03))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(30)
        assert proc.exitcode == -signal.SIGKILL, f"kill {run}: exit code {proc.exitcode}"
        while parent.poll():
            try:
                kind, i = parent.recv()
            except EOFError:
                break
            acked.append(i)
        parent.close()
        committed_total += len(acked)
        _check(path, run, acked)
    assert committed_total >= waited_for > 0  # the writers did real work between kills
