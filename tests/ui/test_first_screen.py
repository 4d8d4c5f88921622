"""The first screen (#18): the queue's first page is read first; the board's and the
overview's first reads start once it is up; the warm-up starts with a saved layout too."""
from __future__ import annotations

import threading

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.appctx import AppContext
from ui.bus import EventBus


def _window(qtbot, demo_db, monkeypatch, tmp_path, *, saved_layout: bool = False):
    """The real window as the app builds it (workers on threads), settings of its own."""
    from ui import app as app_module
    from ui import settings as ui_settings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(app_module, "app_settings", lambda: settings)
    i18n.install(QApplication.instance(), "en")
    if saved_layout:
        first = app_module.build_window(demo_db, lang="en", unattended=True)
        ui_settings.WINDOW_STATE.write(settings, first.saveState(4))
        ui_settings.WINDOW_GEOMETRY.write(settings, first.saveGeometry())
        first.deleteLater()
    win = app_module.build_window(demo_db, lang="en", unattended=True)
    qtbot.addWidget(win)
    if saved_layout:
        win.restore_layout()
        assert not win._sizes_pending  # the saved layout was taken
    return win


def test_the_board_and_the_overview_read_after_the_queues_first_page(qtbot, demo_db, monkeypatch,
                                                                      tmp_path):
    from ui.docks import request_queue, team_board
    from ui.features import overview

    order: list[str] = []
    lock = threading.Lock()

    def recorded(name, real):
        def job(*args, **kwargs):
            with lock:
                order.append(name)
            return real(*args, **kwargs)
        return job

    monkeypatch.setattr(request_queue, "_queue_view", recorded("queue", request_queue._queue_view))
    monkeypatch.setattr(team_board, "_read", recorded("board", team_board._read))
    monkeypatch.setattr(overview, "_figures", recorded("overview", overview._figures))
    win = _window(qtbot, demo_db, monkeypatch, tmp_path)
    assert order == ["queue"]  # asked for while the window is built; the others wait
    win.show()
    qtbot.waitUntil(lambda: {"board", "overview"} <= set(order), timeout=20_000)
    assert order[0] == "queue"
    assert win.request_queue.model.rowCount() > 0
    qtbot.waitUntil(lambda: not win.board.worker.is_running(), timeout=20_000)
    assert win.board.view.data is not None  # the board shows its week


def test_a_panel_waits_only_until_the_first_screen_is_up(qtbot):
    ctx = AppContext(db=None, bus=EventBus(), settings=QSettings())
    ctx.warmup = object()  # a window's context (its warm-up exists)
    ran: list[str] = []
    ctx.after_first_screen(lambda: ran.append("board"))
    ctx.after_first_screen(lambda: 1 / 0)  # a failing one does not stop the others
    ctx.after_first_screen(lambda: ran.append("overview"))
    assert ran == []
    ctx.first_screen_ready()
    assert ran == ["board", "overview"]
    ctx.first_screen_ready()  # once only
    ctx.after_first_screen(lambda: ran.append("later"))  # afterwards: at once
    assert ran == ["board", "overview", "later"]


def test_the_warm_up_starts_with_a_saved_layout_too(qtbot, demo_db, monkeypatch, tmp_path):
    """Before, only the default layout started it: with a saved one the start-up's
    background reads (status-bar badges, the KB index check) waited for a chart to ask."""
    win = _window(qtbot, demo_db, monkeypatch, tmp_path, saved_layout=True)
    win.warmup.start = lambda *a, **k: setattr(win, "_warmup_started", True)
    win.show()
    qtbot.waitUntil(lambda: getattr(win, "_warmup_started", False), timeout=5_000)
