"""First start on a workstation: the welcome, the remembered choice, the overrides (R-X-4, #19)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog

from servicedesk import paths
from servicedesk.db import close_database, open_database
from ui.app import parse_args, start_database
from ui.dialogs import welcome
from ui.dialogs.welcome import DEMO, NEW, OPEN, DatabaseChoice, WelcomeDialog


@pytest.fixture(autouse=True)
def _english(qapp):
    from ui import i18n

    i18n.install(qapp, "en")


@pytest.fixture
def settings() -> QSettings:
    paths.user_data_dir().mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


class Welcome:
    """Answers the welcome dialogs that start_database shows (modally), one action each."""

    def __init__(self, qtbot, *actions) -> None:
        self.actions = list(actions)
        self.seen: list[WelcomeDialog] = []
        self.notices: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(20)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog) or dialog in self.seen:
            return
        self.seen.append(dialog)
        self.notices.append(dialog.notice.text() if dialog.notice.isVisibleTo(dialog) else "")
        action = self.actions.pop(0) if self.actions else (lambda d: d.reject())
        action(dialog)

    def stop(self) -> None:
        self.timer.stop()


def _click(name: str):
    return lambda dialog: dialog.findChild(QAbstractButton, name).click()


def _pick(monkeypatch, which: str, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, which, staticmethod(lambda *a, **k: (str(path), "")))


def _start(qtbot, *actions, argv=(), headless=False):
    answers = Welcome(qtbot, *actions)
    try:
        result = start_database(parse_args(list(argv)), headless=headless)
    finally:
        answers.stop()
    return result, answers


@pytest.fixture
def no_welcome(monkeypatch):
    def fail(self):
        raise AssertionError("the welcome was shown")
    monkeypatch.setattr(WelcomeDialog, "exec", fail)


def test_welcome_offers_three_ways_to_start(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    titles = [b.text() for b in (dialog.new_button, dialog.open_button, dialog.demo_button)]
    assert titles == ["New office database", "Open a shared database", "Try the demo"]
    assert all(b.isVisible() and b.isEnabled() for b in (dialog.new_button, dialog.open_button,
                                                         dialog.demo_button))
    assert dialog.notice.isHidden()


def test_new_office_database_is_created_where_chosen_and_remembered(qtbot, monkeypatch, tmp_path,
                                                                     settings):
    folder = tmp_path / "network drive"
    folder.mkdir()
    _pick(monkeypatch, "getSaveFileName", folder / "Ufficio")  # no suffix typed
    db, answers = _start(qtbot, _click("welcomeNew"))
    try:
        assert len(answers.seen) == 1
        assert Path(db.database) == folder / "Ufficio.db" and db.info.created
        assert db.info.shared and db.info.journal_mode == "delete"  # an office database is shared
    finally:
        db.close()
    settings.sync()
    assert welcome.remembered(settings) == DatabaseChoice(NEW, str(folder / "Ufficio.db"))


def test_next_start_opens_the_remembered_database_without_asking(qtbot, tmp_path, settings,
                                                                 no_welcome):
    office = tmp_path / "office.db"
    open_database(office)
    close_database()
    welcome.remember(settings, DatabaseChoice(OPEN, str(office)))
    db, _ = _start(qtbot)
    try:
        assert Path(db.database) == office and not db.info.created
    finally:
        db.close()


def test_open_a_shared_database(qtbot, monkeypatch, tmp_path, settings):
    office = tmp_path / "share" / "servicedesk.db"
    office.parent.mkdir()
    open_database(office)
    close_database()
    _pick(monkeypatch, "getOpenFileName", office)
    db, _ = _start(qtbot, _click("welcomeOpen"))
    try:
        assert Path(db.database) == office and not db.info.created
    finally:
        db.close()
    assert welcome.remembered(settings) == DatabaseChoice(OPEN, str(office))


def test_try_the_demo(qtbot, demo_template, settings):
    paths.demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_template, paths.demo_db_path())  # generating it again takes seconds
    db, _ = _start(qtbot, _click("welcomeDemo"))
    try:
        assert Path(db.database) == paths.demo_db_path() and not db.info.shared
    finally:
        db.close()
    assert welcome.remembered(settings) == DatabaseChoice(DEMO)


def test_a_file_that_is_not_a_database_is_refused_and_the_welcome_asks_again(
        qtbot, monkeypatch, tmp_path, settings):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n")
    _pick(monkeypatch, "getOpenFileName", notes)
    result, answers = _start(qtbot, _click("welcomeOpen"), lambda d: d.reject())
    assert result == 0  # the user quit at the second welcome
    assert len(answers.seen) == 2 and "notes.db" in answers.notices[1]
    assert notes.read_text() == "shopping list\n"
    assert welcome.remembered(settings) is None


def test_a_new_database_never_replaces_an_existing_file(qtbot, monkeypatch, tmp_path):
    existing = tmp_path / "servicedesk.db"
    existing.write_bytes(b"the office's work")
    _pick(monkeypatch, "getSaveFileName", existing)
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None and dialog.result() != dialog.DialogCode.Accepted
    assert "already exists" in dialog.notice.text() and not dialog.notice.isHidden()
    assert existing.read_bytes() == b"the office's work"


def test_cancelled_file_dialogs_keep_the_welcome_open(qtbot, monkeypatch):
    _pick(monkeypatch, "getSaveFileName", "")
    _pick(monkeypatch, "getOpenFileName", "")
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.new_button.click()
    dialog.open_button.click()
    assert dialog.choice is None and dialog.notice.isHidden()


def test_quit(qtbot, settings):
    result, answers = _start(qtbot, _click("welcomeQuit"))
    assert result == 0 and len(answers.seen) == 1
    assert welcome.remembered(settings) is None


def test_remembered_database_gone_asks_again_and_creates_nothing(qtbot, tmp_path, settings):
    gone = tmp_path / "unmounted share" / "servicedesk.db"
    welcome.remember(settings, DatabaseChoice(OPEN, str(gone)))
    result, answers = _start(qtbot, lambda d: d.reject())
    assert result == 0 and len(answers.seen) == 1
    assert "servicedesk.db" in answers.notices[0]
    assert not gone.exists() and not gone.parent.exists()


def test_remembered_database_deleted_is_not_recreated_empty(qtbot, tmp_path, settings):
    deleted = tmp_path / "servicedesk.db"
    welcome.remember(settings, DatabaseChoice(NEW, str(deleted)))
    result, answers = _start(qtbot, lambda d: d.reject())
    assert result == 0 and "does not exist" in answers.notices[0]
    assert not deleted.exists()


@pytest.mark.parametrize("how", ["--db", "SERVICEDESK_DB", "--demo"])
def test_command_line_and_environment_bypass_the_choice(qtbot, monkeypatch, tmp_path, settings,
                                                        demo_template, no_welcome, how):
    welcome.remember(settings, DatabaseChoice(OPEN, str(tmp_path / "remembered.db")))
    other = tmp_path / "other.db"
    argv: list[str] = []
    if how == "--db":
        argv = ["--db", str(other)]
    elif how == "SERVICEDESK_DB":
        monkeypatch.setenv("SERVICEDESK_DB", str(other))
    else:
        shutil.copy(demo_template, paths.demo_db_path())
        other = paths.demo_db_path()
        argv = ["--demo"]
    db, _ = _start(qtbot, argv=argv)
    try:
        assert Path(db.database) == other
    finally:
        db.close()
    assert welcome.remembered(settings) == DatabaseChoice(OPEN, str(tmp_path / "remembered.db"))


def test_headless_start_without_a_choice_uses_the_default_file(qtbot, no_welcome):
    db, _ = _start(qtbot, headless=True)
    try:
        assert Path(db.database) == paths.default_db_path()
    finally:
        db.close()


def test_a_workstation_that_already_has_the_default_database_keeps_it(qtbot, no_welcome):
    paths.default_db_path().parent.mkdir(parents=True, exist_ok=True)
    open_database(paths.default_db_path())
    close_database()
    db, _ = _start(qtbot)
    try:
        assert Path(db.database) == paths.default_db_path() and not db.info.created
    finally:
        db.close()


def test_file_open_of_another_database_is_remembered_for_the_next_start(qtbot, monkeypatch,
                                                                        window, tmp_path, settings):
    """File › Open database switches files; the next start opens the new one too."""
    from ui import app
    from ui.features import signin

    monkeypatch.setattr(signin, "before_window", lambda ctx: True)  # signed in already
    other = tmp_path / "other office.db"
    open_database(other)
    close_database()
    app.relaunch_with_database(window, str(other))
    opened = [w for w in QApplication.topLevelWidgets()
              if w is not window and getattr(w, "ctx", None) is not None and w.isVisible()]
    assert [Path(w.ctx.db.database) for w in opened] == [other]
    for w in opened:
        qtbot.addWidget(w)
        w.ctx.db.close()
    settings.sync()
    assert welcome.remembered(settings) == DatabaseChoice(OPEN, str(other))
