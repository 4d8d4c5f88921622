"""Keep the Italian catalogue complete: lupdate → fill from the per-area dictionaries → lrelease.

Translations live in ``resources/translations/it/*.json`` (one file per area, so parallel work
does not collide): ``{"English source": "Italian"}`` or, for a string that needs a different
translation in one context, the key ``"Context|English source"``. This script regenerates
``servicedesk_it.ts`` from the sources (pyside6-lupdate), fills every message from those
dictionaries, compiles ``servicedesk_it.qm`` and lists what is still missing (exit code 1).

    uv run python tools/i18n.py          # update .ts/.qm, report missing
    uv run python tools/i18n.py --check  # only report; non-zero if anything is missing
"""
from __future__ import annotations

import argparse
import fcntl
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "servicedesk_it.ts"
QM = TS.with_suffix(".qm")
DICTS = ROOT / "resources" / "translations" / "it"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        venv_bin = Path(sys.executable).parent
        found = str(venv_bin / f"pyside6-{name}")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def dictionary() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(DICTS.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def run_lupdate(target: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *sources(), "-ts", str(target)], cwd=ROOT, check=True)


def fill(ts_path: Path, words: dict[str, str]) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path)
    missing: list[tuple[str, str]] = []
    for context in tree.getroot().iter("context"):
        ctx_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = words.get(f"{ctx_name}|{source}", words.get(source))
            if text and message.get("numerus") == "yes":
                # Italian has two forms; a list gives [singular, plural], a string serves both.
                forms = text if isinstance(text, list) else [text, text]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms[:2]:
                    ET.SubElement(translation, "numerusform").text = form
                translation.attrib.pop("type", None)
            elif text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.text = None
                translation.set("type", "unfinished")
                missing.append((ctx_name, source))
    tree.getroot().set("language", "it_IT")
    tree.getroot().set("sourcelanguage", "en")
    ET.indent(tree)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    lock_path = Path(tempfile.gettempdir()) / "servicedesk-i18n.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "servicedesk_it.ts"
            run_lupdate(work)
            missing = fill(work, dictionary())
            if not args.check:
                shutil.copy(work, TS)
                subprocess.run([tool("lrelease"), "-silent", str(TS), "-qm", str(QM)],
                               cwd=ROOT, check=True)
    for ctx_name, source in missing:
        print(f"missing: {ctx_name}|{source}")
    print(f"{len(missing)} missing translation(s)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
