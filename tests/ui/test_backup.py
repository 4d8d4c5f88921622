"""Backups in the UI: dialog, back up now, settings, restore, busy indicator, recovery (R-X-1)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import backup, context
from servicedesk.context import Actor
from servicedesk.models import Setting
from servicedesk.permissions import Role


@pytest.fixture
def ctx(db, tmp_path):
    from ui import i18n
    from ui.appctx import AppContext
    from ui.bus import EventBus

    i18n.install(QApplication.instance(), "en")
    import ui.features.backup  # noqa: F401 - registers the messages
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(db=db, bus=EventBus(), settings=settings, lang="en")


def test_backup_dialog_backs_up_and_restores(qtbot, ctx, monkeypatch):
    from ui.dialogs.backup import BackupDialog

    Setting.create(key="k1", value="before")
    dialog = BackupDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.now_button, Qt.MouseButton.LeftButton)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(1) == "manual"
    Setting.create(key="k2", value="after")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored_from is not None
    assert Setting.get_or_none(Setting.key == "k2") is None
    kinds = {b.kind for b in backup.list_backups(Path(ctx.db.info.path))}
    assert kinds == {"manual", "prerestore"}


def test_backup_settings_validation_in_dialog(qtbot, ctx, tmp_path):
    from ui.dialogs.backup import BackupDialog

    dialog = BackupDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "does-not-exist"))
    dialog.save_settings()
    assert not dialog.error.isHidden() and "does not exist" in dialog.error.text()
    (tmp_path / "nas").mkdir()
    dialog.folder.setText(str(tmp_path / "nas"))
    dialog.daily.setValue(3)
    dialog.save_settings()
    assert dialog.error.isHidden()
    assert backup.load_settings().daily == 3 and str(tmp_path / "nas") in dialog.where.text()


def test_non_admin_cannot_use_backup_actions(window):
    from PySide6.QtGui import QAction

    context.set_actor(Actor(operator_id=2, role=Role.TECHNICIAN, name="Tech"))
    tools = window.menu("tools")
    tools.aboutToShow.emit()
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    assert not actions["actionBackupNow"].isEnabled()
    assert not actions["actionRestore"].isEnabled()
    assert not actions["actionOperators"].isEnabled()
    context.set_actor(context.SYSTEM)
    tools.aboutToShow.emit()
    assert actions["actionBackupNow"].isEnabled()


def test_busy_indicator_in_status_bar(window):
    from servicedesk import retry

    label = window.findChild(type(window._operator_label), "statusBusy")
    assert label.isHidden()
    retry._notify(True)
    assert not label.isHidden()
    retry._notify(False)
    assert label.isHidden()


def test_back_up_now_runs_on_a_worker(qtbot, window):
    controller = window.backup_controller
    with qtbot.waitSignal(window.ctx.bus.status_message, timeout=10_000) as blocker:
        controller.back_up_now()
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    assert any(b.kind == "manual" for b in backup.list_backups(Path(window.ctx.db.info.path)))
    assert blocker.args


def test_corrupt_database_offer_restores_latest_good_backup(qtbot, tmp_path, monkeypatch):
    from servicedesk.db import open_database
    from ui.dialogs.backup import offer_recovery

    path = tmp_path / "office.db"
    database = open_database(path)
    Setting.create(key="k1", value="x")
    backup.take_backup(path, kind="auto")
    database.close()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert offer_recovery(path) is True
    assert "is damaged" in asked[0]
    database = open_database(path)
    assert Setting.get(Setting.key == "k1").value == "x"
    database.close()
    assert list(tmp_path.glob("office.db.corrupt-*"))


def test_corrupt_database_without_backup_says_so(qtbot, tmp_path, monkeypatch):
    from ui.dialogs.backup import offer_recovery

    path = tmp_path / "office.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert offer_recovery(path) is False
    assert "no good backup" in shown[0]


def test_start_up_recovery_opens_the_restored_file(qtbot, tmp_path, monkeypatch):
    from servicedesk.db import open_database
    from servicedesk.errors import DatabaseOpenError
    from ui.dialogs import backup as dialogs

    path = tmp_path / "office.db"
    database = open_database(path)
    Setting.create(key="k1", value="x")
    backup.take_backup(path, kind="auto")
    database.close()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # as on a desktop: the dialogs may be shown
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    recovered = dialogs.recover_and_open(path, info.value)
    assert recovered is not None and Setting.get(Setting.key == "k1").value == "x"
    recovered.close()
    other = DatabaseOpenError("x", code="db.newer_schema", path=str(path))
    assert dialogs.recover_and_open(path, other) is None  # only damage is offered a backup
