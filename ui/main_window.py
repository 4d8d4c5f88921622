"""The main window: menus, status bar, the central workspace and the dock panels of features."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox,
                               QWidget)

from servicedesk import __version__

from . import features
from .appctx import AppContext
from .workspace import Workspace

STATE_VERSION = 3  # bump when the default dock layout changes, to drop old saved states


class MainWindow(QMainWindow):
    #: Another database file to work on (File › Open, a restored backup): the application
    #: (``ui/app.py``) opens it in a new window; the window never imports the application.
    database_chosen = Signal(str)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("ServiceDesk"))
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.workspace = Workspace(self)
        self.setCentralWidget(self.workspace)
        self.docks: dict[str, QDockWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._build_menus()
        self._build_status_bar()
        ctx.bus.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        for module in features.discover():
            module.install(self)
        self._finish_view_menu()
        self._arrange_default_docks()
        self._default_state = self.saveState(STATE_VERSION)
        self._sizes_pending = True
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

    def add_dock(self, widget: QWidget, object_name: str, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea, *,
                 tabify_with: str | None = None, split: tuple[str, Qt.Orientation] | None = None,
                 shortcut: str | None = None) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
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
            dock.show()
            dock.raise_()
        return dock

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
        reset = QAction(self.tr("&Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view.addAction(reset)

    def _build_status_bar(self) -> None:
        info = self.ctx.db.info
        mode = self.tr("shared file") if info.shared else self.tr("local file")
        self._db_label = QLabel(f"{info.path}  ·  {mode}")
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

    def _apply_default_sizes(self) -> None:
        """Queue about a third of the width, the right column narrower, the board 40% high."""
        width, height = self.width(), self.height()
        left = [d for d in self.docks.values()
                if self.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea and d.isVisible()]
        right = [d for d in self.docks.values()
                 if self.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea and d.isVisible()]
        bottom = [d for d in self.docks.values()
                  if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea and d.isVisible()]
        if left:
            self.resizeDocks(left[:1], [int(width * 0.37)], Qt.Orientation.Horizontal)
        if right:
            self.resizeDocks(right[:1], [int(width * 0.23)], Qt.Orientation.Horizontal)
        if bottom:
            self.resizeDocks(bottom[:1], [int(height * 0.42)], Qt.Orientation.Vertical)

    def set_focus_mode(self, on: bool) -> None:
        """Hide every visible panel (remembering which) so the workspace tab gets the window."""
        if on:
            self._focus_hidden = [d for d in self.docks.values() if d.isVisible()]
            for dock in self._focus_hidden:
                dock.hide()
        else:
            for dock in getattr(self, "_focus_hidden", []):
                dock.show()
            self._focus_hidden = []
        if self.focus_action.isChecked() != on:
            self.focus_action.setChecked(on)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            self._apply_default_sizes()

    # -- layout persistence --------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.ctx.settings.value("mainwindow/geometry")
        state = self.ctx.settings.value("mainwindow/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self.restoreState(state, STATE_VERSION):
            self._sizes_pending = False

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, STATE_VERSION)
        for dock in self.docks.values():
            if dock.objectName() != "myDayDock" or dock.isVisible():
                dock.show()
        self._apply_default_sizes()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.ctx.screenshot_mode:
            self.ctx.settings.setValue("mainwindow/geometry", self.saveGeometry())
            self.ctx.settings.setValue("mainwindow/state", self.saveState(STATE_VERSION))
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------
    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self.ctx.db.info.path.parent),
            self.tr("ServiceDesk database (*.db *.sqlite);;All files (*)"))
        if path:
            self.database_chosen.emit(path)

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About ServiceDesk"),
            self.tr("<b>ServiceDesk</b> %1<br>After-sales service: requests, team board, work logs, "
                    "contracts, knowledge base.<br><br>Database: %2").replace("%1", __version__)
            .replace("%2", str(self.ctx.db.info.path)))
