"""Python's own ``import`` back once PySide6 is loaded (#18).

Importing ``PySide6.QtCore`` replaces ``builtins.__import__`` with PySide's ``__feature__``
hook, which makes ``from __feature__ import snake_case, true_property`` possible. The hook
runs Python code on every import statement from then on, and the first time it sees a module
it reads the module's whole source text (``inspect.getsource``) to look for "PySide6" in it.
At start-up that is 160 modules and 20-40 ms, on every later import inside a function a few
microseconds more. ServiceDesk uses no ``__feature__`` (a test checks that no module asks for
one), so the application puts Python's import back. PySide's per-module feature selection then
stays at its default (no feature), exactly what every module had with the hook.
"""
from __future__ import annotations

import builtins


def plain_imports() -> bool:
    """Restore Python's import if PySide6's hook is in place; True when it was. Harmless when
    PySide6 is not imported yet, or a release without the hook is installed."""
    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is None or original is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = original
    return True
