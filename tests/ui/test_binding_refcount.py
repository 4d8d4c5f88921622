"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did: crash)."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

# From Python 3.12 None is immortal: its reference count never changes, so there is nothing to see.
pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python ≥ 3.12")


def _none_refs_lost(call, times: int = 500) -> int:
    call()  # warm up caches the first call may fill
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    return before - sys.getrefcount(None)


@pytest.mark.parametrize(
    "name, make",
    [
        ("QLabel.setText", lambda w: (lambda: w["label"].setText("x"))),
        ("QWidget.setEnabled", lambda w: (lambda: w["widget"].setEnabled(True))),
        ("QWidget.update", lambda w: (lambda: w["widget"].update())),
        ("QLineEdit.clear", lambda w: (lambda: w["edit"].clear())),
        ("QObject.setObjectName", lambda w: (lambda: w["object"].setObjectName("o"))),
        ("QTimer.stop", lambda w: (lambda: w["timer"].stop())),
    ],
)
def test_void_calls_keep_none_refcount(qtbot, name, make):
    """R-X-8: a void method called many times leaves None's reference count as it was."""
    widgets = {
        "label": QLabel(),
        "widget": QWidget(),
        "edit": QLineEdit(),
        "object": QObject(),
        "timer": QTimer(),
    }
    for w in widgets.values():
        if isinstance(w, QWidget):
            qtbot.addWidget(w)
    lost = _none_refs_lost(make(widgets))
    # A handful of references may move with interpreter caches; a leak loses one per call (500).
    assert abs(lost) < 50, f"{name}: None lost {lost} references over 500 calls (binding leak)"
