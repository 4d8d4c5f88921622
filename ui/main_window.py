"""The main window: menus, status bar, the central workspace and the dock panels of features.

The default layout adapts to the window (#12): the request queue on the left, the board under
the open tab when the window is tall enough, the right column (contracts, knowledge base) only
on very wide screens; every panel has an upright tab in the panel bar at the left edge, so a
collapsed one is one click away. Wide pages (analysis, registry) get the whole window while
they are in front; the panels come back with the next ordinary tab."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox,
                               QToolButton, QWidget)

from servicedesk import __version__

from . import features
from . import settings as ui_settings
from .appctx import AppContext
from .interpreter import PaintsHoldingLock, freeze_heap
from .panel_bar import PanelBar, in_front
from .panel_dock import PanelDock
from .warmup import Warmup
from .workspace import Workspace

STATE_VERSION = 4  # bump when the default dock layout changes, to drop old saved states
WIDE_PAGES = ("analysis:", "registry:", "maintenance:")  # workspace keys of pages that want the whole window
RIGHT_COLUMN_FROM = 2200  # window width (px) from which the right column starts open
BOARD_FROM_HEIGHT = 900  # window height (px) from which the board starts open under the tab
FIRST_SCREEN_WAIT_MS = 1500  # the longest the board and overview wait for the queue's first page
QUEUE_WIDTH = (0.34, 460, 640)  # share of the window's width, at least, at most


class MainWindow(PaintsHoldingLock, QMainWindow):
    #: Another database file to work on (File › Open, a restored backup): the application
    #: (``ui/app.py``) opens it in a new window; the window never imports the application.
    database_chosen = Signal(str)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Modules the first clicks need, imported on a worker once the window shows.
        self.warmup = ctx.warmup = Warmup(self, threaded=not ctx.screenshot_mode)
        self.warmup.done.connect(freeze_heap)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("ServiceDesk"))
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.workspace = Workspace(self)
        self.setCentralWidget(self.workspace)
        self.docks: dict[str, QDockWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._focus_hidden: list[tuple[QDockWidget, bool]] = []
        self._auto_hidden: list[tuple[QDockWidget, bool]] = []
        self.panel_bar = PanelBar(self, self.tr("Panels"))
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.panel_bar)
        self._build_menus()
        self._build_status_bar()
        ctx.bus.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        for module in features.discover():
            module.install(self)
        self._finish_view_menu()
        self._arrange_default_docks()
        for dock in self.docks.values():
            self.panel_bar.add_panel(dock)
        # The default tab groups (board + my day, contracts + knowledge base).
        self._groups = {d.objectName(): self.tabifiedDockWidgets(d) for d in self.docks.values()}
        self.workspace.currentChanged.connect(self._page_changed)
        self._default_state = self.saveState(STATE_VERSION)
        self._sizes_pending = True
        self._shown_once = False
        self.resize(1600, 1000)

    # -- extension API used by features ----------------------------------------------------
    def menu(self, key: str, title: str | None = None) -> QMenu:
        """The menu ``key`` (file, view, tools, help, or a feature's own, added before Tools)."""
        menu = self._menus.get(key)
        if menu is None:
            menu = QMenu(title or key, self)
            menu.setObjectName(f"menu_{key}")
            self.menuBar().insertMenu(self._menus["tools"].menuAction(), menu)
            self._menus[key] = menu
        return menu

    def add_dock(self, widget: QWidget | Callable[[], QWidget], object_name: str, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea, *,
                 tabify_with: str | None = None, split: tuple[str, Qt.Orientation] | None = None,
                 shortcut: str | None = None, after_first_screen: bool = False,
                 prepare: tuple[str, ...] = ()) -> QDockWidget:
        """A dock panel. ``widget`` may be a factory: the panel is then built when the dock is
        first shown (or its ``widget()`` first asked for), not at start-up. A panel open at
        start with ``after_first_screen`` is built once the queue's first page is painted, its
        ``prepare`` modules imported on a worker before (#18)."""
        dock = PanelDock(title, self)
        dock.setObjectName(object_name)
        if isinstance(widget, QWidget):
            dock.setWidget(widget)
        elif after_first_screen and not self.ctx.screenshot_mode:
            dock.set_factory(widget, not_before=self.ctx.after_first_screen, prepare=prepare)
        else:
            dock.set_factory(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        if tabify_with and tabify_with in self.docks:
            self.tabifyDockWidget(self.docks[tabify_with], dock)
        elif split and split[0] in self.docks:
            self.splitDockWidget(self.docks[split[0]], dock, split[1])
        action = dock.toggleViewAction()
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        self._dock_actions.append(action)
        self.docks[object_name] = dock
        return dock

    def show_dock(self, object_name: str) -> QDockWidget | None:
        dock = self.docks.get(object_name)
        if dock is not None:
            closed = dock.isHidden()
            dock.widget()  # a panel built on first show: built now, whatever the window's state
            dock.show()
            if closed:
                self._back_in_group(dock)
            dock.raise_()
        return dock

    def _back_in_group(self, dock: QDockWidget) -> None:
        """A panel closed together with the rest of its tab group comes back as a tab of the
        group, not beside it (Qt forgets the group once all of it was hidden)."""
        together = set(self.tabifiedDockWidgets(dock))
        for partner in self._groups.get(dock.objectName(), ()):
            if not partner.isHidden() and partner not in together \
                    and self.dockWidgetArea(partner) == self.dockWidgetArea(dock):
                self.tabifyDockWidget(partner, dock)
                return

    # -- building ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        view_menu = bar.addMenu(self.tr("&View"))
        tools_menu = bar.addMenu(self.tr("&Tools"))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._menus.update(file=file_menu, view=view_menu, tools=tools_menu, help=help_menu)
        self._dock_actions: list[QAction] = []

        open_action = QAction(self.tr("&Open database…"), self)
        open_action.setObjectName("actionOpenDatabase")
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._open_database)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        self._file_tail = file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("actionQuit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        about = QAction(self.tr("&About ServiceDesk"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _finish_view_menu(self) -> None:
        view = self._menus["view"]
        view.addSection(self.tr("Panels"))
        for action in self._dock_actions:
            view.addAction(action)
        view.addSeparator()
        self.focus_action = QAction(self.tr("&Focus on the open tab"), self)
        self.focus_action.setCheckable(True)
        self.focus_action.setShortcut(QKeySequence("F11"))
        self.focus_action.setToolTip(self.tr("Hide the panels to give the open tab the whole window "
                                             "(double-click a tab does the same)"))
        self.focus_action.toggled.connect(self.set_focus_mode)
        view.addAction(self.focus_action)
        self.workspace.tabBarDoubleClicked.connect(lambda _i: self.focus_action.toggle())
        # The same, in sight: a button at the right end of the tabs.
        corner = QToolButton(self.workspace)
        corner.setObjectName("focusButton")
        corner.setText(self.tr("Whole window"))
        corner.setToolTip(self.focus_action.toolTip() + " (F11)")
        corner.setCheckable(True)
        corner.setAutoRaise(True)
        corner.clicked.connect(lambda: self.focus_action.setChecked(corner.isChecked()))
        self.focus_action.toggled.connect(corner.setChecked)
        self.workspace.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.focus_button = corner
        reset = QAction(self.tr("&Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view.addAction(reset)

    def _build_status_bar(self) -> None:
        info = self.ctx.db.info
        if getattr(self.ctx.db, "dialect", "sqlite") == "postgresql":
            mode = self.tr("database server")
        else:
            mode = self.tr("shared file") if info.shared else self.tr("local file")
        self._db_label = QLabel(f"{info.location}  ·  {mode}")
        self._db_label.setObjectName("statusDatabase")
        self._db_label.setToolTip(self.tr("Database in use"))
        self._operator_label = QLabel()
        self._operator_label.setObjectName("statusOperator")
        self.statusBar().addPermanentWidget(self._operator_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self.refresh_operator()

    def refresh_operator(self) -> None:
        actor = self.ctx.actor
        name = actor.name if actor.operator_id is not None else self.tr("system")
        self._operator_label.setText(self.tr("Operator: %1").replace("%1", name))

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    # -- layout -----------------------------------------------------------------------------
    def _arrange_default_docks(self) -> None:
        """Group the features' docks: "my day" behind the team board, the board in front."""
        board, my_day = self.docks.get("teamBoardDock"), self.docks.get("myDayDock")
        if board is not None and my_day is not None:
            self.tabifyDockWidget(board, my_day)
            board.raise_()

    def _apply_default_sizes(self, *, collapse: bool = True) -> None:
        """The layout for this window's size: the queue about a third of the width; the right
        column open only from RIGHT_COLUMN_FROM px, the board only from BOARD_FROM_HEIGHT px
        (collapsed panels wait in the panel bar); the board about 38 % of the height."""
        width, height = self.width(), self.height()
        if collapse:
            self._collapse_for_size(width, height)
        left = self._docked_in(Qt.DockWidgetArea.LeftDockWidgetArea)
        right = self._docked_in(Qt.DockWidgetArea.RightDockWidgetArea)
        bottom = self._docked_in(Qt.DockWidgetArea.BottomDockWidgetArea)
        share, least, most = QUEUE_WIDTH
        if left:
            self.resizeDocks(left[:1], [max(least, min(most, int(width * share)))],
                             Qt.Orientation.Horizontal)
        if right:
            self.resizeDocks(right[:1], [int(width * 0.2)], Qt.Orientation.Horizontal)
        if bottom:
            self.resizeDocks(bottom[:1], [int(height * 0.38)], Qt.Orientation.Vertical)

    def _docked_in(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        return [d for d in self.docks.values()
                if self.dockWidgetArea(d) == area and not d.isHidden() and not d.isFloating()]

    def _collapse_for_size(self, width: int, height: int) -> None:
        if width < RIGHT_COLUMN_FROM:
            for dock in self._docked_in(Qt.DockWidgetArea.RightDockWidgetArea):
                dock.hide()
        if height < BOARD_FROM_HEIGHT:
            for dock in self._docked_in(Qt.DockWidgetArea.BottomDockWidgetArea):
                dock.hide()

    # -- panels out of the way: focus (F11) and wide pages ----------------------------------------
    def _collapse(self) -> list[tuple[QDockWidget, bool]]:
        """Hide every open panel; returns them with whether each was in front (a panel behind
        another tab of its group is open but not visible)."""
        docked = [d for d in self.docks.values() if not d.isHidden()]
        hidden = [(d, in_front(d)) for d in docked]
        for dock in docked:
            dock.hide()
        return hidden

    def _expand(self, hidden: list[tuple[QDockWidget, bool]]) -> None:
        for dock, _front in hidden:
            dock.show()
        for dock, front in hidden:
            if front:
                dock.raise_()

    def set_focus_mode(self, on: bool) -> None:
        """Hide every open panel (remembering which) so the workspace tab gets the window."""
        if on and not self._focus_hidden:
            self._focus_hidden = self._auto_hidden + self._collapse()
            self._auto_hidden = []
        elif not on:
            self._expand(self._focus_hidden)
            self._focus_hidden = []
        if self.focus_action.isChecked() != on:
            self.focus_action.setChecked(on)

    @staticmethod
    def is_wide_page(page: QWidget | None) -> bool:
        """Pages that need the whole window: by their ``wide_page`` property, else by key."""
        if page is None:
            return False
        wide = page.property("wide_page")
        if wide is not None:
            return bool(wide)
        return str(page.property("workspace_key") or "").startswith(WIDE_PAGES)

    def _page_changed(self, _index: int) -> None:
        """A wide page in front collapses the panels; the next ordinary page brings them back."""
        if self.focus_action.isChecked():
            return
        wide = self.is_wide_page(self.workspace.currentWidget())
        if wide and not self._auto_hidden:
            self._auto_hidden = self._collapse()
        elif not wide and self._auto_hidden:
            self._expand(self._auto_hidden)
            self._auto_hidden = []

    def resize(self, *size) -> None:  # noqa: D102 - QWidget.resize(w, h) or resize(QSize)
        size = QSize(*size) if len(size) == 2 else QSize(size[0])
        if self._sizes_pending and not self.isVisible():
            # Before Qt clamps the size to the minimum of every panel open (the right column
            # alone would make 1366 px impossible).
            self._collapse_for_size(size.width(), size.height())
            self.layout().activate()  # the window's minimum follows the panels left open
        super().resize(size)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        # The panels that start collapsed are hidden before anything is shown: a panel shown
        # and hidden again at start would run its first queries for nothing (#18).
        if visible and self._sizes_pending and not self.isVisible():
            self._collapse_for_size(*self._size_on_screen())
        super().setVisible(visible)

    def _size_on_screen(self) -> tuple[int, int]:
        screen = self.screen()
        if screen is None or QGuiApplication.platformName() == "offscreen":
            return self.width(), self.height()  # screenshots and tests: the size asked for
        room = screen.availableGeometry()
        return min(self.width(), room.width()), min(self.height(), room.height())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            self._apply_default_sizes()
            # Once more after the features' own first-show adjustments (queued before this).
            QTimer.singleShot(0, self, lambda: self._apply_default_sizes(collapse=False))
        if not self._shown_once:  # a restored layout too (it has no default sizes to apply)
            self._shown_once = True
            self.warmup.start()
            # The queue says when its first page is up; should it never (a failed read),
            # the other panels do not wait longer than this.
            QTimer.singleShot(FIRST_SCREEN_WAIT_MS, self, self.ctx.first_screen_ready)

    # -- layout persistence --------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = ui_settings.WINDOW_GEOMETRY.read(self.ctx.settings)
        state = ui_settings.WINDOW_STATE.read(self.ctx.settings)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self.restoreState(state, STATE_VERSION):
            self._sizes_pending = False

    def reset_layout(self) -> None:
        if self.focus_action.isChecked():
            self.focus_action.setChecked(False)
        self._auto_hidden = []
        self.restoreState(self._default_state, STATE_VERSION)
        for dock in self.docks.values():
            if dock.objectName() != "myDayDock" or dock.isVisible():
                dock.show()
        self._apply_default_sizes()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not (self.ctx.screenshot_mode or self.ctx.unattended):
            ui_settings.WINDOW_GEOMETRY.write(self.ctx.settings, self.saveGeometry())
            ui_settings.WINDOW_STATE.write(self.ctx.settings, self.saveState(STATE_VERSION))
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------
    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"),
            str(self.ctx.db.info.path.parent if self.ctx.db.info.path else Path.home()),
            self.tr("ServiceDesk database (*.db *.sqlite);;All files (*)"))
        if path:
            self.database_chosen.emit(path)

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About ServiceDesk"),
            self.tr("<b>ServiceDesk</b> %1<br>After-sales service: requests, team board, work logs, "
                    "contracts, knowledge base.<br><br>Database: %2").replace("%1", __version__)
            .replace("%2", self.ctx.db.info.location))
