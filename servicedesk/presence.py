"""Who has a database file open: one locked byte ("seat") per open database in a side file.

SQLite tells nobody about idle connections in rollback-journal mode (they hold no lock between
transactions), yet a journal-mode change must wait until nobody has the file open (#14). Each
open database locks one byte of ``<file>-presence`` exclusively, with the same byte-range locks
SQLite itself relies on (POSIX fcntl, Windows LockFile): they are released by the OS when a
process ends, even by a crash, and a workstation can test whether any seat but its own is held.
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

SEATS = 512


def presence_path(db_path: Path) -> Path:
    return Path(f"{db_path}-presence")


def _try_lock(fd: int, seat: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows workstations
        import msvcrt

        os.lseek(fd, seat, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, seat)
    except OSError:
        return False
    return True


def _unlock(fd: int, seat: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, seat, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.lockf(fd, fcntl.LOCK_UN, 1, seat)


class Presence:
    """This process's seat at one database file; :meth:`others` counts the other seats held."""

    def __init__(self, db_path: Path) -> None:
        self.path = presence_path(Path(db_path))
        self.fd: int | None = None
        self.seat: int | None = None
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:  # a read-only folder: nothing to announce, nothing we could switch
            return
        seats = list(range(SEATS))
        random.shuffle(seats)  # workstations starting together pick different seats
        for seat in seats:
            if _try_lock(self.fd, seat):
                self.seat = seat
                break

    def others(self) -> int:
        """How many seats other processes hold (0 when this file cannot be checked: then the
        caller relies on SQLite's own locks)."""
        if self.fd is None:
            return 0
        busy = 0
        for seat in range(SEATS):
            if seat == self.seat:
                continue
            if _try_lock(self.fd, seat):
                _unlock(self.fd, seat)
            else:
                busy += 1
        return busy

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the seat
            self.fd = None
