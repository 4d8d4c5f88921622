"""A merge killed with SIGKILL at random moments: the office file passes its integrity check
and holds either none or all of the pack (R-X-2, R-X-1, #16)."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from servicedesk import clock
from servicedesk.models import Intervention, WorkLog
from servicedesk.services import worklogs

from .pack_helpers import T0, build_office, export, laptop

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

MERGER = """
import sys
from servicedesk.db import open_database
from servicedesk.packs.merge import merge_pack
open_database(sys.argv[1])
print("start", flush=True)
report = merge_pack(sys.argv[2], prefer="laptop")
print("done", report.applied, flush=True)
"""
NEW_LOGS = 200


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    office = build_office(folder)
    export(office, folder / "pack.sdpack")
    with laptop(office, folder / "pack.sdpack"):
        iv = Intervention.get_by_id(office.intervention_ids[0])
        for i in range(NEW_LOGS):
            worklogs.create(iv.request_id, worklogs.WorklogInput(
                office.tech_id, T0.date() - dt.timedelta(days=i // 8), iv.activity_type_id,
                minutes=30 + i % 60,
                notes=f"log {i}"), allow_overlap=True)
        uuids = [w.uuid for w in WorkLog.select().where(WorkLog.notes.startswith("log "))]
    office.db.close()
    clock.freeze(None)
    return folder, uuids


def _run(folder, work, kill_after: float | None) -> tuple[str, float]:
    env = dict(os.environ, SERVICEDESK_DATA_DIR=str(work / "userdata"))
    proc = subprocess.Popen([sys.executable, "-c", MERGER, str(work / "office.db"),
                             str(folder / "pack.sdpack")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "start"
    t0 = time.perf_counter()
    if kill_after is None:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return out, time.perf_counter() - t0
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return out, kill_after


def _state(path, uuids) -> tuple[str, int, int]:
    con = sqlite3.connect(path)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        marks = ",".join("?" * len(uuids))
        logs = con.execute(f"SELECT count(*) FROM work_log WHERE uuid IN ({marks})",
                           uuids).fetchone()[0]
        rounds = con.execute("SELECT count(*) FROM pack_round").fetchone()[0]
        return check, logs, rounds
    finally:
        con.close()


def test_sigkill_during_merge_leaves_none_or_all(template, tmp_path):
    folder, uuids = template
    full = tmp_path / "full"
    full.mkdir()
    shutil.copy(folder / "office.db", full / "office.db")
    _, duration = _run(folder, full, None)
    assert _state(full / "office.db", uuids) == ("ok", NEW_LOGS, 1)
    rng = random.Random(16)
    outcomes = set()
    for i in range(10):
        work = tmp_path / f"kill{i}"
        work.mkdir()
        shutil.copy(folder / "office.db", work / "office.db")
        out, _ = _run(folder, work, rng.uniform(0, duration * 1.1))
        check, logs, rounds = _state(work / "office.db", uuids)
        assert check == "ok"
        assert (logs, rounds) in ((0, 0), (NEW_LOGS, 1)), (logs, rounds, out)
        # an interrupted merge is simply merged again (tried on the first one)
        if logs == 0 and 0 not in outcomes:
            _run(folder, work, None)
            assert _state(work / "office.db", uuids) == ("ok", NEW_LOGS, 1)
        outcomes.add(logs)
    assert 0 in outcomes  # the kills did land inside merges
