"""Features plug themselves into the main window: each module here has ``install(window)``.

A module may set ``ORDER`` (lower installs first; default 100). Features add their docks with
``window.add_dock``, their menu entries with ``window.menu``, and workspace tabs with
``window.workspace.open``; none of them edits ``main_window.py``.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> list[ModuleType]:
    modules = [importlib.import_module(f"{__name__}.{info.name}")
               for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")]
    modules = [m for m in modules if hasattr(m, "install")]
    modules.sort(key=lambda m: (getattr(m, "ORDER", 100), m.__name__))
    return modules
