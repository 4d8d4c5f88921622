"""The main window: docks from features, layout saved and restored, language, screenshot."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from ui import fmt, i18n


def test_window_builds_with_overview_and_status(window):
    assert window.workspace.widget_for("overview") is not None
    assert str(window.ctx.db.info.path) in window._db_label.text()
    for dock in window.docks.values():
        assert dock.objectName(), "every dock needs a stable objectName for saveState()"


def test_layout_is_saved_and_restored(window, qtbot):
    window.show()
    docks = list(window.docks.values())
    if docks:
        docks[0].hide()
    window.close()
    state = window.ctx.settings.value("mainwindow/state")
    assert state is None or state  # screenshot-mode windows do not save


def test_italian_translation_and_formats(qapp):
    try:
        assert i18n.install(qapp, "it") == "it"
        assert QCoreApplication.translate("MainWindow", "&View") == "&Visualizza"
        import datetime as dt
        from decimal import Decimal

        assert fmt.date(dt.date(2026, 11, 27)) == "27/11/2026"
        assert fmt.euro(Decimal("1234.5")) == "1.234,50 €"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&View") == "&View"


def test_screenshot_command_writes_a_png(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICEDESK_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "ui.app", "--db", str(tmp_path / "new.db"),
                          "--lang", "it", "--screenshot", str(shot)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)


def test_focus_mode_hides_and_restores_the_panels(window, qtbot):
    window.show()
    visible = {name for name, dock in window.docks.items() if dock.isVisible()}
    assert visible
    window.focus_action.trigger()
    assert not any(dock.isVisible() for dock in window.docks.values())
    window.focus_action.trigger()
    assert {name for name, dock in window.docks.items() if dock.isVisible()} == visible
