"""What every widget of a window needs, passed explicitly (no global singletons)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QLocale, QObject, QSettings, QTimer

from servicedesk import context
from servicedesk.context import Actor

from .bus import EventBus

_log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from servicedesk.db import ServiceDeskDatabase
    from servicedesk.queries.lookups import Lookups
    from servicedesk.uow import ChangeSet

    from .ops import OpRunner
    from .warmup import Warmup


@dataclass
class AppContext:
    db: "ServiceDeskDatabase"
    bus: EventBus
    settings: QSettings
    lang: str = "en"
    locale: QLocale = field(default_factory=QLocale)
    screenshot_mode: bool = False  # deterministic: background work inline, nothing saved
    unattended: bool = False  # a measured start (--exit-when-shown): signed in silently, nothing saved
    ops: "OpRunner | None" = None
    warmup: "Warmup | None" = None  # the window's background imports (ui/warmup.py)
    _lookups: "Lookups | None" = field(default=None, repr=False)
    # Reads of the first screen's other panels, waiting for the queue's first page (None once
    # it is up): the queue's read goes first, not three reads sharing the interpreter at once.
    _first_screen: "list[Callable[[], None]] | None" = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.ops is None:
            from .ops import OpRunner

            self.ops = OpRunner(self)

    @property
    def actor(self) -> Actor:
        return context.current()

    def lookups(self) -> "Lookups":
        """The reference lists (priorities, types, teams, operators, provinces), read once and
        again only after a change set touched them."""
        if self._lookups is None:
            from servicedesk.queries import lookups

            self._lookups = lookups.load()
        return self._lookups

    def changes_seen(self, changes: "ChangeSet") -> None:
        """Called by the op runner before a change set is published."""
        from servicedesk.queries.lookups import TABLES

        if changes.touches(*TABLES):
            self._lookups = None

    def after_first_screen(self, fn: "Callable[[], None]") -> None:
        """Run ``fn`` once the queue shows its first page (the window's first screen): the
        first reads of the other visible panels (board, overview). At once when it is up
        already, without a window, and in screenshot mode."""
        if self._first_screen is None or self.warmup is None or self.screenshot_mode:
            fn()
        else:
            self._first_screen.append(fn)

    def first_screen_ready(self) -> None:
        """The queue shows its first page (or the window gave up waiting for it). The steps
        that waited run one per turn of the event loop, the first at once: the overview's
        cards, the board's making and their paints are separate stalls, not one (#18)."""
        waiting, self._first_screen = self._first_screen, None
        self._run_in_turns(list(waiting or ()))

    def _run_in_turns(self, steps: "list[Callable[[], None]]") -> None:
        if not steps:
            return
        fn = steps.pop(0)
        try:
            fn()
        except Exception:  # noqa: BLE001 - one failing panel must not stop the others
            _log.exception("first-screen step %r failed", fn)
        if not steps:
            return
        # 1 ms, not 0: a zero timer runs before the paints already posted. The window's
        # warm-up owns the timer: steps left when the window is gone are dropped.
        after = (1, self.warmup) if isinstance(self.warmup, QObject) else (1,)
        QTimer.singleShot(*after, lambda: self._run_in_turns(steps))

    def after_start(self, fn) -> None:
        """Run ``fn`` once the window's start-up is over (``Warmup.later``); at once without a
        window (dialogs and pages made on their own in tests)."""
        if self.warmup is None:
            fn()
        else:
            self.warmup.later(fn)

    def set_actor(self, actor: Actor) -> None:
        context.set_actor(actor)
