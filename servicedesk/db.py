"""Open or create a ServiceDesk database: checks, pragmas, migrations, write transactions.

Opening never damages a file it cannot use: the header is checked, the schema version read
through a read-only connection, and only then is the file opened for writing, upgraded (after
a backup copy) or refused with a :class:`DatabaseOpenError` whose ``code`` the UI translates.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import peewee as pw

from . import clock, retry
from .errors import DatabaseBusyError, DatabaseOpenError
from .migrations import all_migrations, latest_version
from .models import database_proxy
from .uow import UnitOfWorkMixin

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
APPLICATION_ID = 0x53444B31  # "SDK1": marks the file as ours
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs",
               "fuse.rclone", "ncpfs"}


@dataclass
class DatabaseInfo:
    """What was opened and how, for the status bar and the tests."""

    path: Path
    shared: bool
    journal_mode: str
    schema_version: int
    upgraded_from: int | None = None
    backup_path: Path | None = None
    created: bool = False


class ServiceDeskDatabase(UnitOfWorkMixin, pw.SqliteDatabase):
    """SqliteDatabase whose transactions take the write lock at BEGIN (``BEGIN IMMEDIATE``) and
    are units of work (:mod:`servicedesk.uow`): they report what they changed and undo
    themselves in memory when they fail."""

    info: DatabaseInfo
    dialect = "sqlite"

    def __init__(self, path: str, *, shared: bool, **kwargs) -> None:
        pragmas = [
            ("foreign_keys", 1),
            ("busy_timeout", BUSY_TIMEOUT_MS),
            ("cache_size", -64_000),
            ("temp_store", "memory"),
            ("synchronous", "FULL" if shared else "NORMAL"),
        ]
        super().__init__(path, pragmas=pragmas, lock_type="IMMEDIATE",
                         check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, **kwargs)
        self.shared = shared


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network share, where WAL must not be used."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows workstations
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    target = os.path.realpath(text)
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (target == parts[1] or target.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, fstype = parts[1], parts[2]
    return fstype in _NETWORK_FS


def _check_file(path: Path, *, create: bool) -> bool:
    """Validate ``path`` before touching it; returns True when a new database will be created."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path} is a directory", code="db.is_directory", path=str(path))
    if not path.exists():
        if not create:
            raise DatabaseOpenError(f"{path} does not exist", code="db.missing", path=str(path))
        parent = path.parent
        if not parent.exists():
            raise DatabaseOpenError(f"folder {parent} does not exist", code="db.no_folder",
                                    path=str(path))
        if not os.access(parent, os.W_OK):
            raise DatabaseOpenError(f"cannot create {path}", code="db.read_only", path=str(path))
        return True
    size = path.stat().st_size
    if size == 0:
        if not os.access(path, os.W_OK):
            raise DatabaseOpenError(f"{path} is read-only", code="db.read_only", path=str(path))
        return True
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseOpenError(str(exc), code="db.unreadable", path=str(path)) from exc
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseOpenError(f"{path} is not a database", code="db.not_a_database",
                                path=str(path))
    if len(header) < 100:
        raise DatabaseOpenError(f"{path} is truncated", code="db.corrupt", path=str(path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header size is valid when the change counters agree (SQLite >= 3.7.0 writers).
    if header[24:28] == header[92:96] and page_count and size < page_count * page_size:
        raise DatabaseOpenError(f"{path} is truncated", code="db.corrupt", path=str(path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(f"{path} is read-only", code="db.read_only", path=str(path))
    return False


def _read_version(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read through a read-only connection."""
    uri = f"file:{path.as_posix()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        msg = str(exc).lower()
        code = "db.locked" if "locked" in msg or "busy" in msg else "db.corrupt"
        raise DatabaseOpenError(str(exc), code=code, path=str(path)) from exc
    if tables and app_id not in (0, APPLICATION_ID):
        raise DatabaseOpenError(f"{path} belongs to another program", code="db.foreign",
                                path=str(path))
    if tables and app_id == 0 and version == 0:
        raise DatabaseOpenError(f"{path} is not a ServiceDesk database", code="db.foreign",
                                path=str(path))
    return version, app_id


def backup_copy(db_path: Path, target: Path) -> Path:
    """A consistent copy of the database with SQLite's online backup API."""
    src = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_database(path: str | os.PathLike, *, create: bool = True, shared: bool | None = None,
                  migrate: bool = True, migrate_to: int | None = None) -> ServiceDeskDatabase:
    """Open (or create) the database at ``path``, upgrade it and bind the models to it.

    ``migrate_to`` stops at that schema version (tests build "older" databases with it).
    """
    path = Path(path).expanduser()
    new = _check_file(path, create=create)
    found = 0
    if not new:
        found, _ = _read_version(path)
        supported = latest_version()
        if found > supported:
            raise DatabaseOpenError(
                f"{path} was written by a newer ServiceDesk (schema {found} > {supported})",
                code="db.newer_schema", path=str(path), found=found, supported=supported)
    if shared is None:
        shared = is_network_path(path)
    db = ServiceDeskDatabase(str(path), shared=shared)
    previous = database_proxy.obj
    try:
        db.connect()
        mode = _set_journal_mode(db, shared)
        database_proxy.initialize(db)
        info = DatabaseInfo(path=path, shared=shared, journal_mode=mode, schema_version=found,
                            created=new)
        if migrate:
            _migrate(db, path, found, info, migrate_to)
    except DatabaseOpenError:
        db.close()
        database_proxy.initialize(previous)
        raise
    except pw.OperationalError as exc:
        db.close()
        database_proxy.initialize(previous)
        msg = str(exc).lower()
        code = "db.locked" if ("locked" in msg or "busy" in msg) else "db.corrupt"
        if "readonly" in msg or "read-only" in msg:
            code = "db.read_only"
        raise DatabaseOpenError(str(exc), code=code, path=str(path)) from exc
    except pw.DatabaseError as exc:
        db.close()
        database_proxy.initialize(previous)
        raise DatabaseOpenError(str(exc), code="db.corrupt", path=str(path)) from exc
    db.info = info
    retry.install(db)  # from now on every BEGIN waits visibly while another workstation writes
    return db


def _set_journal_mode(db: ServiceDeskDatabase, shared: bool) -> str:
    wanted = "delete" if shared else "wal"
    current = db.execute_sql("PRAGMA journal_mode").fetchone()[0].lower()
    if current != wanted:
        current = db.execute_sql(f"PRAGMA journal_mode={wanted}").fetchone()[0].lower()
    return current


def _applied(db: ServiceDeskDatabase) -> set[int]:
    exists = db.execute_sql("SELECT 1 FROM sqlite_master WHERE type='table' "
                            "AND name='schema_migrations'").fetchone()
    if not exists:
        return set()
    return {r[0] for r in db.execute_sql("SELECT number FROM schema_migrations")}


def _migrate(db: ServiceDeskDatabase, path: Path, found: int, info: DatabaseInfo,
             migrate_to: int | None = None) -> None:
    """Apply every known migration not yet recorded in ``schema_migrations`` (by number, not
    only those above ``user_version``: a lower-numbered migration may arrive later)."""
    wanted = [m for m in all_migrations() if migrate_to is None or m.number <= migrate_to]
    done = _applied(db)
    pending = [m for m in wanted if m.number not in done]
    if not pending:
        return
    if found > 0:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.schema{found}-{stamp}.bak")
        info.backup_path = backup_copy(path, target)
        info.upgraded_from = found
    with db.atomic():
        db.execute_sql("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        # Re-read under the write lock: another workstation may have migrated meanwhile.
        done = _applied(db)
        for migration in pending:
            if migration.number in done:
                continue
            migration.up(db)
            db.execute_sql("INSERT INTO schema_migrations (number, name, applied_at) VALUES (?,?,?)",
                           (migration.number, migration.name, clock.now().isoformat(sep=" ")))
            done.add(migration.number)
        version = max(done | {found})
        db.execute_sql(f"PRAGMA user_version = {int(version)}")  # noqa: S608 - an int
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    info.schema_version = version


@contextlib.contextmanager
def write_transaction(db: pw.Database | None = None) -> Iterator[None]:
    """A short ``BEGIN IMMEDIATE`` transaction; a lock held too long becomes DatabaseBusyError."""
    db = db or database_proxy.obj
    try:
        with db.atomic():
            yield
    except pw.OperationalError as exc:
        msg = str(exc).lower()
        if "locked" in msg or "busy" in msg:
            raise DatabaseBusyError(str(exc)) from exc
        raise


def close_thread_connection() -> None:
    """Close this thread's connection to the bound database (peewee keeps one per thread): a
    worker thread calls it when its job ends, so no connection outlives the job."""
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()
