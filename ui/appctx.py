"""What every widget of a window needs, passed explicitly (no global singletons)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings

from servicedesk import context
from servicedesk.context import Actor

from .bus import EventBus

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

    def after_start(self, fn) -> None:
        """Run ``fn`` once the window's start-up is over (``Warmup.later``); at once without a
        window (dialogs and pages made on their own in tests)."""
        if self.warmup is None:
            fn()
        else:
            self.warmup.later(fn)

    def set_actor(self, actor: Actor) -> None:
        context.set_actor(actor)
