"""Every file the app ships (schema SQL, reference data, translations, icons, style) found in one place.

The same layout holds in the three ways the app runs: a source checkout, an installed wheel
(``site-packages`` holds ``servicedesk/`` and ``resources/`` side by side, as the checkout does)
and the PyInstaller bundle (``sys._MEIPASS``, filled from :data:`RUNTIME_PATTERNS` by the spec).
No other module computes a resource path (a test greps for it).
"""
from __future__ import annotations

import sys
from pathlib import Path

# What the app reads at run time, relative to :func:`base_dir`. The PyInstaller spec bundles
# exactly these; the smoke test compares them between the source tree and the frozen app.
# Translation sources (.ts, it/*.json) are build inputs, not run-time files.
RUNTIME_PATTERNS = (
    "servicedesk/migrations/*.sql",
    "resources/data/*.json",
    "resources/icons/*.svg",
    "resources/style.qss",
    "resources/translations/*.qm",
)

# Data files inside the libraries the app uses (package -> paths relative to it), bundled by the
# spec next to the package as the library expects them. Only what the app reads: pyspellchecker
# carries word lists of a dozen languages, the knowledge-base search reads the Italian one.
DEPENDENCY_DATA = {
    "spellchecker": ("resources/it.json.gz",),
}


class ResourceMissing(FileNotFoundError):
    """A shipped file is not where it should be: the installation is incomplete."""


def base_dir() -> Path:
    """The folder that holds the ``servicedesk`` and ``resources`` folders."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def runtime_file(relative: str) -> Path:
    """A run-time file by its path relative to :func:`base_dir` (as :func:`runtime_files` lists it)."""
    return _existing(relative)


def _existing(relative: str) -> Path:
    path = base_dir() / relative
    if not path.is_file():
        raise ResourceMissing(f"ServiceDesk is incomplete: {relative} is missing "
                              f"(looked in {base_dir()}); reinstall the application")
    return path


def data_file(name: str) -> Path:
    """A reference or demo data file of ``resources/data`` (``provinces.json`` …)."""
    return _existing(f"resources/data/{name}")


def migration_sql(name: str) -> Path:
    """A frozen SQL script next to the migrations (``m0001_initial.sql``)."""
    return _existing(f"servicedesk/migrations/{name}")


def icon_file(name: str) -> Path:
    return _existing(f"resources/icons/{name}")


def icons_dir() -> Path:
    """The icons folder (the style sheet's ``url()``s point into it)."""
    return icon_file("servicedesk.svg").parent


def style_sheet_file() -> Path:
    return _existing("resources/style.qss")


def translation_file(lang: str) -> Path:
    """The compiled catalogue of our own strings for ``lang`` (``servicedesk_it.qm``)."""
    return _existing(f"resources/translations/servicedesk_{lang}.qm")


def dependency_file(package: str, relative: str) -> Path:
    """A data file of an installed library (see :data:`DEPENDENCY_DATA`)."""
    from importlib.resources import files

    if relative not in DEPENDENCY_DATA.get(package, ()):
        raise ValueError(f"{package}/{relative} is not listed in DEPENDENCY_DATA: the frozen app "
                         "would not carry it")
    path = Path(str(files(package) / relative))  # a folder from source, a wheel and the bundle
    if not path.is_file():
        raise ResourceMissing(f"ServiceDesk is incomplete: {package}/{relative} is missing "
                              f"(looked in {path.parent}); reinstall the application")
    return path


def library_folder(package: str, relative: str) -> Path:
    """A folder inside an installed library (PySide6's ``Qt/translations``), found the same way
    from source, a wheel and the bundle; it may be absent (the caller has a fallback)."""
    from importlib.resources import files

    return Path(str(files(package) / relative))


def runtime_files(root: Path | None = None) -> list[str]:
    """The run-time files present under ``root`` (default :func:`base_dir`), as sorted
    POSIX paths relative to it."""
    root = root or base_dir()
    found = {p.relative_to(root).as_posix() for pattern in RUNTIME_PATTERNS
             for p in root.glob(pattern) if p.is_file()}
    return sorted(found)
