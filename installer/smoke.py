"""Smoke test of an installed ServiceDesk: the frozen app or the ``servicedesk`` command of a wheel.

    uv run python installer/smoke.py dist/ServiceDesk/ServiceDesk
    uv run python installer/smoke.py ~/.local/bin/servicedesk

Runs the command as a user would (outside the checkout, a fresh data folder) on: a new database,
the demo database, an older database to upgrade, and files it must refuse (text, folder,
truncated, newer schema) — the refusals compared with the source tree's own, line for line —
plus ``--self-check`` (data files, translations, plugins, charts, PDF, Excel …) and the
``servicedesk-admin`` installed beside it. Run it with the
checkout's Python: the expected files, schema version and messages come from the source (#19).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from servicedesk import resources  # noqa: E402
from servicedesk.db import APPLICATION_ID, close_database, open_database  # noqa: E402
from servicedesk.migrations import all_migrations, latest_version  # noqa: E402

SOURCE = [sys.executable, "-m", "ui.app"]
ADMIN_SOURCE = [sys.executable, "-m", "servicedesk.admin.cli"]
TIMEOUT = 600  # a loaded CI machine starts a frozen Qt app slowly


class Smoke:
    def __init__(self, command: list[str], work: Path, *, frozen: bool | None) -> None:
        self.command, self.work, self.frozen = command, work, frozen
        self.failures: list[str] = []
        self.lines: dict[str, list[str]] = {}  # per case: the cases run side by side
        self.local = threading.local()
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                    "SERVICEDESK_DATA_DIR": str(work / "userdata")}
        self.env.pop("SERVICEDESK_DB", None)
        self.env.pop("PYTHONPATH", None)

    def run(self, args: list[str], *, source: bool = False) -> subprocess.CompletedProcess:
        command = SOURCE if source else self.command
        return subprocess.run([*command, *args], capture_output=True, text=True, env=self.env,
                              cwd=ROOT if source else self.work, timeout=TIMEOUT)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        line = f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok else ': ' + detail}"
        self.lines.setdefault(self.local.case, []).append(line)
        if not ok:
            self.failures.append(name)
        return ok

    def started(self, name: str, proc: subprocess.CompletedProcess, shot: Path) -> bool:
        return self.check(name, proc.returncode == 0 and shot.is_file()
                          and shot.stat().st_size > 20_000,
                          f"exit {proc.returncode}\n{proc.stderr[-3000:]}")

    def run_cases(self) -> None:
        """Every case at once (each start mostly waits), reported in order."""
        # the files the cases start from, written first: the core binds one database at a time
        self.bad_files = _bad_files(self.work)
        self.older = self.work / "older.db"
        open_database(self.older, migrate_to=all_migrations()[0].number)
        close_database()
        cases = [self.self_check, self.new_database, self.demo, self.older_database,
                 self.refusals, self.admin]

        def run_case(case) -> None:
            self.local.case = case.__name__
            try:
                case()
            except Exception as exc:  # noqa: BLE001 - a crashed case is a failed check
                self.check(case.__name__, False, repr(exc))

        with ThreadPoolExecutor(max_workers=len(cases)) as pool:
            list(pool.map(run_case, cases))
        for case in cases:
            print("\n".join(self.lines.get(case.__name__, [])), flush=True)

    # -- the cases --------------------------------------------------------------------------
    def self_check(self) -> None:
        report = self.work / "self-check.json"
        proc = self.run(["--self-check", str(report)])
        if not self.check("self-check runs", report.is_file(),
                          f"exit {proc.returncode}\n{proc.stderr[-3000:]}"):
            return
        data = json.loads(report.read_text(encoding="utf-8"))
        bad = {k: v for k, v in data["checks"].items() if v != "ok"}
        self.check("self-check passes", proc.returncode == 0 and not bad, json.dumps(bad, indent=1))
        expected = resources.runtime_files(ROOT)
        self.check("every run-time file is shipped", data["resources"] == expected,
                   f"missing {sorted(set(expected) - set(data['resources']))}, "
                   f"extra {sorted(set(data['resources']) - set(expected))}")
        self.check("runs from its own files, not the checkout",
                   Path(data["base"]).resolve() != ROOT, data["base"])
        if self.frozen is not None:
            self.check("frozen" if self.frozen else "not frozen", data["frozen"] == self.frozen)

    def new_database(self) -> None:
        db, shot = self.work / "new office.db", self.work / "new.png"
        proc = self.run(["--db", str(db), "--lang", "it", "--screenshot", str(shot)])
        if self.started("new database", proc, shot):
            self.check("new database is current", _version(db) == latest_version(),
                       f"schema {_version(db)}")

    def demo(self) -> None:
        shot = self.work / "demo.png"
        proc = self.run(["--demo", "--lang", "it", "--screenshot", str(shot)])
        if self.started("demo database", proc, shot):
            db = self.work / "userdata" / "demo.db"
            with sqlite3.connect(db) as con:
                count = con.execute("SELECT count(*) FROM service_request").fetchone()[0]
            self.check("demo database has requests", count > 100, f"{count} requests")

    def older_database(self) -> None:
        db, shot = self.older, self.work / "older.png"
        first = all_migrations()[0].number
        proc = self.run(["--db", str(db), "--screenshot", str(shot)])
        if self.started("older database", proc, shot):
            self.check("older database upgraded", _version(db) == latest_version(),
                       f"schema {_version(db)}")
            backups = list(self.work.glob(f"older.schema{first}-*.bak"))
            self.check("older database backed up first", len(backups) == 1, str(backups))

    def refusals(self) -> None:
        files = self.bad_files
        before = {name: _digest(path) for name, path in files.items()}
        runs = [(["--db", str(path), "--lang", "it"], source) for path in files.values()
                for source in (False, True)]
        with ThreadPoolExecutor(max_workers=4) as pool:  # each start is mostly waiting
            done = list(pool.map(lambda job: self.run(job[0], source=job[1]), runs))
        for index, (name, path) in enumerate(files.items()):
            mine, theirs = done[2 * index], done[2 * index + 1]
            text = mine.stderr.strip()
            self.check(f"{name}: refused with exit 2", mine.returncode == 2,
                       f"exit {mine.returncode}\n{mine.stderr[-3000:]}")
            if sys.platform != "win32":  # the windowed Windows app has no stderr to compare
                self.check(f"{name}: one line, as from source",
                           text == theirs.stderr.strip() and len(text.splitlines()) == 1
                           and "Traceback" not in text,
                           f"\n  installed: {text!r}\n  source:    {theirs.stderr.strip()!r}")
            self.check(f"{name}: left untouched", _digest(path) == before[name])


    def admin(self) -> None:
        """``servicedesk-admin``, installed beside the app (the frozen folder, the wheel's
        scripts): it starts, and refuses a file that is no database as from source."""
        suffix = ".exe" if sys.platform == "win32" else ""
        command = [str(Path(self.command[0]).with_name("servicedesk-admin" + suffix))]
        if not self.check("servicedesk-admin is installed", Path(command[0]).is_file(), command[0]):
            return

        def run(cmd: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess:
            return subprocess.run([*cmd, *args], capture_output=True, text=True, env=self.env,
                                  cwd=cwd, timeout=TIMEOUT)

        usage = run(command, ["--help"], self.work)
        self.check("servicedesk-admin starts", usage.returncode == 0 and "pack" in usage.stdout,
                   f"exit {usage.returncode}\n{usage.stderr[-3000:]}")
        args = ["pack", "merge", str(self.bad_files["text file"]), str(self.work / "none.pack")]
        mine, theirs = run(command, args, self.work), run(ADMIN_SOURCE, args, ROOT)
        text = mine.stderr.strip()
        self.check("servicedesk-admin refuses a text file as from source",
                   mine.returncode == 2 and text == theirs.stderr.strip()
                   and len(text.splitlines()) == 1,
                   f"exit {mine.returncode}\n  installed: {text!r}\n  source: {theirs.stderr!r}")


def _version(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA user_version").fetchone()[0]


def _digest(path: Path) -> str:
    if path.is_dir():
        return "folder:" + ",".join(sorted(p.name for p in path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bad_files(work: Path) -> dict[str, Path]:
    bad = work / "bad"
    bad.mkdir()
    text = bad / "notes.db"
    text.write_text("not a database\n", encoding="utf-8")
    folder = bad / "folder.db"
    folder.mkdir()
    newer = bad / "newer.db"
    with sqlite3.connect(newer) as con:
        con.execute("CREATE TABLE t (x)")
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {latest_version() + 1}")
    con.close()
    truncated = bad / "truncated.db"
    whole = bad / "whole.db"
    open_database(whole)
    close_database()
    truncated.write_bytes(whole.read_bytes()[:6000])
    whole.unlink()
    return {"text file": text, "folder": folder, "newer schema": newer, "truncated": truncated}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="+", help="the installed app (and any leading args)")
    parser.add_argument("--frozen", choices=("yes", "no"), help="expect the app to be frozen or not")
    args = parser.parse_args(argv)
    command = [str(Path(args.command[0]).absolute()) if Path(args.command[0]).exists()
               else args.command[0], *args.command[1:]]
    frozen = None if args.frozen is None else args.frozen == "yes"
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="servicedesk-smoke-") as tmp:
        smoke = Smoke(command, Path(tmp), frozen=frozen)
        smoke.run_cases()
    took = time.perf_counter() - start
    if smoke.failures:
        print(f"smoke test FAILED ({len(smoke.failures)}): {', '.join(smoke.failures)}")
        return 1
    print(f"smoke test passed: {' '.join(command)} ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
