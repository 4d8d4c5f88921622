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

import random
import time
from typing import Callable, TypeVar

import peewee as pw

from .errors import DatabaseBusyError
from .models import database_proxy

T = TypeVar("T")
BusyListener = Callable[[bool], None]
_listeners: list[BusyListener] = []
FIRST_WAIT_MS = 2_000
RETRY_WAIT_MS = 1_000
DEADLINE_S = 60.0


def add_busy_listener(listener: BusyListener) -> None:
    """``listener(True)`` when a write starts waiting for another workstation, ``(False)`` when
    it got through (or gave up). The UI uses it for its "database busy" indicator; a listener
    may process events so the indicator repaints."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_busy_listener(listener: BusyListener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _notify(state: bool) -> None:
    for listener in list(_listeners):
        try:
            listener(state)
        except Exception:  # pragma: no cover - a broken indicator must not break a write
            pass


def is_busy_error(exc: BaseException) -> bool:
    if isinstance(exc, DatabaseBusyError):
        return True
    if isinstance(exc, (pw.OperationalError, pw.DatabaseError)):
        msg = str(exc).lower()
        return "locked" in msg or "busy" in msg
    return False


def _set_timeout(db: pw.Database, ms: int) -> None:
    db.execute_sql(f"PRAGMA busy_timeout = {int(ms)}")


def run_write(work: Callable[[], T], *, db: pw.Database | None = None,
              first_wait_ms: int = FIRST_WAIT_MS, retry_wait_ms: int = RETRY_WAIT_MS,
              deadline_s: float = DEADLINE_S) -> T:
    """Run ``work()`` inside one ``BEGIN IMMEDIATE`` transaction, retrying while the database is
    busy. ``work`` must be safe to run again (everything it did was rolled back). Other errors
    (ConflictError, ValidationError, PermissionDenied) pass through unchanged at once."""
    db = db or database_proxy.obj
    if db.in_transaction():
        # Nested in a caller's transaction: the lock is already held (or the caller retries).
        return work()
    from .db import BUSY_TIMEOUT_MS

    start = time.monotonic()
    attempt = 0
    busy_shown = False
    try:
        while True:
            wait = first_wait_ms if attempt == 0 else retry_wait_ms
            _set_timeout(db, wait)
            try:
                with db.atomic():
                    result = work()
                return result
            except Exception as exc:  # noqa: BLE001 - filtered just below
                if not is_busy_error(exc):
                    raise
                attempt += 1
                if time.monotonic() - start >= deadline_s:
                    raise DatabaseBusyError(str(exc), attempts=attempt) from exc
                if not busy_shown:
                    busy_shown = True
                    _notify(True)
                # jitter, so workstations that were waiting together do not collide again
                time.sleep(random.uniform(0.005, 0.05) * min(attempt, 10))
    finally:
        try:
            _set_timeout(db, BUSY_TIMEOUT_MS)
        except pw.DatabaseError:  # pragma: no cover - connection gone
            pass
        if busy_shown:
            _notify(False)


def install(db: pw.Database) -> None:
    """Make ``db.begin`` wait patiently and visibly (see the module docstring). Idempotent."""
    if getattr(db, "_patient_begin", False):
        return
    original = db.begin

    def begin(*args, **kwargs):
        from .db import BUSY_TIMEOUT_MS

        start = time.monotonic()
        busy_shown = False
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
                        _notify(True)
                    _set_timeout(db, RETRY_WAIT_MS)
        finally:
            try:
                _set_timeout(db, BUSY_TIMEOUT_MS)
            finally:
                if busy_shown:
                    _notify(False)

    db.begin = begin
    db._patient_begin = True
