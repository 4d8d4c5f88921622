"""The core never loads Qt or pyqtgraph (ARCHITECTURE.md: the Anki split)."""
from __future__ import annotations

import pkgutil
import subprocess
import sys

import servicedesk


def test_core_modules_do_not_import_qt():
    names = [m.name for m in pkgutil.walk_packages(servicedesk.__path__, "servicedesk.")]
    assert len(names) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core loaded Qt modules: {out.stdout}"
