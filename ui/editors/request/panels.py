"""The tabs beside the request form: the history first, then the panels other features
register (``ui/extensions.py``: interventions, work log, KB suggestions, audit trail).

A panel is built the first time its tab is shown and told about the request only while it is
shown (or when it is shown next): opening a request pays for the history alone. A panel that
offers ``read``/``show_read`` is read on the editor's worker, off the GUI thread."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QLabel, QScrollArea, QStackedWidget, QTabWidget,
                               QVBoxLayout, QWidget)

from ...extensions import RequestPanel, request_panels
from .timeline import TimelinePanel

if TYPE_CHECKING:
    from .editor import RequestEditor


class PanelSlot(QWidget):
    """The tab of one registered panel; holds the panel once built."""

    def __init__(self, panel: RequestPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setProperty("panel_key", panel.key)
        self.widget_: QWidget | None = None
        self.stale = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self, ctx, editor: "RequestEditor") -> QWidget:
        if self.widget_ is None:
            # A panel wider than the tab scrolls inside its tab instead of widening the editor
            # (and with it the page) for every tab. The scroll area first, so that the panel
            # is moved into its place once (each move restyles it under the style sheet).
            scroll = QScrollArea(self)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            self._layout.addWidget(scroll)
            try:
                widget = self.panel.factory(ctx, editor)
            except Exception as exc:  # noqa: BLE001 - a colleague's panel must not break the editor
                widget = QLabel(self.tr("This panel could not be opened: %1").replace("%1", str(exc)))
                widget.setWordWrap(True)
            widget.setProperty("panel_key", self.panel.key)
            scroll.setWidget(widget)
            self.widget_ = widget
        return self.widget_


class PanelHost(QTabWidget):
    """The history (``timeline``) and one tab per registered panel."""

    def __init__(self, editor: "RequestEditor", parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else editor)
        self.editor = editor
        self.setObjectName("requestTabs")
        # Made with their parent, as the editor's other widgets (see RequestEditor._build).
        self.timeline = TimelinePanel(ctx=editor.ctx, parent=self)
        self.addTab(self.timeline, self.tr("History"))
        self.slots: list[PanelSlot] = []
        for panel in request_panels():
            try:
                title = panel.title()
            except Exception:  # noqa: BLE001 - as above
                title = panel.key
            slot = PanelSlot(panel, self)
            self.slots.append(slot)
            self.addTab(slot, title)
        self.currentChanged.connect(self._shown)

    def page_area(self) -> QWidget:
        """Where the tabs' pages live: a page made with this parent is not moved (and so not
        restyled) when it is added as a tab."""
        return self.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)

    def panel(self, key: str) -> QWidget | None:
        """The panel ``key``, built (and told about the request) if it was not yet."""
        for slot in self.slots:
            if slot.panel.key == key:
                self._tell(slot)
                return slot.widget_
        return None

    def built_panels(self) -> list[QWidget]:
        return [slot.widget_ for slot in self.slots if slot.widget_ is not None]

    def request_changed(self) -> None:
        """The request was loaded or saved: every panel is out of date; the shown one reads
        again now, the others when shown."""
        for slot in self.slots:
            slot.stale = True
        current = self.currentWidget()
        if isinstance(current, PanelSlot):
            self._tell(current)

    def _shown(self, index: int) -> None:
        slot = self.widget(index)
        if isinstance(slot, PanelSlot):
            self._tell(slot)

    def _tell(self, slot: PanelSlot) -> None:
        editor = self.editor
        first = slot.widget_ is None
        widget = slot.build(editor.ctx, editor)
        if not slot.stale:
            return
        slot.stale = False
        read, show = getattr(widget, "read", None), getattr(widget, "show_read", None)
        if callable(read) and callable(show):
            editor.worker.run(read, editor.request_id, on_done=show,
                              on_error=lambda exc: self._failed(exc),
                              key=f"panel:{slot.panel.key}")
            return
        setter = getattr(widget, "set_request", None)
        if callable(setter) and not first:  # a new panel was built for this editor already
            try:
                setter(editor)
            except Exception as exc:  # noqa: BLE001 - keep the editor usable
                self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.editor.ctx.bus.status_message.emit(str(exc))
