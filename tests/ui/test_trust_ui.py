"""The app side of #14: damage found in the background stops writes and offers the latest good
backup; Tools › Database mode; an empty file is made a database only when the user says yes."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from servicedesk import backup
from servicedesk.errors import DatabaseOpenError
from servicedesk.models import Setting


def test_damage_found_after_opening_stops_writes_and_offers_the_latest_backup(window, qtbot, monkeypatch):
    path = Path(window.ctx.db.info.path)
    good = backup.take_backup(path, kind="auto")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.No)
    before = path.read_bytes()
    window.backup_controller.found_damage("*** in database main ***\nPage 42: btreeInitPage() returns error code 11")
    assert window.ctx.db.damaged
    assert "is damaged" in shown[0] and "Restore the latest good backup" in shown[0]
    with pytest.raises(DatabaseOpenError) as info:
        Setting.create(key="after-damage", value="x")
    assert info.value.code == "db.damaged"
    assert path.read_bytes() == before
    assert backup.latest_good_backup(path).path == good.path


def test_background_check_of_a_healthy_file_finds_nothing(window, qtbot, monkeypatch):
    found = []
    monkeypatch.setattr(window.backup_controller, "found_damage", found.append)
    with qtbot.waitSignal(window.backup_controller.integrity_checked, timeout=60_000) as blocker:
        window.backup_controller.check_integrity()
    assert blocker.args == ["ok"] and found == [] and not window.ctx.db.damaged


def test_database_mode_action_switches_the_file_for_everyone(window, monkeypatch):
    db = window.ctx.db
    assert db.info.journal_mode == "wal"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    action = window.findChild(type(window.menu("tools").menuAction()), "actionDatabaseMode")
    assert action is not None and action.isEnabled()
    action.trigger()
    assert db.info.journal_mode == "delete" and db.info.shared
    assert Path(db.info.path).read_bytes()[18:20] == b"\x01\x01"
    assert window.findChild(QLabel, "statusDatabase").text().endswith("shared file")
    Setting.create(key="still-writable", value="x")
    action.trigger()
    assert db.info.journal_mode == "wal"


def test_empty_file_asks_and_creates_only_on_yes(qtbot, tmp_path, monkeypatch, capsys):
    from ui import app

    path = tmp_path / "vuoto.db"
    path.touch()
    asked, criticals = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: criticals.append(a))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert app.open_or_ask(path, demo=False, shared=False, headless=False, interactive=True) is None
    assert "is empty" in asked[0] and "Create a new ServiceDesk database in it?" in asked[0]
    assert path.read_bytes() == b"" and criticals == []  # the user said no: no second dialog
    assert "is an empty file" in capsys.readouterr().err
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    db = app.open_or_ask(path, demo=False, shared=False, headless=False, interactive=True)
    try:
        assert db is not None and db.info.created and path.stat().st_size > 0
    finally:
        db.close()
