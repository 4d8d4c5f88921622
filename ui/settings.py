"""The settings of one workstation (Qt's settings file), declared in one place (#13).

Window layout, the remembered database and sign-in, last folders: each key is declared here
once with its type, default and meaning, and every reader and writer goes through these
declarations (a test fails when a module calls ``QSettings.value``/``setValue`` itself). The
office's settings shared by every workstation live in the database: ``servicedesk/settings.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SCOPE = "workstation"


@dataclass(frozen=True)
class UiSetting:
    key: str  # "{}" placeholders are filled by the parts given to read/write (per file, per kind)
    kind: type
    default: Any
    doc: str
    scope: str = SCOPE

    def name(self, *parts: object) -> str:
        return self.key.format(*parts) if parts else self.key

    def read(self, settings: QSettings, *parts: object) -> Any:
        """The stored value as ``kind``, or the default (missing, or of another type)."""
        value = settings.value(self.name(*parts))
        if value is None:
            return self.default
        if self.kind is str:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)  # a native settings store keeps numbers as numbers
            return value if isinstance(value, str) else self.default
        if self.kind is bool:
            return value if isinstance(value, bool) else str(value).lower() == "true"
        return value if isinstance(value, self.kind) else self.default

    def write(self, settings: QSettings, value: Any, *parts: object) -> None:
        settings.setValue(self.name(*parts), value)

    def remove(self, settings: QSettings, *parts: object) -> None:
        settings.remove(self.name(*parts))


REGISTRY: dict[str, UiSetting] = {}


def declare(key: str, kind: type, default: Any, doc: str) -> UiSetting:
    if key in REGISTRY:
        raise ValueError(f"setting {key!r} declared twice")
    REGISTRY[key] = setting = UiSetting(key, kind, default, doc)
    return setting


WINDOW_GEOMETRY = declare("mainwindow/geometry", QByteArray, None, "The main window's place and size.")
WINDOW_STATE = declare("mainwindow/state", QByteArray, None, "The panels' layout (Qt's saveState).")
QUEUE_HEADER = declare("requestQueue/header", QByteArray, None,
                       "The request queue's columns: order, widths, hidden ones.")
LAST_FOLDER = declare("files/{}_dir", str, "", "The folder last used to save or open a kind of file.")
EXPORT_FOLDER = declare("analysis/export_dir", str, "", "The folder of the last analysis export.")
LAST_USER = declare("auth/last_user", str, "", "The user name last signed in on this workstation.")
SIGN_IN_TOKEN = declare("auth/token_{}", str, "",
                        "The remembered sign-in of a database (by a digest of its path).")
MY_DAY_OPERATOR = declare("board/my_day_operator", str, "",
                          "Whose day “My day” shows when the signed-in user is not an operator.")
DATABASE_KIND = declare("database/kind", str, "",
                        "The database chosen at the first start: new, open or demo.")
DATABASE_TARGET = declare("database/target", str, "", "The path of the database chosen.")
