"""The central area: closable tabs for records and analyses, opened once per key."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class Workspace(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self._keys: dict[str, QWidget] = {}
        self._pinned: set[QWidget] = set()
        self.tabCloseRequested.connect(self._close)

    def open(self, key: str, title: str, factory: Callable[[], QWidget], *,
             pinned: bool = False) -> QWidget:
        """Show the tab for ``key``, creating it with ``factory`` the first time."""
        widget = self._keys.get(key)
        if widget is None or self.indexOf(widget) < 0:
            widget = factory()
            widget.setProperty("workspace_key", key)
            self._keys[key] = widget
            index = self.addTab(widget, title)
            if pinned:
                self._pinned.add(widget)
                self.tabBar().setTabButton(index, self.tabBar().ButtonPosition.RightSide, None)
        self.setCurrentWidget(widget)
        return widget

    def widget_for(self, key: str) -> QWidget | None:
        widget = self._keys.get(key)
        return widget if widget is not None and self.indexOf(widget) >= 0 else None

    def set_title(self, widget: QWidget, title: str) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setTabText(index, title)

    def _close(self, index: int) -> None:
        widget = self.widget(index)
        if widget in self._pinned:
            return
        can_close = getattr(widget, "can_close", None)
        if callable(can_close) and not can_close():
            return
        self.removeTab(index)
        key = widget.property("workspace_key")
        self._keys.pop(key, None)
        widget.deleteLater()
