"""PySide6's ``__feature__`` import hook is taken off at start (#18): it read the source of
every module imported after PySide6 (20-40 ms of start-up); ServiceDesk uses no feature."""
from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_asks_for_a_pyside_feature():
    for package in ("ui", "servicedesk"):
        for path in (ROOT / package).rglob("*.py"):
            assert "__feature__" not in path.read_text(encoding="utf-8") or path.name == "qt_imports.py", path


def test_plain_imports_puts_pythons_import_back_and_imports_still_work():
    code = (
        "import builtins, sys\n"
        "import PySide6.QtCore\n"
        "hooked = builtins.__import__ is getattr(builtins, '__feature_import__', None)\n"
        "from ui.qt_imports import plain_imports\n"
        "changed = plain_imports()\n"
        "import json, ui.fmt\n"
        "from PySide6.QtWidgets import QLabel\n"
        "print(hooked, changed, plain_imports(), builtins.__import__ is builtins.__orig_import__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120)
    assert out.returncode == 0, out.stderr
    hooked, changed, again, original = out.stdout.split()
    # The installed PySide6 hooks imports (a release without the hook makes this a no-op):
    assert hooked == changed == "True" and again == "False" and original == "True"


def test_the_application_starts_with_plain_imports(tmp_path):
    code = (
        "import builtins\n"
        "from ui.app import main\n"
        f"code = main(['--db', {str(tmp_path / 's.db')!r}, '--exit-when-shown'])\n"
        "print('PLAIN=%s' % (builtins.__import__ is builtins.__orig_import__), 'CODE=%s' % code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICEDESK_DATA_DIR=str(tmp_path / "d"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=300)
    assert "PLAIN=True CODE=0" in out.stdout, out.stderr[-2000:]
    assert "queue_ms=" in out.stdout


def test_plain_imports_is_harmless_without_the_hook(monkeypatch):
    from ui.qt_imports import plain_imports

    monkeypatch.delattr(builtins, "__feature_import__", raising=False)
    assert plain_imports() is False
