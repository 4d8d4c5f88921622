"""The GUI thread keeps the interpreter lock while a window paints (#13): every top-level
window class paints through a Python ``event()``, and the GUI process switches threads at 1 ms."""
from __future__ import annotations

import ast
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
            self.inside_event.append("PaintsHoldingLock.event" in names)
            return f"{index.row()}:{index.column()}"
        return None


class _Window(PaintsHoldingLock, QWidget):
    pass


def test_a_paint_runs_its_cells_inside_the_windows_python_event(qtbot):
    """The cells of a repaint are asked for beneath the window's Python ``event()`` (the lock
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
