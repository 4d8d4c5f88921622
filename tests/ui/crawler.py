"""A generic crawler for UI tests: triggers every menu action, button, list and dialog it reaches.

It knows widgets only by type, objectName and action (never by pixel), so a new menu entry,
button or dialog is crawled without touching the test. Modal dialogs are settled from a timer
(message boxes answered with their default, file dialogs cancelled — save dialogs may be given
a file — our own dialogs crawled in turn, then cancelled); exceptions raised in any slot and Qt
warnings are recorded against the step that caused them.
"""
from __future__ import annotations

import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
                               QDialogButtonBox, QDockWidget, QFileDialog, QHeaderView, QInputDialog, QMenu,
                               QMessageBox, QProgressDialog, QTabBar, QTabWidget, QToolButton,
                               QWidget)
from shiboken6 import createdByPython, isValid

STUCK_S = 20  # a modal dialog open this long after it was settled: a hang, reported and closed
# Buttons of a dialog's button box that close it: pressed last, never while crawling its inside.
_CLOSING_ROLES = {QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole,
                  QDialogButtonBox.ButtonRole.YesRole, QDialogButtonBox.ButtonRole.NoRole,
                  QDialogButtonBox.ButtonRole.DestructiveRole}


@dataclass
class Crawl:
    """What a crawl did and found."""

    steps: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)  # (where, text shown)
    saves: list[tuple[str, str, str]] = field(default_factory=list)  # (title, folder, file name)

    def report(self) -> str:
        return "\n\n".join(self.errors + self.warnings)


class _UrlSink(QObject):
    """Receives the URLs the app asks the desktop to open (no file manager or browser starts)."""

    def __init__(self, crawl: Crawl) -> None:
        super().__init__()
        self.crawl = crawl

    @Slot("QUrl")
    def open(self, url) -> None:  # noqa: A003 - the slot name QDesktopServices calls
        self.crawl.urls.append(url.toString())


class Crawler:
    """``excluded(name) -> reason | None`` names the few things that must not be triggered."""

    def __init__(self, window: QWidget, *, excluded: Callable[[str], str | None],
                 save_dir: Path, qtlog=None, max_depth: int = 2,
                 max_buttons_per_page: int = 60) -> None:
        self.window = window
        self.excluded = excluded
        self.save_dir = save_dir
        self.qtlog = qtlog
        self.max_depth = max_depth
        self.max_buttons = max_buttons_per_page
        self.result = Crawl()
        self._path: list[str] = []
        # What was visited or settled is marked on the Qt object itself (a dynamic property):
        # no Python reference is kept to widgets Qt created — a kept wrapper of a widget Qt
        # deleted may later stand for another object at the same address, and crash.
        self._in_settle = 0
        self._kinds: set[tuple] = set()
        self._depth_of_modal = 0
        self._running = False
        self._saves = 0

    # -- life cycle ------------------------------------------------------------------------------
    def __enter__(self) -> "Crawler":
        from PySide6.QtGui import QDesktopServices

        self._old_hook = sys.excepthook
        sys.excepthook = self._excepthook
        self._sink = _UrlSink(self.result)
        for scheme in ("file", "http", "https", "mailto"):
            QDesktopServices.setUrlHandler(scheme, self._sink, "open")
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self._running = True
        self._arm()
        return self

    def __exit__(self, *exc) -> None:
        from PySide6.QtGui import QDesktopServices

        self._running = False
        QThreadPool.globalInstance().waitForDone(30_000)
        self.pump(50)
        for scheme in ("file", "http", "https", "mailto"):
            QDesktopServices.unsetUrlHandler(scheme)
        sys.excepthook = self._old_hook

    def _excepthook(self, kind, value, tb) -> None:
        where = " › ".join(self._path) or "(idle)"
        text = "".join(traceback.format_exception(kind, value, tb))
        self.result.errors.append(f"EXCEPTION at {where}:\n{text}")

    def _arm(self) -> None:
        # A fresh single-shot timer each time: Qt never re-enters a timer whose slot is running,
        # and the slot below may itself block in a nested dialog's event loop.
        if self._running:
            QTimer.singleShot(25, self._tick)

    # -- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def pump(ms: int = 0) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    @staticmethod
    def _first_visit(obj: QObject) -> bool:
        if obj.property("crawlVisited"):
            return False
        obj.setProperty("crawlVisited", True)
        return True

    @staticmethod
    def _settled(obj: QObject) -> bool:
        return bool(obj.property("crawlSettled"))

    @staticmethod
    def _settle_mark(obj: QObject) -> None:
        obj.setProperty("crawlSettled", time.monotonic())

    @staticmethod
    def label(obj: QObject) -> str:
        text = ""
        if isinstance(obj, (QAbstractButton, QAction)):
            text = obj.text().replace("&", "")
        if not text and isinstance(obj, (QAbstractButton, QAction)):
            text = obj.toolTip()
        if not text and isinstance(obj, QWidget):
            text = obj.windowTitle()
        name = obj.objectName()
        return f"{text or '?'}" + (f" [{name}]" if name else "")

    def _step(self, what: str, run: Callable[[], object]) -> None:
        reason = self.excluded(what)
        if reason:
            return
        self._path.append(what)
        self.result.steps.append(" › ".join(self._path))
        warnings_before = len(self.qtlog.records) if self.qtlog is not None else 0
        try:
            run()
            self.pump(0)
        except Exception:  # noqa: BLE001 - recorded against the step, the crawl goes on
            self._excepthook(*sys.exc_info())
        finally:
            if self.qtlog is not None:
                from PySide6.QtCore import QtMsgType

                for rec in self.qtlog.records[warnings_before:]:
                    if rec.ignored:
                        continue  # the project's qt_log_ignore (offscreen platform limits)
                    if rec.type != QtMsgType.QtDebugMsg and rec.type != QtMsgType.QtInfoMsg:
                        self.result.warnings.append(f"Qt WARNING at {' › '.join(self._path)}: "
                                                    f"{rec.message}")
            self._path.pop()

    # -- the main window -------------------------------------------------------------------------
    def crawl_window(self) -> Crawl:
        window = self.window
        for name, dock in sorted(getattr(window, "docks", {}).items()):
            dock.show()
            dock.raise_()
            self.pump(0)
            self._path.append(f"dock {name}")
            try:
                self.crawl_widget(dock.widget(), depth=0)
            finally:
                self._path.pop()
        for menu_action in window.menuBar().actions():
            if menu_action.menu() is not None:
                self.crawl_menu(menu_action.menu(), depth=0)
        return self.result

    def crawl_from(self, what: str, run: Callable[[], object]) -> None:
        """An extra entry point (e.g. a record in a state the lists do not show first)."""
        self._step(what, lambda: self._around(run, 0))

    def crawl_menu(self, menu: QMenu, depth: int) -> None:
        menu.aboutToShow.emit()  # menus refresh their entries (permissions) when shown
        self._path.append(f"menu {menu.title().replace('&', '')}")
        try:
            for action in list(menu.actions()):
                if action.isSeparator():
                    continue
                if action.menu() is not None:
                    self.crawl_menu(action.menu(), depth)
                    continue
                self.trigger_action(action, depth)
        finally:
            self._path.pop()

    def trigger_action(self, action: QAction, depth: int) -> None:
        if not self._first_visit(action) or not action.isEnabled() or not action.isVisible():
            return
        what = f"action {self.label(action)}"

        def run() -> None:
            self._around(lambda: action.trigger(), depth)
            if action.isCheckable():  # back to where it was: a checkable entry is a switch
                self._around(lambda: action.trigger(), depth)

        self._step(what, run)

    # -- any widget: its lists, tabs and buttons ----------------------------------------------------
    def _kind(self, root: QWidget) -> tuple:
        """A page's kind: its class and the buttons it offers (a resolved request offers others
        than a new one); a kind already crawled is only opened and closed again."""
        buttons = sorted(b.objectName() or b.text() for b in root.findChildren(QAbstractButton)
                         if b.isVisible() and b.isEnabled() and not b.objectName().startswith("qt_"))
        return (type(root).__name__, root.objectName(), tuple(buttons))

    def crawl_widget(self, root: QWidget, depth: int) -> None:
        if depth > 0:
            kind = self._kind(root)
            if kind in self._kinds:
                return
            self._kinds.add(kind)
        clicked = 0
        self._select_first_rows(root)
        for button in self._buttons(root):
            if clicked >= self.max_buttons:
                break
            if not self._alive(root) or not root.isVisible():
                return
            if not self._alive(button) or not button.isVisible() or not button.isEnabled():
                continue
            clicked += 1
            self.click(button, depth)
        if not self._alive(root) or not root.isVisible():
            return
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisible() or isinstance(tabs, type(getattr(self.window, "workspace", None))):
                continue
            for i in range(tabs.count()):
                if not self._alive(tabs) or not tabs.isVisible():
                    break
                if tabs.isTabEnabled(i) and tabs.currentIndex() != i:
                    tabs.setCurrentIndex(i)
                    self.pump(0)
                page = tabs.widget(i)
                self._path.append(f"tab {tabs.tabText(i).replace('&', '')}")
                try:
                    self.crawl_widget(page, depth)
                finally:
                    self._path.pop()
        self._activate_lists(root, depth)

    def _buttons(self, root: QWidget) -> list[QAbstractButton]:
        found = []
        for button in root.findChildren(QAbstractButton):
            if not button.isVisible() or not button.isEnabled():
                continue
            parent = button.parentWidget()
            if isinstance(parent, (QTabBar, QDockWidget)) or button.objectName().startswith("qt_"):
                continue  # tab close buttons, dock title buttons, Qt internals
            if isinstance(parent, QDialogButtonBox) and \
                    parent.buttonRole(button) in _CLOSING_ROLES:
                continue
            if not self._first_visit(button):
                continue
            found.append(button)
        return found

    def click(self, button: QAbstractButton, depth: int) -> None:
        what = f"button {self.label(button)}"
        if isinstance(button, QToolButton) and (button.menu() is not None or (
                button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
                and button.actions())):
            # A button that only pops a menu: its entries are the steps.
            self._path.append(what)
            try:
                menu_actions = button.menu().actions() if button.menu() is not None else []
                for action in menu_actions + list(button.actions()):
                    if not action.isSeparator() and action.menu() is None:
                        self.trigger_action(action, depth)
            finally:
                self._path.pop()
            return
        if getattr(button, "menu", lambda: None)() is not None:
            self._path.append(what)
            try:
                for action in button.menu().actions():
                    if not action.isSeparator() and action.menu() is None:
                        self.trigger_action(action, depth)
            finally:
                self._path.pop()
            return
        def run() -> None:
            self._around(button.click, depth)
            if self._alive(button) and button.isCheckable() and button.isVisible() \
                    and button.isEnabled():
                self._around(button.click, depth)  # a switch: back to where it was

        self._step(what, run)

    def _select_first_rows(self, root: QWidget) -> None:
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if isinstance(view, QHeaderView) or not view.isVisible() or model is None \
                    or model.rowCount() == 0:
                continue
            if not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
        self.pump(0)

    def _activate_lists(self, root: QWidget, depth: int) -> None:
        """Open the first row of every list, as a double-click or Enter does."""
        for view in root.findChildren(QAbstractItemView):
            if not self._alive(root) or not root.isVisible():
                return
            model = view.model() if self._alive(view) else None
            if model is None or isinstance(view, QHeaderView) or not view.isVisible() \
                    or model.rowCount() == 0 \
                    or not self._first_visit(view):
                continue
            index = model.index(0, 0)
            name = view.objectName() or type(view).__name__
            self._step(f"open first row of {name}",
                       lambda v=view, i=index: self._around(lambda: (v.activated.emit(i),
                                                                     v.doubleClicked.emit(i)), depth))

    # -- what an action opened: dialogs, windows, tabs ------------------------------------------------
    def _top_levels(self) -> set[int]:
        return {id(w) for w in self._our_windows() if w.isVisible()}

    @staticmethod
    def _our_windows() -> list[QWidget]:
        """Top-level widgets the app created (Python): Qt's own (popups, the dialogs of static
        calls) are left to the modal timer, which reaches them through activeModalWidget()."""
        return [w for w in QApplication.topLevelWidgets() if createdByPython(w)]

    def _tabs(self) -> list[QWidget]:
        workspace = getattr(self.window, "workspace", None)
        if workspace is None:
            return []
        return [workspace.widget(i) for i in range(workspace.count())]

    def _around(self, run: Callable[[], object], depth: int) -> None:
        """Run one trigger, then crawl and close what it opened (windows, workspace tabs)."""
        windows_before = self._top_levels()
        tabs_before = self._tabs()
        self._depth_of_modal = depth
        run()
        self.pump(0)
        handled: set[int] = set()
        while (widget := self._next_new_window(windows_before, handled)) is not None:
            # One at a time, the list asked afresh: crawling a window runs the event loop, where
            # Qt may delete other top-level widgets (popups) a kept list would still point to.
            handled.add(id(widget))
            if isinstance(widget, QMenu) or widget.windowType() in (Qt.WindowType.ToolTip,
                                                                    Qt.WindowType.Popup):
                widget.close()
                continue
            if isinstance(widget, QProgressDialog):
                self._wait_closed(widget)  # work in progress: it closes itself when done
                continue
            self._settle_mark(widget)  # crawled here, not by the modal timer
            self.result.dialogs.append(f"{type(widget).__name__}: {widget.windowTitle()}")
            self._path.append(f"window {type(widget).__name__} “{widget.windowTitle()}”")
            try:
                if depth + 1 <= self.max_depth and self._ours(widget):
                    self.crawl_widget(widget, depth + 1)
                    self._finish_dialog(widget)
                if self._alive(widget) and widget.isVisible():
                    widget.close()
                    self.pump(0)
            finally:
                self._path.pop()
        workspace = getattr(self.window, "workspace", None)
        for page in self._tabs():
            if page in tabs_before or not self._alive(page):
                continue
            self._path.append(f"tab {page.property('workspace_key')}")
            try:
                if depth + 1 <= self.max_depth:
                    workspace.setCurrentWidget(page)
                    self.pump(0)
                    self.crawl_widget(page, depth + 1)
                if self._alive(page) and workspace.indexOf(page) >= 0:
                    self._close_tab(workspace, page)
            finally:
                self._path.pop()

    def _next_new_window(self, before: set[int], handled: set[int]) -> QWidget | None:
        for widget in self._our_windows():
            if (id(widget) not in before and id(widget) not in handled and self._alive(widget)
                    and widget is not self.window and widget.isVisible()):
                return widget
        return None

    def _wait_closed(self, widget: QWidget, seconds: float = 30) -> None:
        import time

        until = time.monotonic() + seconds
        while self._alive(widget) and widget.isVisible() and time.monotonic() < until:
            self.pump(20)
        if self._alive(widget) and widget.isVisible():
            self.result.errors.append(f"STUCK at {' › '.join(self._path)}: "
                                      f"{type(widget).__name__} “{widget.windowTitle()}” "
                                      f"still open after {seconds:.0f} s")

    def _close_tab(self, workspace, page: QWidget) -> None:
        index = workspace.indexOf(page)
        workspace.tabCloseRequested.emit(index)  # the user's ×: may ask about unsaved changes
        self.pump(0)
        if self._alive(page) and workspace.indexOf(page) >= 0:
            holder = QTabWidget.widget(workspace, workspace.indexOf(page))
            workspace.removeTab(workspace.indexOf(page))
            holder.deleteLater()
            self.pump(0)

    def _finish_dialog(self, dialog: QWidget) -> None:
        """Press a dialog's accept button (Save/OK) last: it saves, or shows why it cannot."""
        if not self._alive(dialog) or not dialog.isVisible():
            return
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole \
                        and button.isVisible() and button.isEnabled():
                    self._step(f"button {self.label(button)} (accept)",
                               lambda b=button: self._around(b.click, self._depth_of_modal + 1))
                    return

    # -- modal dialogs, from the timer -------------------------------------------------------------
    def _tick(self) -> None:
        self._arm()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # a menu or a combo's list left open: the user clicks elsewhere
        # The active modal dialog first; then any other visible modal one (a progress dialog
        # that appeared late may sit on top of a file dialog waiting to be answered).
        candidates = [QApplication.activeModalWidget()] + [
            w for w in self._our_windows() if w.isVisible() and w.isModal()]
        for dialog in candidates:
            if dialog is None:
                continue
            if isinstance(dialog, QProgressDialog) or self._settled(dialog):
                self._watch(dialog)  # work in progress closes itself; settled ones close soon
                continue
            self._settle_mark(dialog)
            self.settle(dialog)
            return

    def _watch(self, dialog: QWidget) -> None:
        """A dialog that outlives its settling (a slot that reopened it, a crawl that missed it)
        fails the crawl instead of hanging it."""
        since = dialog.property("crawlSettled")
        if not since:
            since = time.monotonic()
            self._settle_mark(dialog)
        if time.monotonic() - since > STUCK_S and not self._in_settle:
            self.result.errors.append(f"STUCK at {' › '.join(self._path)}: {type(dialog).__name__} "
                                      f"“{dialog.windowTitle()}” still open after {STUCK_S} s")
            self._settle_mark(dialog)
            if isinstance(dialog, QProgressDialog):
                dialog.cancel()
            elif isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

    def settle(self, dialog: QWidget) -> None:
        self._in_settle += 1
        try:
            self._settle(dialog)
        finally:
            self._in_settle -= 1

    def _settle(self, dialog: QWidget) -> None:
        title = dialog.windowTitle()
        self.result.dialogs.append(f"{type(dialog).__name__}: {title}")
        depth = self._depth_of_modal + 1
        self._path.append(f"dialog {type(dialog).__name__} “{title}”")
        try:
            if isinstance(dialog, QMessageBox):
                self.result.messages.append((" › ".join(self._path), "\n".join(
                    t for t in (dialog.text(), dialog.informativeText()) if t)))
                button = (dialog.defaultButton() or self._role_button(dialog)
                          or dialog.escapeButton())
                if button is not None:
                    button.click()
                else:
                    dialog.reject()
            elif isinstance(dialog, QFileDialog):
                self._settle_file_dialog(dialog)
            elif isinstance(dialog, QInputDialog):
                dialog.accept()
            elif isinstance(dialog, QDialog):
                if depth <= self.max_depth and self._ours(dialog):
                    saved_depth = self._depth_of_modal
                    self._depth_of_modal = depth
                    try:
                        self.crawl_widget(dialog, depth)
                        self._finish_dialog(dialog)
                    finally:
                        self._depth_of_modal = saved_depth
                if self._alive(dialog) and dialog.isVisible():
                    dialog.reject()
            else:
                dialog.close()
        finally:
            self._path.pop()

    @staticmethod
    def _role_button(box: QMessageBox) -> QAbstractButton | None:
        for button in box.buttons():
            if box.buttonRole(button) in (QMessageBox.ButtonRole.YesRole,
                                          QMessageBox.ButtonRole.AcceptRole):
                return button
        return None

    def _settle_file_dialog(self, dialog: QFileDialog) -> None:
        self.result.dialogs[-1] += f" (in {dialog.directory().path()})"
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            # Saving is exercised for real, into the test's folder.
            self._saves += 1
            suggested = Path(dialog.selectedFiles()[0]).name if dialog.selectedFiles() else ""
            name = suggested or f"crawl-{self._saves}"
            self.result.dialogs[-1] += f" suggests “{suggested}”"
            self.result.saves.append((dialog.windowTitle(), dialog.directory().path(), suggested))
            target = self.save_dir / f"{self._saves:03d}-{name}"
            dialog.selectFile(str(target))
            dialog.accept()
        else:
            dialog.reject()

    @staticmethod
    def _ours(widget: QWidget) -> bool:
        """The app's own dialogs are crawled; Qt's (print, colour…) are only cancelled."""
        return not type(widget).__module__.startswith(("PySide6", "shiboken6"))

    @staticmethod
    def _alive(obj: QObject) -> bool:
        return obj is not None and isValid(obj)
