"""The window's warm-up (#13, #18): the modules the first clicks need are imported off the GUI
thread, and importing each of them there is safe (no Qt object made at import)."""
from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap

from ui import warmup


def test_every_warmed_module_imports_on_a_worker_thread_in_a_fresh_process():
    # A fresh interpreter: here the modules may be imported already by other tests.
    code = textwrap.dedent(f"""
        import sys, threading
        sys.path.insert(0, {str(importlib.import_module("ui").__path__[0] + "/..")!r})
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from ui import warmup
        from ui.features import board  # its panel's modules are imported on a worker too
        modules = warmup.MODULES + board.PREPARE
        failed = []
        t = threading.Thread(target=lambda: failed.extend(warmup.import_all(modules)))
        t.start(); t.join()
        missing = [m for m in modules if m not in sys.modules]
        print("FAILED", failed, "MISSING", missing)
        sys.exit(1 if failed or missing else 0)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Qt says so when an object is made in the wrong thread or a widget off the GUI thread.
    assert "QObject" not in proc.stderr and "thread" not in proc.stderr.lower(), proc.stderr


def test_a_module_that_fails_to_import_is_reported_not_raised():
    assert warmup.import_all(("ui.fmt", "no_such_module_here")) == ["no_such_module_here"]


def test_when_done_runs_after_the_imports_and_at_once_afterwards(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    w = warmup.Warmup(owner, modules=("ui.fmt",))
    calls: list[str] = []
    w.when_done(lambda: calls.append("first"))  # asks for them: the warm-up starts now
    qtbot.waitUntil(lambda: w.is_done, timeout=10_000)
    assert calls == ["first"]
    w.when_done(lambda: calls.append("second"))
    assert calls == ["first", "second"]


def test_the_window_warms_up_once_shown_and_then_draws_the_overview_chart(window, qtbot):
    assert not window.warmup.is_done  # nothing imported for it before the window shows
    window.show()
    qtbot.waitUntil(lambda: window.warmup.is_done, timeout=60_000)
    page = window.workspace.currentWidget()
    assert page.objectName() == "overviewPage"
    qtbot.waitUntil(lambda: page.chart._plot is not None, timeout=10_000)


def test_steps_after_start_wait_for_the_warm_up_to_begin(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    w = warmup.Warmup(owner, modules=("ui.fmt",))
    ran: list[str] = []
    w.later(lambda: ran.append("badge"))
    w.later(lambda: 1 / 0)  # a failing step is logged; the others still run
    w.later(lambda: ran.append("alerts"))
    assert ran == []
    w.start(delay_ms=50)
    qtbot.waitUntil(lambda: ran == ["badge", "alerts"], timeout=5000)
    w.later(lambda: ran.append("afterwards"))  # once begun: at once
    assert ran[-1] == "afterwards"
