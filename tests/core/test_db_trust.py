"""Files an office can trust (#14): a damaged database is never written, the journal mode is
the file's own, an empty file is not silently made a database. Every refusal leaves the file
byte-identical (R-X-1)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from servicedesk import backup
from servicedesk import db as dbmod
from servicedesk.db import change_journal_mode, full_check, open_database
from servicedesk.errors import DatabaseOpenError
from servicedesk.models import Setting

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> set[str]:
    return {s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()}


def small_db(path: Path, rows: int = 400, *, shared: bool = False) -> Path:
    database = open_database(path, shared=shared)
    for i in range(rows):
        Setting.create(key=f"k{i:04d}", value=f"valore {i} " + "x" * 150)
    database.close()
    return path


def leaf_pages(path: Path, table: str) -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = ? AND "
                                          "pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        con.close()


def overwrite_page(path: Path, page: int, fill: int = 0xA5) -> None:
    """One damaged page: a disk error, a bad copy."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size: page * size] = bytes([fill]) * size
    path.write_bytes(bytes(data))


# -- 1. damage ------------------------------------------------------------------------------
def test_one_damaged_page_is_refused_before_any_write(tmp_path):
    path = small_db(tmp_path / "office.db")
    leaves = leaf_pages(path, "setting")
    overwrite_page(path, leaves[len(leaves) // 2])  # a page in the middle: no root, no header
    before = digest(path)
    assert dbmod.OPEN_CHECK_FULL_BYTES > path.stat().st_size  # the whole quick_check
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt"  # the start-up path offers the latest good backup
    assert digest(path) == before  # not switched, not migrated, not touched
    assert side_files(path) == set()


def test_large_file_bounded_check_finds_a_damaged_root_page(tmp_path, monkeypatch):
    path = small_db(tmp_path / "office.db")
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'setting'").fetchone()[0]
    con.close()
    overwrite_page(path, root, fill=0x0D)
    before = digest(path)
    monkeypatch.setattr(dbmod, "OPEN_CHECK_FULL_BYTES", 0)  # as for the 1.4 GB file
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt"
    assert digest(path) == before and side_files(path) == set()


def test_damage_found_by_the_background_check_stops_every_write(tmp_path, monkeypatch):
    path = small_db(tmp_path / "office.db")
    leaves = leaf_pages(path, "setting")
    overwrite_page(path, leaves[len(leaves) // 2])
    monkeypatch.setattr(dbmod, "OPEN_CHECK_FULL_BYTES", 0)
    database = open_database(path)  # the bounded check does not read that page
    try:
        assert database.info.open_check == "bounded"
        before = digest(path)
        problem = full_check(path)
        assert problem != "ok"
        assert full_check(path, per_table=True) != "ok"  # the shared-file way finds it too
        database.mark_damaged(problem)
        with pytest.raises(DatabaseOpenError) as info:
            Setting.create(key="new", value="lost?")
        assert info.value.code == "db.damaged"
        with pytest.raises(DatabaseOpenError):
            with database.atomic():
                pass
        assert digest(path) == before
    finally:
        database.close()


def test_full_check_of_a_healthy_file(tmp_path):
    path = small_db(tmp_path / "ok.db", rows=50)
    assert full_check(path) == "ok"
    assert full_check(path, per_table=True) == "ok"


def test_backup_is_refused_for_a_damaged_database_and_restore_replaces_it(tmp_path):
    path = small_db(tmp_path / "office.db")
    good = backup.take_backup(path, kind="auto")
    leaves = leaf_pages(path, "setting")
    overwrite_page(path, leaves[len(leaves) // 2])
    before = digest(path)
    with pytest.raises(backup.BackupError) as info:
        backup.take_backup(path, kind="manual")  # the full integrity check before keeping it
    assert info.value.code == "backup.source_damaged"
    assert digest(path) == before
    assert backup.latest_good_backup(path).path == good.path
    aside = backup.restore(path, good.path)  # the damaged content is kept as it was
    assert aside.name.startswith("office.db.corrupt-") and digest(aside) == before
    assert full_check(path) == "ok"


def test_an_upgrade_of_a_large_file_checks_the_whole_copy_first(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    database = open_database(path, migrate_to=1)
    for i in range(300):
        database.execute_sql("INSERT INTO setting (uuid, created_at, updated_at, version, key, value) "
                             "VALUES (?, '2026-01-01', '2026-01-01', 1, ?, ?)", (f"u{i}", f"k{i}", "x" * 200))
    database.close()
    leaves = leaf_pages(path, "setting")
    overwrite_page(path, leaves[len(leaves) // 2])
    before = digest(path)
    monkeypatch.setattr(dbmod, "OPEN_CHECK_FULL_BYTES", 0)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt"
    assert digest(path) == before
    assert not list(tmp_path.glob("old.schema*.bak"))  # no damaged copy left looking like a backup


# -- 2. journal mode is the file's ------------------------------------------------------------
def test_mode_is_the_files_own_and_never_switched_on_open(tmp_path):
    shared = small_db(tmp_path / "shared.db", rows=10, shared=True)
    assert shared.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, in the header
    before = digest(shared)
    database = open_database(shared)  # a workstation without --shared
    try:
        assert database.info.journal_mode == "delete" and database.info.shared
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        database.close()
    assert digest(shared) == before

    local = small_db(tmp_path / "local.db", rows=10)
    assert local.read_bytes()[18:20] == b"\x02\x02"  # WAL
    before = digest(local)
    database = open_database(local, shared=True)  # --shared does not switch an existing file
    try:
        assert database.info.journal_mode == "wal" and database.info.shared_requested
    finally:
        database.close()
    assert digest(local) == before


def test_wal_file_on_a_network_share_is_refused_untouched(tmp_path, monkeypatch):
    path = small_db(tmp_path / "local.db", rows=10)
    before = digest(path)
    monkeypatch.setattr(dbmod, "is_network_path", lambda p: True)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.wal_on_share"
    assert digest(path) == before
    fresh = open_database(tmp_path / "new-on-share.db")  # a new file there is made shared
    try:
        assert fresh.info.journal_mode == "delete"
    finally:
        fresh.close()


@pytest.mark.parametrize("line, fstype", [
    ("//office@nas/dati on /Volumes/dati (smbfs, nodev, nosuid, mounted by anna)", "smbfs"),
    ("afp_0Tx on /Volumes/Archivio Ufficio (afpfs, nodev, nosuid, mounted by anna)", "afpfs"),
    ("nas:/export on /Volumes/export (nfs, asynchronous)", "nfs"),
    ("/dev/disk3s1 on /System/Volumes/Data (apfs, local, journaled)", "apfs"),
    ("//nas/share /mnt/share cifs rw,relatime 0 0", "cifs"),
])
def test_mount_tables_of_linux_and_macos_are_read(line, fstype):
    mounts = ["/dev/disk1 on / (apfs, local, journaled)", "/dev/vda / ext4 rw 0 0", line]
    where = line.split(" on ")[1].rsplit(" (", 1)[0] if " on " in line else line.split()[1]
    assert dbmod._mount_fstype(where + "/servicedesk.db", mounts) == fstype
    assert (fstype in dbmod._NETWORK_FS) == (fstype != "apfs")


_WORKSTATION = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from servicedesk.db import open_database
    from servicedesk.models import Setting
    db = open_database({path!r}, shared={shared})
    print("mode", db.info.journal_mode, flush=True)
    for line in sys.stdin:
        word = line.strip()
        if word == "write":
            Setting.create(key="from-%s-%d" % ({name!r}, Setting.select().count()), value="x")
            print("wrote", flush=True)
        elif word == "quit":
            break
    db.close()
    print("closed", flush=True)
""")


class Workstation:
    """Another process with the database open (as another workstation would have)."""

    def __init__(self, path: Path, name: str, shared: bool | None) -> None:
        code = _WORKSTATION.format(root=str(ROOT), path=str(path), shared=shared, name=name)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env)
        self.mode = self.ask(None).split()[-1]

    def ask(self, word: str | None) -> str:
        if word:
            self.proc.stdin.write(word + "\n")
            self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(self.proc.stderr.read())
        return line.strip()

    def quit(self) -> None:
        assert self.ask("quit") == "closed"
        self.proc.communicate(timeout=30)  # waits and closes the pipes (no ResourceWarning)


@pytest.mark.slow
def test_two_processes_in_different_modes_share_one_file(tmp_path):
    """A workstation with --shared and one without, on one shared file: nobody switches the
    mode, both write, nobody sees "database is locked"."""
    path = small_db(tmp_path / "office.db", rows=5, shared=True)
    header = path.read_bytes()[:100]
    first = Workstation(path, "a", shared=True)
    second = Workstation(path, "b", shared=None)  # no --shared: used to switch it to WAL
    try:
        assert first.mode == second.mode == "delete"
        for _ in range(3):
            assert first.ask("write") == "wrote"
            assert second.ask("write") == "wrote"
        assert not Path(f"{path}-wal").exists()
        assert path.read_bytes()[18:20] == header[18:20]
        # the administrator cannot switch the mode while the others have it open
        database = open_database(path)
        try:
            with pytest.raises(DatabaseOpenError) as info:
                change_journal_mode(database, shared=False)
            assert info.value.code == "db.mode_in_use" and info.value.params["others"] == 2
            assert database.info.journal_mode == "delete"
        finally:
            database.close()
    finally:
        first.quit()
        second.quit()
    assert path.read_bytes()[18:20] == b"\x01\x01"
    database = open_database(path)
    try:
        assert Setting.select().where(Setting.key.startswith("from-")).count() == 6
        assert change_journal_mode(database, shared=False) == "wal"  # now nobody else is in
        assert database.info.journal_mode == "wal" and not database.info.shared
    finally:
        database.close()
    assert path.read_bytes()[18:20] == b"\x02\x02"
    later = Workstation(path, "c", shared=True)  # --shared on a WAL file: not switched
    try:
        assert later.mode == "wal"
        assert later.ask("write") == "wrote"
    finally:
        later.quit()


def test_changing_the_mode_needs_the_backup_permission(tmp_path):
    from servicedesk import context
    from servicedesk.errors import PermissionDenied

    database = open_database(tmp_path / "x.db")
    try:
        from servicedesk.permissions import Role

        context.set_actor(context.Actor(operator_id=1, role=Role.TECHNICIAN, name="t"))
        with pytest.raises(PermissionDenied):
            change_journal_mode(database, shared=True)
    finally:
        context.set_actor(context.SYSTEM)
        database.close()


# -- 6. an empty file -------------------------------------------------------------------------
def test_empty_file_is_refused_unless_asked(tmp_path):
    path = tmp_path / "vuoto.db"
    path.touch()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.empty_file"
    assert path.read_bytes() == b"" and side_files(path) == set()
    database = open_database(path, init_empty=True)  # the user said yes
    try:
        assert database.info.created
    finally:
        database.close()
    assert path.stat().st_size > 0


def _run(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICEDESK_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          timeout=180, cwd=ROOT)


def test_command_line_refuses_an_empty_file_in_one_line(tmp_path):
    path = tmp_path / "vuoto.db"
    path.touch()
    out = _run(["-m", "ui.app", "--db", str(path), "--lang", "en", "--screenshot",
                str(tmp_path / "x.png")], tmp_path)
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.startswith("servicedesk:")]
    assert len(lines) == 1 and "is an empty file" in lines[0]
    assert path.read_bytes() == b"" and not (tmp_path / "x.png").exists()
    out = _run(["-m", "servicedesk.demo", str(path)], tmp_path)
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "is an empty file" in lines[0]
    assert path.read_bytes() == b""


def test_bounded_check_reaches_every_index_root(tmp_path, monkeypatch):
    path = small_db(tmp_path / "office.db")
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_schema WHERE type = 'index' "
                       "AND tbl_name = 'setting' AND sql IS NOT NULL").fetchone()[0]
    con.close()
    overwrite_page(path, root, fill=0x0A)
    before = digest(path)
    monkeypatch.setattr(dbmod, "OPEN_CHECK_FULL_BYTES", 0)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt" and digest(path) == before


@pytest.mark.parametrize("sql, expected", [
    ('CREATE INDEX "a" ON "t" ("col")', ("col", None)),
    ('CREATE UNIQUE INDEX "a" ON "t" ("c1", "c2")', ("c1", None)),
    ("CREATE INDEX unit_serial_nocase ON unit (serial COLLATE NOCASE)", ("serial", "NOCASE")),
    ("CREATE INDEX x ON t (lower(name))", (None, None)),  # an expression: not probed
    ("CREATE INDEX x ON t(due DESC, id)", ("due", None)),
    ('CREATE INDEX "on" ON "my ON t" ("a""b" COLLATE NOCASE DESC)', ('a"b', "NOCASE")),
])
def test_first_index_column_is_read_from_the_schema_text(sql, expected):
    assert dbmod._first_index_column(sql) == expected


def test_recovery_keeps_the_files_journal_mode(tmp_path):
    """A backup is stored in rollback mode; putting it in place of a damaged WAL file must not
    silently turn a one-workstation file into a shared one (nor the reverse)."""
    for shared in (False, True):
        path = small_db(tmp_path / f"office-{shared}.db", rows=20, shared=shared)
        good = backup.take_backup(path, kind="auto")
        mode = path.read_bytes()[18:20]
        overwrite_page(path, 2)
        backup.recover_corrupt(path, good.path)
        assert path.read_bytes()[18:20] == mode
        assert side_files(path) == set() and full_check(path) == "ok"


def test_a_worker_closing_its_connection_keeps_the_workstations_seat(tmp_path):
    import threading

    path = small_db(tmp_path / "office.db", rows=5)
    database = open_database(path)
    try:
        seat = database.presence
        worker = threading.Thread(target=lambda: (Setting.select().count(), database.close()))
        worker.start()
        worker.join()
        assert database.presence is seat and seat.fd is not None
    finally:
        database.close()
    assert database.presence is None
