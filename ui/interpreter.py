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

from PySide6.QtCore import QEvent

SWITCH_INTERVAL_S = 0.001


def tune() -> None:
    """Once per GUI process, before workers start."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


class PaintsHoldingLock:
    """Mixin for top-level widgets (``class MainWindow(PaintsHoldingLock, QMainWindow)``): Qt
    delivers the window's update request (the paint of every child) through this Python
    ``event()``, so the GUI thread holds the interpreter lock while the whole window paints."""

    def event(self, event: QEvent) -> bool:  # noqa: D102 - see the class
        return super().event(event)  # type: ignore[misc]


def freeze_heap() -> None:
    """Once the start-up's objects exist (modules, widgets, the warm-up's imports): leave them
    out of the cyclic garbage collector's full passes. A full pass walked all of them and
    blocked the window for 60-70 ms at random moments on the large database; afterwards it
    walks only what the session made since."""
    gc.freeze()
