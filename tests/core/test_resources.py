"""Shipped files are found through one helper, from source, a wheel or the frozen app (R-X-4, #19)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from servicedesk import resources

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("servicedesk", "ui")
# Ways of computing where a shipped file lives; only servicedesk/resources.py may use them.
AD_HOC = re.compile(r"__file__|_MEIPASS|importlib\.resources|importlib_resources|pkgutil\.get_data"
                    r"|/\s*[\"']resources[\"']|[\"']resources[\"']\s*\)|[\"']resources[/\\]"
                    r"|[\"'][^\"'\n]*\.(?:sql|qm|qss|svg)[\"']")
HELPER_CALL = re.compile(r"\b(?:data_file|icon_file|migration_sql|translation_file)\(\s*$"
                         r"|\bdependency_file\([^()]*$")
# Calls that name a shipped file: the name must be one the bundle carries.
NAMED = re.compile(r"\b(data_file|icon_file|migration_sql|translation_file)\(\s*[\"']([^\"']+)[\"']")
FOLDERS = {"data_file": "resources/data/", "icon_file": "resources/icons/",
           "migration_sql": "servicedesk/migrations/"}


def _sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path != ROOT / "servicedesk" / "resources.py":
                yield path, path.read_text(encoding="utf-8")


def test_runtime_files_from_source():
    files = resources.runtime_files()
    for expected in ("servicedesk/migrations/m0001_initial.sql", "resources/data/provinces.json",
                     "resources/data/demo_texts.json", "resources/icons/servicedesk.svg",
                     "resources/style.qss", "resources/translations/servicedesk_it.qm"):
        assert expected in files
    # translation sources are build inputs, not shipped
    assert not [f for f in files if f.endswith((".ts", ".py")) or "/it/" in f]
    assert resources.data_file("reference.json") == ROOT / "resources" / "data" / "reference.json"
    assert not resources.frozen()


def test_no_module_computes_resource_paths_by_itself():
    offenders = []
    for path, text in _sources():
        for m in AD_HOC.finditer(text):
            before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
            if before.lstrip().startswith("#") or HELPER_CALL.search(before):
                continue  # a comment, or a file named to the helper
            offenders.append(f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: "
                             f"{m.group(0)}")
    assert offenders == [], "find shipped files through servicedesk.resources:\n" + "\n".join(offenders)


def test_every_named_resource_is_shipped():
    shipped = set(resources.runtime_files())
    named = [(path, fn, name) for path, text in _sources() for fn, name in NAMED.findall(text)]
    assert len(named) >= 8
    for path, fn, name in named:
        rel = (f"resources/translations/servicedesk_{name}.qm" if fn == "translation_file"
               else FOLDERS[fn] + name)
        assert rel in shipped, f"{path.relative_to(ROOT)} reads {rel}, which the bundle lacks"


def test_data_of_libraries_is_found_and_listed():
    """Files inside a library (the KB's Italian word list) go through the helper too, and only
    listed ones: the frozen app carries exactly those."""
    word_list = resources.dependency_file("spellchecker", "resources/it.json.gz")
    assert word_list.is_file() and word_list.stat().st_size > 100_000
    with pytest.raises(ValueError, match="DEPENDENCY_DATA"):
        resources.dependency_file("spellchecker", "resources/en.json.gz")


def test_frozen_layout_and_missing_file(tmp_path, monkeypatch):
    """Frozen, files come from the bundle folder; a missing one names itself."""
    for rel in resources.runtime_files():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.frozen()
    assert resources.base_dir() == tmp_path
    assert resources.migration_sql("m0001_initial.sql") == tmp_path / "servicedesk/migrations/m0001_initial.sql"
    assert resources.runtime_files() == resources.runtime_files(ROOT)
    (tmp_path / "resources/style.qss").unlink()
    with pytest.raises(resources.ResourceMissing, match=r"resources/style\.qss is missing"):
        resources.style_sheet_file()


def test_broken_installation_exits_with_one_line(tmp_path):
    """A bundle without its files says what is missing and exits 2 — no traceback."""
    code = ("import sys; sys.frozen = True; sys._MEIPASS = sys.argv.pop(1)\n"
            "from ui.app import entry; entry()")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICEDESK_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "empty"), "--db",
                           str(tmp_path / "x.db")], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith("servicedesk: ServiceDesk is incomplete: resources/icons/servicedesk.svg")
    assert not (tmp_path / "x.db").exists()
