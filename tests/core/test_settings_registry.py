"""One settings registry (#13): every database setting is declared in servicedesk/settings.py and
every workstation setting in ui/settings.py; nobody reads or writes the ``setting`` table or a
Qt settings key past them."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from servicedesk import settings
from servicedesk.models import Setting

ROOT = Path(__file__).resolve().parents[2]
REGISTRIES = {ROOT / "servicedesk" / "settings.py", ROOT / "ui" / "settings.py"}
SKIP = ("migrations", "models")  # the table's definition; migrations are history, never edited
QT_CALLS = {"value", "setValue", "remove", "contains", "allKeys", "childKeys", "childGroups"}


def _sources():
    for folder in ("servicedesk", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path not in REGISTRIES and not set(path.relative_to(ROOT).parts) & set(SKIP):
                yield path, ast.parse(path.read_text(encoding="utf-8"))


def _is_settings(node: ast.AST) -> bool:
    """``settings``, ``x.settings``, ``self.ctx.settings`` … (the window's QSettings)."""
    return (isinstance(node, ast.Name) and node.id == "settings") or \
        (isinstance(node, ast.Attribute) and node.attr == "settings")


def test_nobody_reads_or_writes_the_setting_table_past_the_registry():
    offenders = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "Setting":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} Setting.{node.attr}")
            if isinstance(node, ast.ImportFrom) and any(a.name == "Setting" for a in node.names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports Setting")
    assert offenders == []


def test_nobody_reads_or_writes_a_qt_settings_key_past_the_registry():
    offenders = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in QT_CALLS and _is_settings(node.func.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}()")
    assert offenders == []


def test_the_checks_would_see_an_offender():
    bad = ast.parse("row = Setting.get_or_none(Setting.key == 'x')\n"
                    "self.ctx.settings.setValue('a/b', 1)\n")
    attrs = [n for n in ast.walk(bad) if isinstance(n, ast.Attribute)]
    assert any(isinstance(n.value, ast.Name) and n.value.id == "Setting" for n in attrs)
    assert any(n.attr == "setValue" and _is_settings(n.value) for n in attrs)


def test_every_declared_key_is_unique_and_documented():
    from ui import settings as ui_settings

    for registry in (settings.REGISTRY, ui_settings.REGISTRY):
        for key, declared in registry.items():
            assert declared.key == key and declared.doc.strip()
    assert not set(settings.REGISTRY) & set(ui_settings.REGISTRY)
    with pytest.raises(ValueError):
        settings.declare("requests.follow_work", bool, True, "twice")


def test_read_gives_the_default_for_missing_damaged_or_wrong_values(demo_db):
    key = settings.CONTRACT_ALERT_DAYS
    Setting.delete().where(Setting.key == key.key).execute()
    assert settings.read(key) == 60
    for text in ("not json", json.dumps("sixty"), json.dumps(True), json.dumps(99999)):
        Setting.delete().where(Setting.key == key.key).execute()  # (no REPLACE on PostgreSQL)
        Setting.insert(key=key.key, value=text).execute()
        assert settings.read(key) == 60, text
    assert settings.write(key, 30) is True
    assert settings.read("contracts.alert_days") == 30
    assert settings.write(key, 30) is False  # nothing to store: no new version, no audit row
    with pytest.raises(TypeError):
        settings.write(key, "30")
    with pytest.raises(KeyError, match="not declared"):
        settings.read("contracts.nonexistent")


def test_a_dict_setting_is_never_shared_between_readers(demo_db):
    first = settings.read(settings.SMTP)
    first["host"] = "changed in memory"
    assert settings.read(settings.SMTP).get("host") != "changed in memory"


def test_workstation_settings_read_their_types(tmp_path):
    from PySide6.QtCore import QByteArray, QSettings

    from ui import settings as ui_settings

    qs = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert ui_settings.WINDOW_STATE.read(qs) is None
    ui_settings.WINDOW_STATE.write(qs, QByteArray(b"\x00\x01state"))
    ui_settings.LAST_FOLDER.write(qs, "/tmp/x", "pdf")
    ui_settings.MY_DAY_OPERATOR.write(qs, 7)
    qs.sync()
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert ui_settings.WINDOW_STATE.read(again) == QByteArray(b"\x00\x01state")
    assert ui_settings.LAST_FOLDER.read(again, "pdf") == "/tmp/x"
    assert ui_settings.LAST_FOLDER.read(again, "xlsx") == ""
    assert ui_settings.MY_DAY_OPERATOR.read(again) == "7"
    ui_settings.LAST_FOLDER.remove(again, "pdf")
    assert ui_settings.LAST_FOLDER.read(again, "pdf") == ""
