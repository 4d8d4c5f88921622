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
    assert ran == ["board"]  # the first at once, the others one per turn of the event loop
    qtbot.waitUntil(lambda: ran == ["board", "overview"], timeout=5_000)
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


def test_the_board_is_built_after_the_queues_first_page_is_painted(qtbot, demo_db, monkeypatch,
                                                                    tmp_path):
    """#18: the board (its module and widget) is no part of the first screen: its dock shows a
    stand-in of the board's height until the queue's rows are painted; the board's menu works
    before and after (undo and redo become the board's own)."""
    from PySide6.QtCore import QEvent, QObject

    win = _window(qtbot, demo_db, monkeypatch, tmp_path)
    dock = win.docks["teamBoardDock"]
    assert not dock.is_built() and dock.placeholder.minimumHeight() == 220
    assert not hasattr(win, "board")
    events: list[str] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and win.request_queue.model.rowCount():
                events.append("rows painted")
            return False

    paints = Paints()
    win.request_queue.view.viewport().installEventFilter(paints)
    win.request_queue.first_page_painted.connect(lambda: events.append("first page"))
    dock.built.connect(lambda _w: events.append("board built"))
    win.show()
    qtbot.waitUntil(lambda: dock.is_built(), timeout=20_000)
    assert events.index("rows painted") < events.index("first page") < events.index("board built")
    assert win.request_queue.first_page_painted_at is not None
    board = dock.widget()
    assert win.board is board and board.minimumHeight() == 220
    menu = win.menu("board")
    assert board.undo_action in menu.actions() and board.redo_action in menu.actions()
    assert [a.text() for a in menu.actions()].count(board.undo_action.text()) == 1
    assert board.findChild(QObject, "boardToolsButton") is not None


def test_opening_an_intervention_builds_the_board_and_shows_it(qtbot, demo_db, monkeypatch,
                                                               tmp_path):
    """The board not built yet (the first screen not up, or its dock closed) still answers
    "open this intervention" from the request editor's timeline."""
    from servicedesk.models import Intervention

    win = _window(qtbot, demo_db, monkeypatch, tmp_path)
    dock = win.docks["teamBoardDock"]
    assert not dock.is_built()
    item = (Intervention.select().where(Intervention.planned_start.is_null(False))
            .order_by(Intervention.id).first())
    win.ctx.bus.open_intervention.emit(item.id)
    assert dock.is_built()
    board = dock.widget()
    qtbot.waitUntil(lambda: board.selected is not None, timeout=20_000)  # its week, read
    assert board.selected.id == item.id


def test_the_overview_makes_its_cards_after_the_first_screen(qtbot, demo_db, monkeypatch,
                                                            tmp_path):
    win = _window(qtbot, demo_db, monkeypatch, tmp_path)
    page = win.workspace.currentWidget()
    assert page.objectName() == "overviewPage" and page.cards == {} and page.chart is None
    win.show()
    qtbot.waitUntil(lambda: bool(page.cards) and page.cards["open"].value.text() != "–",
                    timeout=20_000)
    assert page.chart is not None


def test_a_panel_built_after_the_first_screen_imports_its_modules_off_the_gui_thread(qtbot):
    """PanelDock: shown before the first screen, the panel waits; then its modules are
    imported on a worker and the panel is built on the GUI thread."""
    import sys

    from PySide6.QtWidgets import QLabel, QMainWindow

    from ui.panel_dock import PanelDock

    ctx = AppContext(db=None, bus=EventBus(), settings=QSettings())
    ctx.warmup = object()
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = PanelDock("Test", host)
    name = "ui.widgets.flow_layout"
    sys.modules.pop(name, None)
    built_on: list[bool] = []

    def factory():
        built_on.append(threading.current_thread() is threading.main_thread())
        assert name in sys.modules  # imported before
        return QLabel("built")

    dock.set_factory(factory, not_before=ctx.after_first_screen, prepare=(name,))
    host.addDockWidget(__import__("PySide6.QtCore", fromlist=["Qt"]).Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    host.show()
    qtbot.waitExposed(host)
    assert not dock.is_built() and built_on == []
    ctx.first_screen_ready()
    qtbot.waitUntil(dock.is_built, timeout=10_000)
    assert built_on == [True] and dock.widget().text() == "built"


def test_a_panel_that_fails_to_be_made_after_the_first_screen_is_made_again_when_asked(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    from ui.panel_dock import PanelDock

    ctx = AppContext(db=None, bus=EventBus(), settings=QSettings())
    ctx.warmup = object()
    host = QMainWindow()
    qtbot.addWidget(host)
    dock = PanelDock("Test", host)
    attempts: list[int] = []

    def factory():
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("a broken panel")
        return QLabel("second time")

    dock.set_factory(factory, not_before=ctx.after_first_screen)
    host.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    host.show()
    qtbot.waitExposed(host)
    ctx.first_screen_ready()  # the first making fails: logged, the stand-in stays
    assert attempts == [1] and not dock.is_built()
    assert dock.widget().text() == "second time" and dock.is_built()
