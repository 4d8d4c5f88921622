"""Load the UI language: our Italian catalogue plus Qt's own, and the matching QLocale."""
from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from servicedesk import resources

SUPPORTED = ("it", "en")
_installed: list[QTranslator] = []


# Labels of Qt's own file dialog that Qt 6.11 reworded (a mnemonic added) and its Italian
# catalogue has not caught up with: "Look in" and "Files of type" stayed English (#12).
QT_GAPS_IT = {
    ("QFileDialog", "&Look in:"): "&Cerca in:",
    ("QFileDialog", "Files of &type:"): "File di &tipo:",
}


class _QtGaps(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt API
        return QT_GAPS_IT.get((context, source))  # None: a null string, "not mine"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def _qt_translation_folders() -> Iterator[str]:
    """Qt's translations: where Qt says, then PySide6's own folder (a frozen app may differ).
    A generator: the second (a package lookup, ~10 ms at start) is looked up only when the
    first has no catalogue."""
    yield QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    try:
        yield str(resources.library_folder("PySide6", "Qt/translations"))
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is there if Qt runs
        pass


def system_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"


def install(app: QCoreApplication, lang: str | None) -> str:
    """Install translators for ``lang`` (None: follow the system locale); returns the language."""
    lang = lang if lang in SUPPORTED else system_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "it":
        QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
        ours = QTranslator(app)
        if ours.load(str(resources.translation_file("it"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if any(qt.load("qtbase_it", folder) for folder in _qt_translation_folders()):
            app.installTranslator(qt)
            _installed.append(qt)
        gaps = _QtGaps(app)  # installed last: asked first, answers only its few strings
        app.installTranslator(gaps)
        _installed.append(gaps)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang
