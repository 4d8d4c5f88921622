"""Busy handling: a write that finds the database locked by another workstation waits and
retries instead of failing, and tells the UI meanwhile ("database busy") (R-X-1).

SQLite already waits ``busy_timeout`` (db.BUSY_TIMEOUT_MS) for a lock before it reports
"database is locked". :func:`run_write` runs one short ``BEGIN IMMEDIATE`` transaction; the first
attempt waits ``first_wait_ms`` (a normal commit of another workstation takes milliseconds),
then the listeners hear ``busy(True)`` — the status bar shows it — and the write is retried with
back-off until ``deadline_s``; only then does :class:`DatabaseBusyError` reach the caller.

:func:`install` gives *every* write transaction of a database (services, ``BaseModel.save``)
the same patience at its start: with ``BEGIN IMMEDIATE`` the only lock wait of a transaction is
its BEGIN, and retrying a BEGIN is always safe because nothing has been done yet.
"""
from __future__ import annotations

import contextlib
import contextvars
import time
from typing import Callable, Iterator, TypeVar

import peewee as pw

from .errors import DatabaseBusyError
from .models import database_proxy

T = TypeVar("T")
BusyListener = Callable[[bool], None]
_listeners: list[BusyListener] = []
FIRST_WAIT_MS = 2_000
RETRY_WAIT_MS = 1_000
DEADLINE_S = 60.0
# Set while a unit of work (uow.perform) manages the busy timeout itself.
_unit_timeout: contextvars.ContextVar[int | None] = contextvars.ContextVar("sd_unit_timeout",
                                                                           default=None)


def add_busy_listener(listener: BusyListener) -> None:
    """``listener(True)`` when a write starts waiting for another workstation, ``(False)`` when
    it got through (or gave up). The UI uses it for its "database busy" indicator; a listener
    may process events so the indicator repaints."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_busy_listener(listener: BusyListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(state: bool) -> None:
    for listener in list(_listeners):
        try:
            listener(state)
        except Exception:  # noqa: BLE001 - a broken indicator must not break a write
            pass


_notify = notify  # older name, kept for the tests of the indicator


def is_busy_error(exc: BaseException) -> bool:
    """True when the whole unit of work may simply be run again: SQLite's "database is locked"
    (another workstation writes), PostgreSQL's serialization failure, deadlock or lock timeout
    (another transaction got in the way; servicedesk.pg.errors)."""
    if isinstance(exc, DatabaseBusyError):
        return True
    if isinstance(exc, (pw.OperationalError, pw.DatabaseError)):
        from .pg.errors import is_busy

        msg = str(exc).lower()
        return "locked" in msg or "busy" in msg or is_busy(exc)
    return False


def _set_timeout(db: pw.Database, ms: int) -> None:
    if isinstance(db, pw.DatabaseProxy):
        db = db.obj
    if getattr(db, "dialect", "sqlite") == "sqlite":
        db.execute_sql(f"PRAGMA busy_timeout = {int(ms)}")
    else:  # PostgreSQL: the next BEGIN waits that long for the write lock (no round trip now)
        db.lock_wait_ms = int(ms)


@contextlib.contextmanager
def patience(db: pw.Database, wait_ms: int) -> Iterator[None]:
    """Wait at most ``wait_ms`` for another workstation's lock during the block (SQLite's busy
    timeout), then the normal timeout again."""
    from .db import BUSY_TIMEOUT_MS

    _set_timeout(db, wait_ms)
    try:
        yield
    finally:
        try:
            _set_timeout(db, BUSY_TIMEOUT_MS)
        except pw.DatabaseError:  # pragma: no cover - connection gone
            pass


def run_write(work: Callable[[], T], *, db: pw.Database | None = None,
              first_wait_ms: int | None = None, retry_wait_ms: int | None = None,
              deadline_s: float | None = None) -> T:
    """Run ``work()`` as one unit of work (:func:`servicedesk.uow.perform`), retrying the whole
    unit while the database is busy. ``work`` must be safe to run again (everything it did was
    rolled back). Other errors (ConflictError, ValidationError, PermissionDenied) pass through
    unchanged at once."""
    from . import uow

    return uow.run(work, db=db, first_wait_ms=first_wait_ms, retry_wait_ms=retry_wait_ms,
                   deadline_s=deadline_s).result


def install(db: pw.Database) -> None:
    """Make ``db.begin`` wait patiently and visibly (see the module docstring). Idempotent."""
    if getattr(db, "_patient_begin", False):
        return
    original = db.begin

    def begin(*args, **kwargs):
        from .db import BUSY_TIMEOUT_MS

        if _unit_timeout.get() is not None:
            # Inside uow.run: it retries the whole unit itself, within its own deadline.
            return original(*args, **kwargs)

        start = time.monotonic()
        busy_shown = False
        if db.transaction_depth() == 0 and _unit_timeout.get() is None:
            _set_timeout(db, FIRST_WAIT_MS)
        try:
            while True:
                try:
                    return original(*args, **kwargs)
                except pw.OperationalError as exc:
                    if not is_busy_error(exc):
                        raise
                    if time.monotonic() - start >= DEADLINE_S:
                        raise DatabaseBusyError(str(exc)) from exc
                    if not busy_shown:
                        busy_shown = True
                        notify(True)
                    _set_timeout(db, RETRY_WAIT_MS)
        finally:
            try:
                if _unit_timeout.get() is None:
                    _set_timeout(db, BUSY_TIMEOUT_MS)
            finally:
                if busy_shown:
                    notify(False)

    db.begin = begin
    db._patient_begin = True
