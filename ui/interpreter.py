"""The GUI thread and the interpreter lock: a window paints without handing the lock to workers
between every cell (#13).

Qt calls the Python models and delegates many times per paint: `data()` per cell and role,
`rowCount()` per index, `headerData()` per section. When the GUI thread enters such a callback
from the event loop it must take the interpreter lock, and PySide gives it back when the
callback returns. With a worker running Python at the same time (a background read, the outbox
sender, the warm-up's imports), every callback then waits for the worker's time slice: a screen
of the request queue that paints in 30 ms took seconds (measured: 33 ms quiet, 5.6 s beside a
busy thread). A top-level window whose ``event()`` is a Python method keeps the lock across the
whole of its paint (Qt paints every child from the top-level's update request), so the workers
get the lock only at the interpreter's own switch points, as between two Python threads.

``tune()`` shortens those switch points for the GUI process: the GUI thread waits at most 1 ms
(not Python's 5 ms) each time it gives the lock back, e.g. for a query's rows or a constructor.
"""
from __future__ import annotations

import gc
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

SWITCH_INTERVAL_S = 0.001


def tune() -> None:
    """Once per GUI process, before workers start."""
    from servicedesk import give_way as core_give_way

    sys.setswitchinterval(SWITCH_INTERVAL_S)
    core_give_way.set_hook(give_way)


_PAINTS = (QEvent.Type.UpdateRequest, QEvent.Type.Paint)
GIVE_WAY_MAX_S = 0.03  # the longest a worker's statement waits for a paint to end
_painting = 0  # windows painting now (on the GUI thread)


class _PaintHold(QObject):
    """Filters the update requests of top-level windows: it paints the window itself, from
    Python, so that the GUI thread holds the interpreter lock throughout. Only paints: any
    other event goes on to the window in C++ without the lock. (A window's own ``event()`` in
    Python held it for every event, and a window deleted while its worker ran Python then
    deadlocked: the worker pool's destructor waited for a job that waited for the lock.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        global _painting
        if event.type() not in _PAINTS or not isinstance(watched, QWidget):
            return False
        _painting += 1
        try:
            watched.event(event)
        finally:
            _painting -= 1
        return True  # painted: Qt must not deliver it again


_hold: _PaintHold | None = None


class PaintsHoldingLock:
    """Mixin for top-level widgets (``class MainWindow(PaintsHoldingLock, QMainWindow)``): Qt
    paints every child of a window from the window's update request, which a filter of this
    module delivers from Python, so the GUI thread holds the interpreter lock while the whole
    window paints, and workers' statements wait for the paint to end (:func:`give_way`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        global _hold
        super().__init__(*args, **kwargs)
        if _hold is None:
            _hold = _PaintHold()
        self.installEventFilter(_hold)  # type: ignore[attr-defined]


def give_way() -> None:
    """On a worker, before each statement (``servicedesk.give_way``): while a window paints,
    wait (at most 30 ms). Two or three busy workers otherwise share the lock with the paint
    in 1 ms turns and a screen of the queue took three times its 25 ms."""
    if not _painting:
        return
    deadline = time.monotonic() + GIVE_WAY_MAX_S
    while _painting and time.monotonic() < deadline:
        time.sleep(0.001)


def freeze_heap() -> None:
    """Once the start-up's objects exist (modules, widgets, the warm-up's imports): leave them
    out of the cyclic garbage collector's full passes. A full pass walked all of them and
    blocked the window for 60-70 ms at random moments on the large database; afterwards it
    walks only what the session made since."""
    gc.freeze()
