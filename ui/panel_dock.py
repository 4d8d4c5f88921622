"""A dock panel whose content is built when it is first shown, not at start-up (#18).

A panel the default layout keeps closed (contracts and knowledge base below 2,200 px, the
technician's day behind the board) costs nothing until the user opens it: its dock, its
panel-bar tab and its View-menu entry exist from the start, its widget is made by a factory
the first time the dock becomes visible or the first time code asks for ``widget()``.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from .interpreter import PaintsHoldingLock


class PanelDock(PaintsHoldingLock, QDockWidget):
    """``built(widget)`` is emitted once, when a factory-made panel exists."""

    built = Signal(QWidget)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._factory: Callable[[], QWidget] | None = None
        self.visibilityChanged.connect(self._visible)

    def set_factory(self, factory: Callable[[], QWidget]) -> None:
        """Build the content with ``factory`` when it is first needed; an empty widget of the
        dock's background stands in until then."""
        self._factory = factory
        placeholder = QWidget()
        placeholder.setObjectName(f"{self.objectName()}Placeholder")
        super().setWidget(placeholder)

    def is_built(self) -> bool:
        return self._factory is None

    def ensure_built(self) -> QWidget:
        factory, self._factory = self._factory, None
        if factory is not None:
            old = super().widget()
            super().setWidget(factory())
            if old is not None:
                old.deleteLater()
            self.built.emit(super().widget())
        return super().widget()

    def widget(self) -> QWidget:  # the content, built if it was not yet
        return self.ensure_built()

    def _visible(self, visible: bool) -> None:
        if visible and self._factory is not None:
            self.ensure_built()
