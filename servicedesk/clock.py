"""The current time, in one place so tests can freeze it."""
from __future__ import annotations

import datetime as dt

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """Local wall-clock time without microseconds (what users see and type)."""
    if _frozen is not None:
        return _frozen
    return dt.datetime.now().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def freeze(at: dt.datetime | None) -> None:
    """Freeze the clock at ``at`` (``None`` unfreezes). For tests and demo generation."""
    global _frozen
    _frozen = at
