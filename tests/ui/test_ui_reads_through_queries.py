"""The UI reads through servicedesk/queries and writes through the op runner: no module of
``ui/`` imports ``servicedesk.models`` (ARCHITECTURE.md, data flow; issue 13).

Files that still do are listed in ``NOT_YET``; the list may only shrink: a file that no longer
imports the models must leave it (so nobody adds one back), and no other file may start.
"""
from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"

# Being converted to queries + ops (issue 13). Remove a file from here when it is converted.
NOT_YET: set[str] = set()


def _imports_models(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "servicedesk.models" or node.module.startswith("servicedesk.models."):
                return True
            if node.module == "servicedesk" and any(a.name == "models" for a in node.names):
                return True
        if isinstance(node, ast.Import):
            if any(a.name == "servicedesk.models" or a.name.startswith("servicedesk.models.")
                   for a in node.names):
                return True
    return False


def test_no_ui_module_imports_the_models():
    offenders = {p.relative_to(UI).as_posix() for p in UI.rglob("*.py") if _imports_models(p)}
    new = sorted(offenders - NOT_YET)
    assert not new, f"ui/ modules reading models directly (use servicedesk/queries): {new}"
    converted = sorted(NOT_YET - offenders)
    assert not converted, f"converted, remove from NOT_YET: {converted}"
