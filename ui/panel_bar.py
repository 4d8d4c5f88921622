"""The panel bar: a slim strip at the window's left edge with one upright tab per dock panel.

Panels collapse to it and come back from it with one click (#12): a click shows and raises a
panel that is closed or hidden behind another, and closes the one already in front."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QDockWidget, QSizePolicy, QStyle, QStyleOptionToolButton, QToolBar,
                               QToolButton, QWidget)


def in_front(dock: QDockWidget) -> bool:
    """Shown and not behind another tab of its group (Qt keeps those "visible", off-screen)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


class SideTab(QToolButton):
    """A tool button whose text reads bottom to top, as the tabs of a side bar do."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 12, metrics.horizontalAdvance(self.text()) + 24)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            option = QStyleOptionToolButton()
            self.initStyleOption(option)
            option.text = ""
            self.style().drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter,
                                            self)
            painter.translate(0, self.height())
            painter.rotate(-90)
            if self.isChecked():
                font = painter.font()
                font.setBold(True)
                painter.setFont(font)
            painter.setPen(self.palette().buttonText().color())
            painter.drawText(0, 0, self.height(), self.width(), Qt.AlignmentFlag.AlignCenter,
                             self.text().replace("&", ""))
        finally:
            painter.end()  # never left active past the event


class PanelBar(QToolBar):
    """One :class:`SideTab` per dock; each shows whether its panel is in front."""

    def __init__(self, window, title: str) -> None:
        super().__init__(title, window)
        self.window = window
        self.setObjectName("panelBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setOrientation(Qt.Orientation.Vertical)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.toggleViewAction().setVisible(False)  # the bar itself is always there
        self.tabs: dict[str, SideTab] = {}
        self._docks: dict[str, QDockWidget] = {}
        self._sync_queued = False

    def add_panel(self, dock: QDockWidget) -> SideTab:
        tab = SideTab(dock.windowTitle(), self)
        tab.setObjectName(f"panelTab_{dock.objectName()}")
        shortcut = dock.toggleViewAction().shortcut().toString(
            dock.toggleViewAction().shortcut().SequenceFormat.NativeText)
        tab.setToolTip(dock.windowTitle() + (f" ({shortcut})" if shortcut else ""))
        tab.clicked.connect(lambda _checked=False, d=dock: self.toggle(d))
        dock.visibilityChanged.connect(lambda _visible: self.sync_soon())
        dock.windowTitleChanged.connect(lambda text, t=tab: (t.setText(text), t.updateGeometry()))
        self.addWidget(tab)
        self.tabs[dock.objectName()] = tab
        self._docks[dock.objectName()] = dock
        tab.setChecked(in_front(dock))
        return tab

    def toggle(self, dock: QDockWidget) -> None:
        if in_front(dock):
            dock.hide()
        else:
            self.window.show_dock(dock.objectName())
        self.sync_all()

    def sync_soon(self) -> None:
        """Once the dock area has settled (tabified panels change visibility one by one)."""
        if not self._sync_queued:
            self._sync_queued = True
            QTimer.singleShot(0, self.sync_all)

    def sync_all(self) -> None:
        self._sync_queued = False
        for name, tab in self.tabs.items():
            tab.setChecked(in_front(self._docks[name]))
