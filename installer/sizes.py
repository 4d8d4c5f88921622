"""What the frozen folder is made of: its size per component (#19).

    uv run python installer/sizes.py dist/ServiceDesk                 # the table
    uv run python installer/sizes.py dist/ServiceDesk --json out.json  # … and the figures
    uv run python installer/sizes.py dist/ServiceDesk --compare before.json

``build.py`` prints the table after every build, so a dependency that grows the app shows.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

# component -> patterns of paths relative to ``_internal`` (first match wins)
COMPONENTS: list[tuple[str, str]] = [
    ("ICU (Qt's Unicode and locale data)", r"PySide6/Qt/lib/libicu"),
    ("Qt libraries", r"PySide6/Qt/lib/"),
    ("Qt plugins and translations", r"PySide6/Qt/"),
    ("PySide6 bindings", r"(PySide6|shiboken6)/"),
    ("OpenBLAS (numpy's linear algebra)", r"numpy\.libs/"),
    ("numpy", r"numpy/"),
    ("cryptography (desktop keyring)", r"(cryptography|_cffi_backend|cffi)"),
    ("lxml (fast Excel writer)", r"lxml/"),
    ("python-stdnum (VAT checks)", r"stdnum/"),
    ("pyspellchecker (Italian words)", r"spellchecker/"),
    ("ServiceDesk's own files", r"(resources|servicedesk|ui)/"),
    ("Python", r"(libpython|python3|base_library\.zip|lib-dynload)"),
    ("other Python packages", r"[^/]+/"),
    ("system libraries", r"lib[^/]*\.so"),
]
EXECUTABLE = "executable (Python code of the app and its libraries)"


def component(relative: str) -> str:
    if "/" not in relative and not relative.startswith("lib"):
        return EXECUTABLE if relative.startswith("ServiceDesk") else "other"
    inside = relative.split("/", 1)[1] if relative.startswith("_internal/") else relative
    for name, pattern in COMPONENTS:
        if re.match(pattern, inside):
            return name
    return "other"


def sizes(app: Path) -> dict[str, int]:
    """Bytes per component (symbolic links count nothing: they point inside the folder)."""
    totals: dict[str, int] = {}
    for path in app.rglob("*"):
        if path.is_file() and not path.is_symlink():
            name = component(path.relative_to(app).as_posix())
            totals[name] = totals.get(name, 0) + path.stat().st_size
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def table(now: dict[str, int], before: dict[str, int] | None = None) -> str:
    names = list(now) + [name for name in (before or {}) if name not in now]
    lines = []
    for name in names + ["total"]:
        value = sum(now.values()) if name == "total" else now.get(name, 0)
        line = f"{value / 1e6:8.1f} MB  {name}"
        if before is not None:
            old = sum(before.values()) if name == "total" else before.get(name, 0)
            line = f"{old / 1e6:8.1f} MB -> {line.lstrip()}"
        lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--compare", type=Path, help="figures of an earlier build (--json)")
    args = parser.parse_args(argv)
    now = sizes(args.app)
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print(table(now, before))
    if args.json:
        args.json.write_text(json.dumps(now, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
