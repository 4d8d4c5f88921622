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

    def __init__(self, page: QWidget | None = None) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        if page is not None:
            self.set_page(page)

    def set_page(self, page: QWidget) -> None:
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
    def open(self, key: str, title: str, factory: Callable[..., QWidget], *,
             pinned: bool = False, in_place: bool = False) -> QWidget:
        """Show the tab for ``key``, creating it with ``factory`` the first time.

        ``in_place``: ``factory(parent)`` makes the page in the tab's own scroll area. Under
        the app's style sheet every widget of a page moved into a parent is restyled (a
        request editor: ~30 ms for the two moves into the scroll area and the tab), so a page
        opened often is better made where it stays."""
        widget = self._keys.get(key)
        if widget is None or self.indexOf(widget) < 0:
            if in_place:
                widget, index = self._open_in_place(key, title, factory)
            else:
                widget = factory()
                widget.setProperty("workspace_key", key)
                self._keys[key] = widget
                index = self.addTab(_PageScroll(widget), title)
            if pinned:
                self._pinned.add(widget)
                self.tabBar().setTabButton(index, self.tabBar().ButtonPosition.RightSide, None)
        self.setCurrentWidget(widget)
        return widget

    def _open_in_place(self, key: str, title: str,
                       factory: Callable[[QWidget], QWidget]) -> tuple[QWidget, int]:
        holder = _PageScroll()
        # The room the page will have (that of the page shown now), so that it can lay itself
        # out for it as it is made.
        shown = super().currentWidget()
        if shown is not None and shown.isVisible():
            room = shown.size()
        else:
            room = self.size() if self.isVisible() else None  # not shown: laid out when it is
        if room is not None:
            holder.resize(room)
            holder.viewport().resize(room)  # no frame, no bars shown: the viewport is the holder
        first = self.count() == 0
        # The first tab becomes current as it is added, still empty: the page-changed signal
        # is given once the page is in it.
        self.blockSignals(first)
        try:
            index = self.addTab(holder, title)
        finally:
            self.blockSignals(False)
        try:
            widget = factory(holder.viewport())
        except BaseException:
            self.removeTab(self.indexOf(holder))
            holder.deleteLater()
            raise
        widget.setProperty("workspace_key", key)
        self._keys[key] = widget
        holder.set_page(widget)
        if first:
            self.currentChanged.emit(self.indexOf(holder))
        return widget, index

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
