"""Open or create a ServiceDesk database: checks, pragmas, migrations, write transactions.

Opening never damages a file it cannot use: the header is checked, the schema version read and
a quick check for damage run through a read-only connection, and only then is the file opened
for writing, upgraded (after a backup copy) or refused with a :class:`DatabaseOpenError` whose
``code`` the UI translates. Nothing is written on open unless a migration is due (#14):

- **Damage**: files up to ``OPEN_CHECK_FULL_BYTES`` get a whole ``PRAGMA quick_check``; larger
  ones (seconds per GB) a bounded one — header, schema, and the first and last page path of
  every table, the first of every index — and the whole file is checked in the background afterwards
  (:func:`full_check`, run by the UI) and before every backup (servicedesk.backup). A file
  found damaged is never written: :meth:`ServiceDeskDatabase.mark_damaged` makes every later
  transaction fail with ``db.damaged``.
- **Journal mode** is a property of the file, kept in SQLite's own header (the WAL flag): every
  workstation uses the mode the file has, and nothing switches it while opening. A new file is
  created in rollback-journal mode ("shared") when asked (``--shared``) or when it lies on a
  network share, in WAL mode otherwise; :func:`change_journal_mode` (an administrator's action)
  switches it only when no other workstation has the file open (servicedesk.presence).
- **An empty file** is not silently made a database: ``db.empty_file`` unless the caller asked
  (``init_empty=True``, after the user agreed). Only a path that does not exist is created.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
import threading
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
# Whole quick_check on open up to this size (~60 ms for the 10 MB small demo, part of the
# start-up); larger files get the bounded check on open and the whole one in the background
# (benchmark db_open_check).
OPEN_CHECK_FULL_BYTES = 16 * 1024 * 1024
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs",
               "fuse.rclone", "ncpfs", "afpfs", "webdav", "fuse.smbnetfs", "fuse.gvfsd-fuse"}


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
    # asked for shared mode (--shared) but the file is in WAL mode: not switched on open; an
    # administrator switches it (Tools › Database mode) — the UI says so
    shared_requested: bool = False
    open_check: str = "full"  # "full" quick_check on open, or "bounded" (large file)

    @property
    def location(self) -> str:
        """Where the data lives, for people (a server's info says user@host/database)."""
        return str(self.path)

    @property
    def identity(self) -> str:
        """A stable key of this database on this computer (remembered sign-ins)."""
        return str(Path(self.path).resolve())


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
        self.damaged: str | None = None  # what the integrity check found; no more writes then
        self.presence = None
        self._opened_by = threading.get_ident()

    def begin(self, *args, **kwargs):
        # A damaged file is never written (#14): refuse before the write lock is even taken.
        if self.damaged:
            raise DatabaseOpenError(f"{self.database} is damaged: {self.damaged}",
                                    code="db.damaged", path=str(self.database))
        return super().begin(*args, **kwargs)

    def mark_damaged(self, problem: str) -> None:
        """The background check found damage: refuse every write from now on — transactions at
        their BEGIN, single statements through SQLite's ``query_only`` on every connection."""
        self.damaged = problem or "integrity check failed"
        self._pragmas = [p for p in self._pragmas if p[0] != "query_only"] + [("query_only", 1)]
        if not self.is_closed():
            self.execute_sql("PRAGMA query_only = 1")

    def execute_sql(self, sql, params=None, *args, **kwargs):
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except pw.OperationalError as exc:
            if self.damaged and "readonly" in str(exc).lower():
                raise DatabaseOpenError(f"{self.database} is damaged: {self.damaged}",
                                        code="db.damaged", path=str(self.database)) from exc
            raise

    def close(self):
        # peewee closes this thread's connection only: a worker ending its job must not give up
        # the workstation's seat (servicedesk.presence), the thread that opened the file does
        if self.presence is not None and threading.get_ident() == self._opened_by:
            self.presence.close()
            self.presence = None
        return super().close()


def _statfs_type(path: str) -> str:  # pragma: no cover - macOS/BSD only
    """f_fstypename of the file system holding ``path`` (macOS statfs)."""
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs with 64-bit inodes (macOS >= 10.6)
        _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                    ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                    ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                    ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                    ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                    ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                    ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                    ("f_mntfromname", ctypes.c_char * 1024), ("f_reserved", ctypes.c_uint32 * 8)]

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
    buf = StatFs()
    probe = path
    while not os.path.exists(probe) and os.path.dirname(probe) != probe:
        probe = os.path.dirname(probe)
    if statfs(probe.encode(), ctypes.byref(buf)) != 0:
        return ""
    return buf.f_fstypename.decode(errors="replace")


def _mount_fstype(target: str, mounts: list[str]) -> str:
    """The file system type of the longest mount point holding ``target``, from lines of
    /proc/mounts ("dev dir type …") or of macOS/BSD ``mount`` ("dev on dir (type, …)")."""
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 4 and parts[1] == "on" and "(" in line:  # mount(8) on macOS/BSD
            head, _, rest = line.partition(" on ")
            where, _, opts = rest.rpartition(" (")
            mount_point, kind = where, opts.split(",")[0].strip(" )")
        elif len(parts) >= 3:
            mount_point, kind = parts[1].replace("\\040", " "), parts[2]
        else:
            continue
        if target == mount_point or target.startswith(mount_point.rstrip("/") + "/"):
            if len(mount_point) > len(best):
                best, fstype = mount_point, kind
    return fstype


def is_network_path(path: Path | str) -> bool:
    """True when ``path`` lies on a network share, where WAL must not be used: UNC paths,
    Windows network drives, and NFS/SMB/AFP/WebDAV mounts on Linux and macOS (/Volumes/…)."""
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
    target = os.path.realpath(text)
    if sys.platform == "darwin":  # pragma: no cover - macOS workstations
        try:
            return _statfs_type(target) in _NETWORK_FS
        except (OSError, AttributeError, ValueError):
            pass
        try:
            import subprocess

            out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            return False
        return _mount_fstype(target, out.splitlines()) in _NETWORK_FS
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    return _mount_fstype(target, mounts) in _NETWORK_FS


def _check_file(path: Path, *, create: bool, init_empty: bool = False) -> bool:
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
        # An existing empty file may be a mistake (a wrong name, a file being copied): only
        # a path that does not exist, or the user's explicit yes, makes a new database (#14).
        if not init_empty:
            raise DatabaseOpenError(f"{path} is an empty file", code="db.empty_file",
                                    path=str(path))
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
    if page_size < 512 or page_size & (page_size - 1) or header[18] not in (1, 2) \
            or header[19] not in (1, 2) or header[21:24] != b"\x40\x20\x20":
        raise DatabaseOpenError(f"{path} has a damaged header", code="db.corrupt", path=str(path))
    # The in-header size is valid when the change counters agree (SQLite >= 3.7.0 writers).
    if header[24:28] == header[92:96] and page_count:
        if size < page_count * page_size:
            raise DatabaseOpenError(f"{path} is truncated", code="db.corrupt", path=str(path))
        if int.from_bytes(header[32:36], "big") > page_count:  # first freelist trunk page
            raise DatabaseOpenError(f"{path} has a damaged free list", code="db.corrupt",
                                    path=str(path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(f"{path} is read-only", code="db.read_only", path=str(path))
    return False


@dataclass
class FileState:
    """What the read-only look at an existing file found."""

    version: int
    app_id: int
    journal_mode: str  # "wal" or "delete": the file's own mode (its header)
    check: str  # "full" or "bounded"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_PARTIAL = re.compile(r"\)\s*WHERE\s", re.IGNORECASE)
_INDEX_ON = re.compile(r'\bON\s+(?:"(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_.]*)\s*\(',
                       re.IGNORECASE)
_FIRST_COLUMN = re.compile(r'\s*(?:"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_]*))'
                           r'\s*(?:COLLATE\s+"?([A-Za-z0-9_]+)"?)?\s*(?:ASC|DESC)?\s*[,)]',
                           re.IGNORECASE)


def _first_index_column(sql: str) -> tuple[str | None, str | None]:
    """(column, collation) of the first term of a CREATE INDEX; (None, None) when that term is
    an expression."""
    on = _INDEX_ON.search(sql)
    match = _FIRST_COLUMN.match(sql, on.end()) if on else None
    if match is None:
        return None, None
    quoted, backtick, bracket, bare, collation = match.groups()
    column = (quoted.replace('""', '"') if quoted is not None else backtick or bracket or bare)
    return column, collation


def _bounded_check(con: sqlite3.Connection) -> str:
    """Cheap structural check of a large file: the schema b-tree wholly, then the first and
    the last page path of every table and the first of every index (their root pages and the
    pages below them that a write would touch first). SQLite validates each page it loads and
    reports a damaged one as "malformed". Tens of milliseconds on the 1.4 GB benchmark file."""
    result = con.execute("PRAGMA quick_check(sqlite_schema)").fetchone()[0]
    if result != "ok":
        return result
    probes: list[str] = []
    for name, sql in con.execute("SELECT name, sql FROM sqlite_schema "
                                 "WHERE type = 'table' AND rootpage > 0"):
        q = _quote(name)
        if sql is not None and "WITHOUT ROWID" in sql.upper():
            probes.append(f"SELECT 1 FROM {q} LIMIT 1")
            continue
        # NOT INDEXED: the table's own b-tree, not a covering index and a sort
        probes += [f"SELECT rowid FROM {q} NOT INDEXED ORDER BY rowid LIMIT 1",
                   f"SELECT rowid FROM {q} NOT INDEXED ORDER BY rowid DESC LIMIT 1"]
    # every index's first column and collation, read from its CREATE INDEX text (a PRAGMA per
    # index costs more than all the probes together); auto-indexes have no text: PRAGMA
    indexes = []
    for name, table, sql in con.execute("SELECT name, tbl_name, sql FROM sqlite_schema "
                                        "WHERE type = 'index' AND rootpage > 0"):
        if sql is None:
            info = con.execute(f"PRAGMA index_xinfo({_quote(name)})").fetchone()
            indexes.append((name, table, info[2] if info else None, info[4] if info else None, False))
            continue
        column, collation = _first_index_column(sql)
        indexes.append((name, table, column, collation, _PARTIAL.search(sql) is not None))
    for name, table, column, collation, partial in indexes:
        if column is None or partial:  # an expression or a partial index: not probed this way
            continue
        # in the index's own collation, or SQLite would sort the whole table instead
        # (none named: the column's own, which ORDER BY uses too)
        col = _quote(column) + (f" COLLATE {collation}" if collation else "")
        q, i = _quote(table), _quote(name)
        # one end: the root and one path (inserts land anywhere in an index; a table grows
        # at its right end, so tables get both ends)
        probes.append(f"SELECT 1 FROM {q} INDEXED BY {i} ORDER BY {col} LIMIT 1")

    def run(batch: list[str]) -> None:
        # many probes as the scalar subqueries of one statement: one prepare, not hundreds
        con.execute("SELECT " + ", ".join(f"({p})" for p in batch)).fetchall()

    for start in range(0, len(probes), 64):
        batch = probes[start:start + 64]
        try:
            run(batch)
        except sqlite3.OperationalError:
            for probe in batch:  # one of them cannot run this way: try them one by one
                try:
                    run([probe])
                except sqlite3.OperationalError as exc:
                    text = str(exc)
                    if "no query solution" in text or "no such column" in text:
                        continue  # a partial index, a virtual table's shadow: not probed
                    raise
    return "ok"


def open_check(con: sqlite3.Connection, size: int) -> tuple[str, str]:
    """(result, kind): the quick check on open; ``result`` is "ok" or SQLite's first finding."""
    if size <= OPEN_CHECK_FULL_BYTES:
        return con.execute("PRAGMA quick_check(1)").fetchone()[0], "full"
    return _bounded_check(con), "bounded"


def _inspect(path: Path, *, check: bool = True) -> FileState:
    """Version, owner, journal mode and the quick check, through a read-only connection (the
    file is not written, whatever it holds)."""
    with path.open("rb") as fh:
        wal = fh.read(20)[18:19] == b"\x02"  # the file's own mode: its header's WAL flag
    # A WAL file that nobody has open (no -wal, no -shm) is read as immutable: a plain
    # read-only connection would leave new -wal/-shm files beside a file it then refuses.
    quiet = wal and not any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm"))

    def look(immutable: bool) -> tuple[int, int, int, str, str]:
        uri = f"file:{path.as_posix()}?mode=ro" + ("&immutable=1" if immutable else "")
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            result, kind = ("ok", "none")
            if check and tables and app_id in (0, APPLICATION_ID):
                result, kind = open_check(con, path.stat().st_size)
            return version, app_id, tables, result, kind
        finally:
            con.close()

    try:
        try:
            version, app_id, tables, result, kind = look(quiet)
        except sqlite3.DatabaseError:
            if not quiet or not any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm")):
                raise
            version, app_id, tables, result, kind = look(False)  # someone opened it meanwhile
        if result != "ok" and quiet and any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm")):
            version, app_id, tables, result, kind = look(False)
    except sqlite3.DatabaseError as exc:
        msg = str(exc).lower()
        code = "db.locked" if "locked" in msg or "busy" in msg else "db.corrupt"
        raise DatabaseOpenError(str(exc), code=code, path=str(path)) from exc
    mode = "wal" if wal else "delete"
    if result != "ok":
        raise DatabaseOpenError(f"{path} is damaged: {result}", code="db.corrupt",
                                path=str(path), detail=result)
    if tables and app_id not in (0, APPLICATION_ID):
        raise DatabaseOpenError(f"{path} belongs to another program", code="db.foreign",
                                path=str(path))
    if tables and app_id == 0 and version == 0:
        raise DatabaseOpenError(f"{path} is not a ServiceDesk database", code="db.foreign",
                                path=str(path))
    return FileState(version, app_id, mode, kind)


def _read_version(path: Path) -> tuple[int, int]:
    """(user_version, application_id) read through a read-only connection."""
    state = _inspect(path, check=False)
    return state.version, state.app_id


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
                  migrate: bool = True, migrate_to: int | None = None,
                  init_empty: bool = False) -> ServiceDeskDatabase:
    """Open (or create) the database at ``path``, upgrade it and bind the models to it.

    ``shared`` (``--shared``) chooses the mode of a *new* file; an existing file keeps its own.
    ``init_empty`` makes a database in an existing empty file (the user agreed to it).
    ``path`` is a file, or a ``postgresql://`` URL for a database on a server (the returned
    database's ``dialect`` says which: "sqlite" or "postgresql"; servicedesk.pg).
    ``migrate_to`` stops at that schema version (tests build "older" databases with it).
    """
    from .pg import is_server_url

    if is_server_url(path):
        from .pg.database import open_postgres

        return open_postgres(str(path), create=create, migrate=migrate,  # type: ignore[return-value]
                             migrate_to=migrate_to)
    path = Path(path).expanduser()
    new = _check_file(path, create=create, init_empty=init_empty)
    found = 0
    network = is_network_path(path)
    if new:
        mode = "delete" if (shared or network) else "wal"
        check = "none"
    else:
        state = _inspect(path)
        found, mode, check = state.version, state.journal_mode, state.check
        supported = latest_version()
        if found > supported:
            raise DatabaseOpenError(
                f"{path} was written by a newer ServiceDesk (schema {found} > {supported})",
                code="db.newer_schema", path=str(path), found=found, supported=supported)
        if mode == "wal" and network:
            # WAL's shared memory does not work across machines: using it here corrupts.
            raise DatabaseOpenError(f"{path} is in WAL mode on a network share",
                                    code="db.wal_on_share", path=str(path))
    is_shared = mode != "wal"
    db = ServiceDeskDatabase(str(path), shared=is_shared)
    previous = database_proxy.obj
    try:
        db.connect()
        if new:
            mode = _set_journal_mode(db, is_shared)
        database_proxy.initialize(db)
        info = DatabaseInfo(path=path, shared=is_shared, journal_mode=mode, schema_version=found,
                            created=new, shared_requested=bool(shared) and not is_shared,
                            open_check=check)
        if migrate:
            _migrate(db, path, found, info, migrate_to)
        from .presence import Presence

        db.presence = Presence(path)
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
    """Only for a file being created (nobody else can have it open) and for
    :func:`change_journal_mode`; an existing file keeps its mode when opened."""
    wanted = "delete" if shared else "wal"
    current = db.execute_sql("PRAGMA journal_mode").fetchone()[0].lower()
    if current != wanted:
        current = db.execute_sql(f"PRAGMA journal_mode={wanted}").fetchone()[0].lower()
    return current


def change_journal_mode(db: ServiceDeskDatabase, shared: bool) -> str:
    """The administrator's action (Tools › Database mode): switch the file to the rollback
    journal (``shared``: several workstations, network shares) or to WAL (one workstation,
    local disk). Refused with ``db.mode_in_use`` while another workstation has the file open,
    and with ``db.wal_on_share`` for WAL on a network share. Returns the new mode."""
    from . import context
    from .permissions import Permission

    context.require(Permission.BACKUP)
    path = Path(db.database)
    if not shared and is_network_path(path):
        raise DatabaseOpenError(f"{path} is on a network share", code="db.wal_on_share",
                                path=str(path))
    wanted = "delete" if shared else "wal"
    if db.info.journal_mode == wanted:
        return wanted
    others = db.presence.others() if db.presence is not None else 0
    if others:
        raise DatabaseOpenError(f"{others} other workstation(s) have {path} open",
                                code="db.mode_in_use", path=str(path), others=others)
    if db.damaged:
        raise DatabaseOpenError(f"{path} is damaged", code="db.damaged", path=str(path))
    try:
        mode = _set_journal_mode(db, shared)
    except pw.OperationalError as exc:  # another connection still holds the file (WAL)
        raise DatabaseOpenError(str(exc), code="db.mode_in_use", path=str(path), others=1) from exc
    if mode != wanted:
        raise DatabaseOpenError(f"{path} stays in {mode} mode", code="db.mode_in_use",
                                path=str(path), others=1)
    sync = "FULL" if shared else "NORMAL"
    db.execute_sql(f"PRAGMA synchronous={sync}")
    db._pragmas = [(k, sync if k == "synchronous" else v) for k, v in db._pragmas]
    db.shared = shared
    db.info.shared = shared
    db.info.journal_mode = mode
    db.info.shared_requested = False
    return mode


def full_check(path: str | os.PathLike, *, per_table: bool | None = None,
               cancelled=lambda: False) -> str:
    """The whole ``PRAGMA integrity_check`` of the file, read-only: "ok" or the first finding.

    In WAL mode readers do not block writers: one pass. With the rollback journal a reader
    blocks every workstation's commits while it reads, so the check goes table by table, each
    in its own short read (``per_table``), and other workstations wait moments, not minutes.
    ``cancelled()`` is asked between tables (the app is closing)."""
    path = Path(path)
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        if per_table is None:
            per_table = con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal"
        if not per_table:
            return con.execute("PRAGMA integrity_check(1)").fetchone()[0]
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type='table' "
                                           "AND rootpage > 0 ORDER BY name")]
        for name in ["sqlite_schema", *names]:
            if cancelled():
                return "ok"
            result = con.execute(f"PRAGMA integrity_check({_quote(name)})").fetchone()[0]
            if result != "ok":
                return result
        return "ok"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()


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
        if info.open_check == "bounded":
            # A large file had only the bounded check: an upgrade writes, so the whole file is
            # checked first — on the copy just taken (the same pages), not under a lock.
            con = sqlite3.connect(str(target))
            try:
                result = con.execute("PRAGMA quick_check(1)").fetchone()[0]
            finally:
                con.close()
            if result != "ok":
                target.unlink(missing_ok=True)
                info.backup_path = None
                raise DatabaseOpenError(f"{path} is damaged: {result}", code="db.corrupt",
                                        path=str(path), detail=result)
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
    if db is None or db.is_closed():
        return
    if getattr(db, "dialect", "sqlite") == "postgresql" \
            and threading.current_thread() is threading.main_thread():
        return  # a job run inline (screenshots, tests): the app's own connection stays (issue 17)
    db.close()


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()
