"""The entry point is imported by nobody: the window and the features reach the application only
through signals (``MainWindow.database_chosen``), so ``ui/app`` ↔ ``ui/main_window`` (and
``ui/app`` ↔ a feature) can never form an import circle again (#13)."""
from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside functions, as dotted names."""
    package = ["ui", *path.relative_to(UI).with_suffix("").parts][:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_no_module_of_the_ui_imports_the_entry_point():
    offenders = sorted(str(path.relative_to(UI.parent)) for path in UI.rglob("*.py")
                       if path.name != "app.py" or path.parent != UI
                       if "ui.app" in _imports(path))
    assert offenders == []


def test_the_checker_sees_relative_and_function_level_imports(tmp_path):
    sample = UI / "features" / "backup.py"
    assert "ui.workers" in _imports(UI / "features" / "overview.py")
    assert "ui.messages" in _imports(sample)
    assert "ui.dialogs.backup" in _imports(sample)  # imported inside a method
