"""What a workstation works on, as the welcome chose it (#19): a kind and a target, remembered
in the workstation's settings. Apart from the welcome dialog so that a start on a remembered
database does not import the dialog (#18)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from servicedesk import paths

from .settings import DATABASE_KIND, DATABASE_TARGET

NEW, OPEN, DEMO, SERVER = "new", "open", "demo", "server"


@dataclass(frozen=True)
class DatabaseChoice:
    """What this workstation works on. ``target``: the database file (empty for the demo) or
    the server URL. ``password``/``keep_password``: typed for a server, used once, never
    remembered here."""

    kind: str
    target: str = ""
    password: str = field(default="", compare=False, repr=False)
    keep_password: bool = field(default=False, compare=False, repr=False)

    @property
    def shared(self) -> bool:
        """A new office database is made for several workstations (rollback journal, full
        sync), even where this computer sees it as a local file (the one that hosts the share);
        an existing file keeps the mode stored in it."""
        return self.kind == NEW

    def path(self) -> Path | str:
        """What ``open_database`` takes: a file, or the server URL (with the typed password)."""
        if self.kind == SERVER:
            if self.password:
                from .dialogs.server_connect import with_password

                return with_password(self.target, self.password)
            return self.target
        return paths.demo_db_path() if self.kind == DEMO else Path(self.target)


def remembered(settings: QSettings) -> DatabaseChoice | None:
    kind = DATABASE_KIND.read(settings)
    target = DATABASE_TARGET.read(settings)
    if kind == DEMO or (kind in (NEW, OPEN, SERVER) and target):
        return DatabaseChoice(kind, target)
    return None


def remember(settings: QSettings, choice: DatabaseChoice) -> None:
    DATABASE_KIND.write(settings, choice.kind)
    DATABASE_TARGET.write(settings, choice.target)
    settings.sync()
