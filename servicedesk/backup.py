"""Online backups with SQLite's backup API, rotation, restore, and recovery of a corrupt file
(R-X-1).

A backup is a consistent snapshot taken while other workstations keep working (one read
transaction over the whole copy: in WAL mode writers are not blocked; with the rollback journal
they wait a moment, within the busy timeout). It is written to a temporary name, given the full
``PRAGMA integrity_check`` and then renamed, so neither a half-written file nor a copy of a
damaged database ever looks like a backup.

Files: ``<folder>/<db stem>-YYYYMMDD-HHMMSS-<kind>.db`` where kind is ``auto`` (on start and
daily), ``manual`` ("Back up now") or ``prerestore`` (the content a restore replaced).
Rotation keeps the newest automatic backup of each of the
last ``daily`` days that have one and of each of the ``weekly`` ISO weeks before; the other
kinds are the user's and are never deleted automatically. The folder defaults to ``<db stem>-backups``
next to the database; the shared setting ``backup.folder`` can point elsewhere.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import clock, context
from .errors import ServiceDeskError
from .permissions import Permission

KINDS = ("auto", "manual", "prerestore")
DEFAULT_DAILY = 7
DEFAULT_WEEKLY = 4
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>auto|manual|prerestore)\.db$")
SETTING_KEY = "backup.settings"


class BackupError(ServiceDeskError):
    """``code``: backup.folder (cannot write the folder), backup.bad (the backup fails its
    integrity check or is not a ServiceDesk database), backup.newer (written by a newer version),
    backup.source_damaged (the live database itself is damaged), backup.failed (I/O error)."""

    code = "backup.failed"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    kind: str
    size: int


@dataclass
class BackupSettings:
    folder: str = ""  # "" = next to the database
    daily: int = DEFAULT_DAILY
    weekly: int = DEFAULT_WEEKLY
    automatic: bool = True


# -- settings (shared by the workstations, in the Setting table) ------------------------------
def load_settings() -> BackupSettings:
    from . import settings as office

    data = office.read(office.BACKUP)
    return BackupSettings(folder=str(data.get("folder", "")),
                          daily=max(1, int(data.get("daily", DEFAULT_DAILY))),
                          weekly=max(0, int(data.get("weekly", DEFAULT_WEEKLY))),
                          automatic=bool(data.get("automatic", True)))


def save_settings(settings: BackupSettings) -> None:
    from . import settings as office
    from .errors import FieldError, ValidationError

    context.require(Permission.BACKUP)
    errors = []
    if not 1 <= settings.daily <= 365:
        errors.append(FieldError("daily", "backup.keep_range", {"min": 1, "max": 365}))
    if not 0 <= settings.weekly <= 520:
        errors.append(FieldError("weekly", "backup.keep_range", {"min": 0, "max": 520}))
    if settings.folder:
        folder = Path(settings.folder).expanduser()
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            errors.append(FieldError("folder", "backup.folder", {"path": str(folder)}))
    if errors:
        raise ValidationError(errors)
    office.write(office.BACKUP, {"folder": settings.folder, "daily": settings.daily,
                                 "weekly": settings.weekly, "automatic": settings.automatic})


def backup_folder(db_path: Path, settings: BackupSettings | None = None) -> Path:
    settings = settings or BackupSettings()
    if settings.folder:
        return Path(settings.folder).expanduser()
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-backups"


# -- listing and checking ------------------------------------------------------------------
def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of ``db_path`` in ``folder``, newest first."""
    db_path = Path(db_path)
    folder = folder or backup_folder(db_path)
    if not folder.is_dir():
        return []
    out = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if not m or m.group("stem") != db_path.stem or not entry.is_file():
            continue
        taken = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        out.append(BackupInfo(entry, taken, m.group("kind"), entry.stat().st_size))
    out.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return out


def check_file(path: Path, *, full: bool = True) -> str:
    """"ok", or what is wrong: "corrupt", "not_servicedesk", "newer"."""
    from .db import APPLICATION_ID
    from .migrations import latest_version

    try:
        con = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, timeout=10)
        try:
            pragma = "integrity_check" if full else "quick_check"
            result = con.execute(f"PRAGMA {pragma}").fetchone()[0]
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return "corrupt"
    if result != "ok":
        return "corrupt"
    if app_id != APPLICATION_ID:
        return "not_servicedesk"
    if version > latest_version():
        return "newer"
    return "ok"


def latest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes ``PRAGMA integrity_check`` (offered when the database is
    corrupt)."""
    for info in list_backups(db_path, folder):
        if check_file(info.path) == "ok":
            return info
    return None


# -- taking backups ------------------------------------------------------------------------
def take_backup(db_path: Path, *, kind: str = "manual", folder: Path | None = None) -> BackupInfo:
    """Copy the live database into ``folder`` with the online backup API."""
    if kind not in KINDS:
        raise ValueError(kind)
    db_path = Path(db_path)
    folder = folder or backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(str(exc), code="backup.folder", path=str(folder)) from exc
    if not os.access(folder, os.W_OK):
        raise BackupError(f"{folder} is not writable", code="backup.folder", path=str(folder))
    now = clock.now()
    # Unique per process *and* thread: an automatic and a manual backup may run at once.
    tmp = folder / f".{db_path.stem}-{now:%Y%m%d-%H%M%S}-{kind}.{uuid.uuid4().hex}.tmp"
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{kind}.db"
    try:
        _copy(db_path, tmp)
        # The copy is page for page, one snapshot: the full integrity check of the copy is the
        # check of the database at that moment, without holding the live file's lock for it
        # (#14). A damaged copy means a damaged database; nothing damaged is kept as a backup.
        if _integrity_check(tmp) != "ok":
            raise BackupError("the database is damaged", code="backup.source_damaged",
                              path=str(db_path))
        target, now = _claim_name(folder, db_path.stem, kind, now)
        try:
            os.replace(tmp, target)
        except OSError:
            target.unlink(missing_ok=True)  # the empty file that reserved the name
            raise
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc).lower() or "not a database" in str(exc).lower():
            raise BackupError(str(exc), code="backup.source_damaged", path=str(db_path)) from exc
        raise BackupError(str(exc), code="backup.failed", path=str(target)) from exc
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(str(exc), code="backup.failed", path=str(target)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return BackupInfo(target, now, kind, target.stat().st_size)


def _claim_name(folder: Path, stem: str, kind: str, when: dt.datetime) -> tuple[Path, dt.datetime]:
    """Reserve the backup's file name: two backups in the same second (this workstation's
    automatic and manual ones, or another workstation's) each get their own file."""
    while True:
        target = folder / f"{stem}-{when:%Y%m%d-%H%M%S}-{kind}.db"
        try:
            with open(target, "x"):
                return target, when
        except FileExistsError:
            when += dt.timedelta(seconds=1)


def _integrity_check(path: Path) -> str:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("PRAGMA integrity_check(1)").fetchone()[0]
    finally:
        con.close()


def _copy(source: Path, target: Path) -> None:
    """The online backup: one pass inside one read transaction, so the copy is a snapshot."""
    from .db import BUSY_TIMEOUT_MS

    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst, pages=-1)
            # The copy must stand alone: no WAL of its own, ready to be opened anywhere.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def backup_now(db_path: Path, settings: BackupSettings | None = None) -> BackupInfo:
    """"Back up now" (administrators)."""
    context.require(Permission.BACKUP)
    settings = settings or load_settings()
    info = take_backup(db_path, kind="manual", folder=backup_folder(db_path, settings))
    return info


def automatic_backup(db_path: Path, *, force: bool = False,
                     settings: BackupSettings | None = None) -> BackupInfo | None:
    """The automatic backup (on start and daily, any workstation): taken when none was taken
    today (by any workstation), then old ones are rotated. Returns None when nothing was due.
    With ``settings`` given it does not touch the models (safe on a worker thread)."""
    settings = settings or load_settings()
    if not settings.automatic and not force:
        return None
    folder = backup_folder(db_path, settings)
    today = clock.today()
    if not force and any(b.kind == "auto" and b.taken_at.date() == today
                         for b in list_backups(db_path, folder)):
        return None
    info = take_backup(db_path, kind="auto", folder=folder)
    rotate(db_path, folder, daily=settings.daily, weekly=settings.weekly)
    return info


def due_for_automatic(db_path: Path, settings: BackupSettings | None = None) -> bool:
    settings = settings or load_settings()
    if not settings.automatic:
        return False
    today = clock.today()
    return not any(b.kind == "auto" and b.taken_at.date() == today
                   for b in list_backups(db_path, backup_folder(db_path, settings)))


def rotate(db_path: Path, folder: Path | None = None, *, daily: int = DEFAULT_DAILY,
           weekly: int = DEFAULT_WEEKLY) -> list[Path]:
    """Delete automatic backups beyond ``daily`` days + ``weekly`` weeks; returns what went."""
    autos = [b for b in list_backups(db_path, folder) if b.kind == "auto"]  # newest first
    keep: set[Path] = set()
    days: list[dt.date] = []
    for b in autos:
        day = b.taken_at.date()
        if day in days:
            continue
        if len(days) < daily:
            days.append(day)
            keep.add(b.path)
        else:
            break
    weeks: list[tuple[int, int]] = []
    kept_weeks = {b.taken_at.isocalendar()[:2] for b in autos if b.path in keep}
    for b in autos:
        if b.path in keep:
            continue
        week = tuple(b.taken_at.isocalendar()[:2])
        if week in kept_weeks or week in weeks:
            continue
        if len(weeks) < weekly:
            weeks.append(week)  # type: ignore[arg-type]
            keep.add(b.path)
    removed = []
    for b in autos:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


# -- restore and recovery ------------------------------------------------------------------
def _validate_backup(backup: Path) -> None:
    state = check_file(backup)
    if state == "newer":
        raise BackupError("backup from a newer version", code="backup.newer", path=str(backup))
    if state != "ok":
        raise BackupError(f"backup is {state}", code="backup.bad", path=str(backup))


def restore(db_path: Path, backup: Path, *, check_permission: bool = True) -> Path:
    """Replace the content of the live database with ``backup``; the current content is first
    kept aside (a backup of kind "prerestore", so the restore can be undone). Returns its path.

    The content is written through SQLite's backup API into the live file, so other
    workstations with the database open see the restored data at their next transaction
    (their journals stay consistent). The caller reopens the database afterwards (an older
    backup is upgraded by the usual migrations on open)."""
    if check_permission:
        context.require(Permission.BACKUP)
    db_path, backup = Path(db_path), Path(backup)
    _validate_backup(backup)
    settings = load_settings() if check_permission else BackupSettings()
    folder = backup_folder(db_path, settings)
    try:
        before = take_backup(db_path, kind="prerestore", folder=folder).path
    except BackupError as err:
        if err.code != "backup.source_damaged":
            raise
        before = _keep_damaged_copy(db_path)  # the damaged content, kept as it is
    from .db import BUSY_TIMEOUT_MS

    src = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst, pages=-1)
        finally:
            dst.close()
    finally:
        src.close()
    return before


def _keep_damaged_copy(db_path: Path) -> Path:
    """A byte copy of a damaged database (and its -wal) as ``<name>.corrupt-<stamp>``: the
    online backup refuses damaged pages, yet someone may want to rescue rows from it."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
    shutil.copyfile(db_path, aside)
    wal = Path(f"{db_path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{aside}-wal"))
    return aside


def recover_corrupt(db_path: Path, backup: Path) -> Path:
    """The database file is damaged: move it (and its -wal/-shm) aside as
    ``<name>.corrupt-<stamp>`` and put a copy of ``backup`` in its place. Returns where the
    damaged file went. Needs no sign-in: nobody can sign in to a corrupt database."""
    db_path, backup = Path(db_path), Path(backup)
    _validate_backup(backup)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    try:
        with db_path.open("rb") as fh:
            wal = fh.read(20)[18:19] == b"\x02"  # the file's journal mode, kept (#14)
    except OSError:
        wal = False
    shutil.copyfile(backup, tmp)
    if wal:  # backups are stored in rollback mode; nobody has the copy open yet
        con = sqlite3.connect(str(tmp))
        try:
            con.execute("PRAGMA journal_mode=WAL")
        finally:
            con.close()
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(aside) + suffix))
    os.replace(tmp, db_path)
    return aside
