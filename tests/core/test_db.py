"""Opening databases: fresh, upgraded, refused; bad files leave the file untouched (issue 2)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest

from servicedesk import db as dbmod
from servicedesk.db import open_database
from servicedesk.errors import DatabaseOpenError
from servicedesk.migrations import latest_version
from servicedesk.models import ActivityType, Priority, Province


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # pragmas and journal mode of the file (PostgreSQL: test_pg_open)
def test_fresh_database_is_migrated_with_reference_data(tmp_path):
    db = open_database(tmp_path / "fresh.db")  # created here (the ``db`` fixture is a copy)
    try:
        _check_fresh(db)
    finally:
        db.close()


def _check_fresh(db) -> None:
    assert db.info.created
    assert db.info.schema_version == latest_version()
    assert db.info.journal_mode == "wal"
    assert Province.select().count() == 107
    assert Province.get(code="MI").region == "Lombardia"
    assert Priority.select().count() == 4
    assert ActivityType.get(code="maintenance").name_it == "Manutenzione periodica"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_shared_file_uses_rollback_journal(tmp_path):
    database = open_database(tmp_path / "shared.db", shared=True)
    try:
        assert database.info.journal_mode == "delete"
        assert database.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        database.close()


def test_unc_paths_count_as_network_shares():
    assert dbmod.is_network_path(r"\\server\share\servicedesk.db")
    assert not dbmod.is_network_path(os.getcwd())


def test_older_schema_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old.db"
    open_database(path, migrate_to=1).close()
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM province").fetchone()[0] == 0
    database = open_database(path)
    try:
        assert database.info.upgraded_from == 1
        assert database.info.schema_version == latest_version()
        assert Province.select().count() == 107
        backup = database.info.backup_path
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as con:
            assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        database.close()


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path).close()
    with sqlite3.connect(path) as con:
        con.execute(f"PRAGMA user_version = {latest_version() + 5}")
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.newer_schema"
    assert info.value.params["found"] == latest_version() + 5
    assert digest(path) == before


@pytest.mark.parametrize("make, code", [
    (lambda p: p.mkdir(), "db.is_directory"),
    (lambda p: p.write_text("name;city\nRossi;Milano\n"), "db.not_a_database"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), "db.corrupt"),
])
def test_bad_files_give_a_clear_error(tmp_path, make, code):
    path = tmp_path / "bad.db"
    make(path)
    before = digest(path) if path.is_file() else None
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == code
    if before:
        assert digest(path) == before


def test_truncated_database_is_refused(tmp_path):
    path = tmp_path / "trunc.db"
    database = open_database(path)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt"
    assert digest(path) == before


def test_missing_folder_and_missing_file(tmp_path):
    with pytest.raises(DatabaseOpenError) as info:
        open_database(tmp_path / "nope" / "x.db")
    assert info.value.code == "db.no_folder"
    with pytest.raises(DatabaseOpenError) as info:
        open_database(tmp_path / "x.db", create=False)
    assert info.value.code == "db.missing"


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE fatture (id INTEGER PRIMARY KEY, totale REAL)")
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.foreign"
    assert digest(path) == before


def test_read_only_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    open_database(path).close()
    os.chmod(path, 0o444)
    if os.geteuid() == 0:  # root may write anything: simulate the permission check
        real = os.access
        monkeypatch.setattr(dbmod.os, "access",
                            lambda p, mode: False if str(p) == str(path) and mode == os.W_OK
                            else real(p, mode))
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.code == "db.read_only"
    assert digest(path) == before


def test_locked_database_during_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "locked.db"
    open_database(path, migrate_to=1).close()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseOpenError) as info:
            open_database(path)
        assert info.value.code == "db.locked"
    finally:
        holder.rollback()
        holder.close()


def test_command_line_reports_one_line_and_exit_code(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICEDESK_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "ui.app", "--db", str(bad), "--lang", "en",
                          "--screenshot", str(tmp_path / "x.png")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2
    lines = [line for line in out.stderr.splitlines() if line.startswith("servicedesk:")]
    assert len(lines) == 1 and "not a ServiceDesk database" in lines[0]
    assert bad.read_text() == "not a database"
    assert not (tmp_path / "x.png").exists()


def test_a_missing_lower_numbered_migration_is_still_applied(tmp_path):
    path = tmp_path / "gap.db"
    open_database(path).close()
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM schema_migrations WHERE number = 2")
        con.execute("DELETE FROM province")
    database = open_database(path)
    try:
        assert Province.select().count() == 107
        assert database.info.schema_version == latest_version()
    finally:
        database.close()
