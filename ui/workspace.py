"""The central area: closable tabs for records and analyses, opened once per key.

Each tab's page sits in a frameless scroll area: a page wider or taller than the space left by
the docks scrolls instead of growing the main window past the screen. ``widget()``,
``currentWidget()``, ``indexOf()`` and ``setCurrentWidget()`` speak of the pages, not of the
scroll areas around them.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class _PageScroll(QScrollArea):
    """Gives the page the whole viewport, and scrolls only below the page's minimum size.

    (``widgetResizable`` would size pages with word-wrapped labels by their height-for-width,
    i.e. their preferred height, and scroll pages that fit.)"""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(page)
        page.installEventFilter(self)

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        view, least = self.viewport().size(), page.minimumSizeHint().expandedTo(page.minimumSize())
        page.resize(max(view.width(), least.width()), max(view.height(), least.height()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self._fit()
        return False


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

    # -- pages, not their scroll areas --------------------------------------------------------
    @staticmethod
    def _page(container: QWidget | None) -> QWidget | None:
        return container.widget() if isinstance(container, _PageScroll) else container

    def _holder(self, page: QWidget) -> QWidget:
        parent = page.parentWidget()
        while parent is not None and not isinstance(parent, _PageScroll):
            parent = parent.parentWidget()
        return parent if parent is not None and parent.widget() is page else page

    def widget(self, index: int) -> QWidget | None:  # noqa: D102 - Qt name
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt name
        return self._page(super().currentWidget())

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt name
        return super().indexOf(self._holder(page))

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt name
        super().setCurrentWidget(self._holder(page))

    # -- opening and closing -------------------------------------------------------------------
    def open(self, key: str, title: str, factory: Callable[[], QWidget], *,
             pinned: bool = False) -> QWidget:
        """Show the tab for ``key``, creating it with ``factory`` the first time."""
        widget = self._keys.get(key)
        if widget is None or self.indexOf(widget) < 0:
            widget = factory()
            widget.setProperty("workspace_key", key)
            self._keys[key] = widget
            index = self.addTab(_PageScroll(widget), title)
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
        holder = super().widget(index)
        self.removeTab(index)
        key = widget.property("workspace_key")
        self._keys.pop(key, None)
        holder.deleteLater()
