"""Load the UI language: our Italian catalogue plus Qt's own, and the matching QLocale."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from servicedesk.paths import resources_dir

SUPPORTED = ("it", "en")
_installed: list[QTranslator] = []


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
        if ours.load(str(resources_dir() / "translations" / "servicedesk_it.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_it", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang
