"""Where save dialogs start: the folder the user saved to last (per kind of file), else the
Documents folder — never the program's working directory (#12)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .settings import LAST_FOLDER


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def suggested_path(ctx, kind: str, name: str) -> str:
    """The full path a save dialog proposes for ``name`` (already in the user's language)."""
    folder = LAST_FOLDER.read(ctx.settings, kind) if ctx is not None else None
    if not folder or not Path(str(folder)).is_dir():
        folder = documents_folder()
    return str(Path(str(folder)) / name)


def remember(ctx, kind: str, path: str) -> None:
    if ctx is not None and path:
        LAST_FOLDER.write(ctx.settings, str(Path(path).parent), kind)
