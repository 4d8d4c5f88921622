"""The modules a user soon needs, imported on a worker once the window is up (#13, #18).

Start-up imports only what the first screen shows. What the first clicks open — the charts
(pyqtgraph with numpy: about a second of imports), the analysis page, a request's editor and its
dialogs, the panels closed by default, the Excel export — would otherwise be imported on the GUI
thread by that click and freeze the window while it happens. A worker imports them a moment after
the window shows; a Python import on another thread leaves the GUI thread free between
bytecodes (measured: the event loop's longest gap stays around 30 ms while pyqtgraph imports).

Every module listed here must be importable off the GUI thread: classes and functions at module
level, no Qt object created at import (tests/ui/test_warmup.py imports each in a thread).
"""
from __future__ import annotations

import importlib
import logging
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from .workers import Worker

log = logging.getLogger(__name__)

DELAY_MS = 1000  # after the window shows: the queue's first page and the overview come first

MODULES = (
    "pyqtgraph",  # numpy with it; the overview's chart waits for this
    "ui.widgets.overview_chart",
    "ui.analysis.page",
    "ui.analysis.chart",
    "ui.analysis.export",
    "ui.editors.request.editor",
    "ui.widgets.audit_view",
    "ui.widgets.board_request_panels",
    "ui.widgets.board_worklog_panel",
    "ui.dialogs.worklog_dialog",
    "ui.dialogs.serial_lookup",
    "ui.dialogs.schedule_dialog",
    "ui.dialogs.complete_dialog",
    "ui.docks.contract_editor",
    "ui.docks.kb_search",
    "ui.widgets.my_day",
    "openpyxl",
)


def import_all(modules: tuple[str, ...] = MODULES) -> list[str]:
    """Import ``modules`` (on a worker); returns those that failed (logged, never raised: a
    module not warmed is imported when first used, as without this)."""
    failed = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - warming is an optimisation, never an error
            log.exception("warm-up import of %s failed", name)
            failed.append(name)
    return failed


class Warmup(QObject):
    """One per window: :meth:`start` after the window shows; :meth:`when_done` runs a callable
    once the modules are imported (at once if they are)."""

    done = Signal()

    def __init__(self, parent: QObject, *, threaded: bool = True,
                 modules: tuple[str, ...] = MODULES) -> None:
        super().__init__(parent)
        self._modules = modules
        self._threaded = threaded
        self._state = "idle"  # idle → waiting → running → done
        self._later: list[Callable[[], None]] = []
        self.worker = Worker(self, threaded=threaded)

    @property
    def is_done(self) -> bool:
        return self._state == "done"

    def start(self, delay_ms: int = DELAY_MS) -> None:
        if self._state != "idle":
            return
        self._state = "waiting"
        if not self._threaded:
            self._run()  # screenshots and deterministic tests: now, inline
        else:
            QTimer.singleShot(delay_ms, self, self._run)

    def later(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the start-up is over (when the warm-up begins, before its imports):
        background reads the first screen does not need (status-bar badges, the spelling
        word list) would otherwise compete with it for the interpreter."""
        if self._state in ("running", "done"):
            fn()
        else:
            self._later.append(fn)

    def when_done(self, fn: Callable[[], None]) -> None:
        if self.is_done:
            fn()
        else:
            self.done.connect(fn, type=Qt.ConnectionType.SingleShotConnection)
            if self._state == "idle":
                self.start(0)  # somebody needs them now

    def _run(self) -> None:
        self._state = "running"
        waiting, self._later = self._later, []
        for fn in waiting:
            try:
                fn()
            except Exception:  # noqa: BLE001 - one failing start-up step must not stop the rest
                log.exception("start-up step %r failed", fn)
        self.worker.run(import_all, self._modules, on_done=self._finished, key="warmup",
                        on_error=lambda _err: self._finished([]))

    def _finished(self, _failed: list[str]) -> None:
        self._state = "done"
        self.done.emit()
