"""The registry, maintenance and administration services import each other without circles
(issue 13, "The house": auth ↔ operators was one). Function-level imports count too: a circle
hidden inside a function is still a circle."""
from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "servicedesk" / "services"
AREA = {"auth", "operators", "parties", "units", "products", "maintenance", "notices", "mailer",
        "records", "imports"}


def _imports(name: str) -> set[str]:
    tree = ast.parse((SERVICES / f"{name}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:  # from .x import y
                found.add(node.module.split(".")[0])
            elif node.level == 1:  # from . import x, y
                found.update(a.name for a in node.names)
            elif node.module and node.module.startswith("servicedesk.services."):
                found.add(node.module.split(".")[2])
    return found & AREA


def test_no_import_circle_in_the_area():
    graph = {name: _imports(name) for name in AREA if (SERVICES / f"{name}.py").exists()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(n for n in graph if reaches(n, n, {n}))
    assert not circles, f"services importing each other in a circle: {circles}"


def test_auth_does_not_import_operators():
    assert "operators" not in _imports("auth")
