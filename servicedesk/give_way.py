"""Background threads give way to the window: a hook the UI sets (the core never imports Qt).

Before each statement a thread other than the main one calls :func:`statement_starts`; the UI
makes it wait while the window paints (``ui/interpreter.py``), so a worker's Python does not
take the interpreter lock from a paint in progress. Without a hook (scripts, the tests of the
core, the benchmarks) it does nothing."""
from __future__ import annotations

import threading
from typing import Callable

_hook: Callable[[], None] | None = None
_main = threading.main_thread().ident


def set_hook(fn: Callable[[], None] | None) -> None:
    global _hook
    _hook = fn


def statement_starts() -> None:
    hook = _hook
    if hook is not None and threading.get_ident() != _main:
        hook()
