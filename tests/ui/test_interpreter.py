"""The GUI thread keeps the interpreter lock while a window paints (#13): every top-level
window class paints from a Python frame (the paint filter), and the GUI process switches
threads at 1 ms."""
from __future__ import annotations

import ast
import textwrap
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from ui.interpreter import SWITCH_INTERVAL_S, PaintsHoldingLock

UI = Path(__file__).resolve().parents[2] / "ui"
TOP_LEVEL = {"QDialog", "QWizard", "QMainWindow", "QDockWidget"}


def test_every_top_level_window_class_paints_holding_the_lock():
    missing = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
            if TOP_LEVEL & set(bases) and "PaintsHoldingLock" not in bases:
                missing.append(f"{path.relative_to(UI.parent)}:{node.lineno} {node.name}")
    assert missing == [], "add PaintsHoldingLock before the Qt base:\n" + "\n".join(missing)


def test_the_window_sets_the_switch_interval(window):
    assert sys.getswitchinterval() == SWITCH_INTERVAL_S


class _Cells(QAbstractTableModel):
    """Records on which thread, and under which Python frames, Qt asked for each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.inside_event = []

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 50

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            frame, names = sys._getframe(1), []
            while frame is not None:
                names.append(frame.f_code.co_qualname)
                frame = frame.f_back
            self.inside_event.append("_PaintHold.eventFilter" in names)
            return f"{index.row()}:{index.column()}"
        return None


class _Window(PaintsHoldingLock, QWidget):
    pass


def test_a_paint_runs_its_cells_inside_the_windows_python_event(qtbot):
    """The cells of a repaint are asked for beneath the paint filter's Python frame (the lock
    is held from there on), also while another Python thread is busy. (The first paint of a
    window comes from its expose event, outside it: it is not what scrolling repeats.)"""
    window = _Window()
    qtbot.addWidget(window)
    view = QTableView()
    model = _Cells()
    view.setModel(model)
    QVBoxLayout(window).addWidget(view)
    window.resize(400, 300)
    stop = threading.Event()
    busy = threading.Thread(target=lambda: [None for _ in iter(stop.is_set, True)], daemon=True)
    busy.start()
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(100)  # the first paint comes with the window's expose, not its update request
        model.inside_event.clear()
        view.viewport().update()
        deadline = time.monotonic() + 5
        while not model.inside_event and time.monotonic() < deadline:
            qtbot.wait(10)
    finally:
        stop.set()
        busy.join()
    assert model.inside_event and all(model.inside_event)


def test_a_worker_gives_way_while_a_window_paints_and_not_longer_than_the_cap(monkeypatch):
    from ui import interpreter

    waited: list[float] = []
    clock = [0.0]
    monkeypatch.setattr(interpreter.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(interpreter.time, "sleep", lambda s: (waited.append(s),
                                                              clock.__setitem__(0, clock[0] + s)))
    interpreter.give_way()
    assert waited == []  # nothing paints: no wait
    monkeypatch.setattr(interpreter, "_painting", 1)
    interpreter.give_way()  # a paint that does not end: the worker goes on after the cap
    assert abs(sum(waited) - interpreter.GIVE_WAY_MAX_S) < 0.002


def test_the_window_installs_the_give_way_hook(window):
    from servicedesk import give_way
    from ui import interpreter

    assert give_way._hook is interpreter.give_way


def test_closing_a_window_while_its_worker_runs_python_does_not_deadlock():
    """A window deleted while a job of its worker still runs Python: the pool's destructor
    waits for the job, which needs the interpreter lock. The paint hold must not keep the lock
    through the deletion (it did when it was the window's own ``event()``: the app hung)."""
    import os
    import subprocess

    code = textwrap.dedent("""
        import threading, time
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication, QWidget
        app = QApplication([])
        from ui.interpreter import PaintsHoldingLock, tune
        from ui.workers import Worker
        tune()
        class Window(PaintsHoldingLock, QWidget):
            pass
        window = Window()
        window.show()
        app.processEvents()
        worker = Worker(window)
        started = threading.Event()
        def job():
            started.set()
            end, n = time.monotonic() + 1.0, 0
            while time.monotonic() < end:
                n += 1  # Python: needs the interpreter lock
            return n
        worker.run(job)
        assert started.wait(10)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        print("CLOSED")
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=60, cwd=str(UI.parent))
    assert "CLOSED" in proc.stdout, proc.stderr[-3000:]
