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


@dataclass
class AppContext:
    db: "ServiceDeskDatabase"
    bus: EventBus
    settings: QSettings
    lang: str = "en"
    locale: QLocale = field(default_factory=QLocale)
    screenshot_mode: bool = False

    @property
    def actor(self) -> Actor:
        return context.current()

    def set_actor(self, actor: Actor) -> None:
        context.set_actor(actor)
