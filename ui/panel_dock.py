"""A dock panel whose content is built when it is first shown, not at start-up (#18).

A panel the default layout keeps closed (contracts and knowledge base below 2,200 px, the
technician's day behind the board) costs nothing until the user opens it: its dock, its
panel-bar tab and its View-menu entry exist from the start, its widget is made by a factory
the first time the dock becomes visible or the first time code asks for ``widget()``.

A panel open at start (the board under the tab) need not be part of the first screen either:
with ``not_before`` its building waits for that (``AppContext.after_first_screen``), and the
modules it names in ``prepare`` are imported on a worker first, so the queue's first page is
painted before the panel's code is even loaded (#18: the window shows in about half the time).
"""
from __future__ import annotations

import logging
import sys
from typing import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from .interpreter import PaintsHoldingLock

_log = logging.getLogger(__name__)


class PanelDock(PaintsHoldingLock, QDockWidget):
    """``built(widget)`` is emitted once, when a factory-made panel exists."""

    built = Signal(QWidget)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._factory: Callable[[], QWidget] | None = None
        self._not_before: Callable[[Callable[[], None]], None] | None = None
        self._prepare: tuple[str, ...] = ()
        self._scheduled = False
        self._worker = None
        self._made: QWidget | None = None  # made, waiting for its turn to go in the dock
        self.placeholder: QWidget | None = None  # stands in for the panel until it is built
        self.visibilityChanged.connect(self._visible)

    def set_factory(self, factory: Callable[[], QWidget], *,
                    not_before: Callable[[Callable[[], None]], None] | None = None,
                    prepare: tuple[str, ...] = ()) -> QWidget:
        """Build the content with ``factory`` when it is first needed; an empty widget of the
        dock's background (returned: give it the panel's minimum size) stands in until then.
        ``not_before(fn)`` runs ``fn`` when a panel shown may be built; ``prepare``: modules
        its factory imports, imported off the GUI thread before a build that waited."""
        self._factory = factory
        self._not_before = not_before
        self._prepare = prepare
        placeholder = QWidget()
        placeholder.setObjectName(f"{self.objectName()}Placeholder")
        super().setWidget(placeholder)
        self.placeholder = placeholder
        return placeholder

    def is_built(self) -> bool:
        return self._factory is None and self._made is None

    def ensure_built(self) -> QWidget:
        made, self._made = self._made, None
        factory, self._factory = self._factory, None
        if made is None and factory is not None:
            made = factory()
        if made is not None:
            old = super().widget()
            super().setWidget(made)
            if old is not None:
                old.deleteLater()
            self.placeholder = None
            self.built.emit(super().widget())
        return super().widget()

    def _make_then_show(self) -> None:
        """Make the panel in this turn of the event loop and put it in the dock in a later one:
        its making and its first paint (with the window laid out again) are two stalls, not
        one of their sum (the board: 15-35 ms and 45-65 ms)."""
        factory, self._factory = self._factory, None
        if factory is None:
            return
        try:
            self._made = factory()
        except Exception:  # noqa: BLE001 - logged; the panel is made again when next asked for
            self._factory = factory
            _log.exception("panel %s could not be made", self.objectName())
            return
        QTimer.singleShot(1, self, self.ensure_built)

    def widget(self) -> QWidget:  # the content, built if it was not yet
        return self.ensure_built()

    def _visible(self, visible: bool) -> None:
        if not visible or self._factory is None:
            return
        if self._not_before is None:
            self.ensure_built()
        elif not self._scheduled:
            self._scheduled = True
            self._not_before(self._build_prepared)

    def _build_prepared(self) -> None:
        missing = tuple(name for name in self._prepare if name not in sys.modules)
        if self._factory is None or not missing:
            self._make_then_show()
            return
        from .warmup import import_all
        from .workers import Worker

        self._worker = Worker(self)
        self._worker.run(import_all, missing, key="prepare",
                         on_done=lambda _failed: self._make_then_show(),
                         on_error=lambda _err: self._make_then_show())
