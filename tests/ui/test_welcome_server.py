"""First start on a PostgreSQL server: the welcome's fourth way (issue 17, R-X-4, R-X-6).

The server dialog's own code makes the URL (its fields are filled and its Connect button
clicked); the database opened is a real one on the session's throwaway cluster.
"""
from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QDialog

from servicedesk import paths
from tests import pg_server
from tests.core.test_pg_open import _MemoryKeyring
from tests.ui.test_welcome import _click, _start
from ui.dialogs import welcome
from ui.dialogs.server_connect import ServerDialog, server_url, split_password, with_password
from ui.dialogs.welcome import SERVER, DatabaseChoice, WelcomeDialog


@pytest.fixture(autouse=True)
def _english(qapp):
    from ui import i18n

    i18n.install(qapp, "en")


@pytest.fixture
def settings() -> QSettings:
    paths.user_data_dir().mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


@pytest.fixture
def memory_keyring(monkeypatch):
    """No password anywhere but what the test puts in an in-memory keyring."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    previous = keyring.get_keyring()
    ring = _MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def _answer_server_dialog(monkeypatch, *answers: dict) -> list[ServerDialog]:
    """Each time the server dialog opens, fill it with the next answer and click Connect."""
    pending = list(answers)
    seen: list[ServerDialog] = []

    def exec_(self: ServerDialog) -> int:
        seen.append(self)
        answer = pending.pop(0)
        self.host.setText(answer["host"])
        if "port" in answer:
            self.port.setValue(answer["port"])
        for key, edit in (("dbname", self.dbname), ("user", self.user),
                          ("password", self.password_edit)):
            if key in answer:
                edit.setText(answer[key])
        self.keep.setChecked(answer.get("keep", True))
        self.findChild(QAbstractButton, "serverConnect").click()
        return self.result()

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return seen


def test_the_welcome_offers_a_server(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server_button.text() == "Connect to a PostgreSQL server"
    assert dialog.server_button.isVisible() and dialog.server_button.isEnabled()


def test_a_server_database_chosen_at_first_start_is_remembered(qtbot, monkeypatch, pg_cluster,
                                                               pg_blank_url, settings):
    """An empty database IT made for the office: the app creates its schema, and the next start
    opens it without asking."""
    name = pg_blank_url.split("/")[3].split("?")[0]
    _answer_server_dialog(monkeypatch, {"host": str(pg_cluster.sockets), "port": pg_cluster.port,
                                        "dbname": name, "user": pg_server.SUPERUSER})
    db, answers = _start(qtbot, _click("welcomeServer"))
    try:
        assert len(answers.seen) == 1
        assert db.dialect == "postgresql" and db.info.created and db.info.dbname == name
    finally:
        db.close()
    settings.sync()
    expected = server_url(str(pg_cluster.sockets), pg_cluster.port, name, pg_server.SUPERUSER)
    assert welcome.remembered(settings) == DatabaseChoice(SERVER, expected)

    def fail(self):
        raise AssertionError("the welcome was shown")
    monkeypatch.setattr(WelcomeDialog, "exec", fail)
    db, _ = _start(qtbot)
    try:
        assert db.dialect == "postgresql" and not db.info.created
    finally:
        db.close()


def test_a_wrong_password_asks_again_and_the_right_one_goes_to_the_keyring(
        qtbot, monkeypatch, pg_cluster, settings, memory_keyring):
    name = "welcome_pw"
    pg_cluster.drop_database(name)
    pg_cluster.create_database(name, owner=pg_server.PASSWORD_ROLE)
    try:
        where = {"host": str(pg_cluster.sockets), "port": pg_cluster.port, "dbname": name,
                 "user": pg_server.PASSWORD_ROLE}
        _answer_server_dialog(monkeypatch, {**where, "password": "wrong"},
                              {**where, "password": pg_server.PASSWORD})
        db, answers = _start(qtbot, _click("welcomeServer"), _click("welcomeServer"))
        try:
            assert len(answers.seen) == 2
            assert "password is wrong or missing" in answers.notices[1]
            assert db.dialect == "postgresql" and db.info.user == pg_server.PASSWORD_ROLE
        finally:
            db.close()
        settings.sync()
        remembered = welcome.remembered(settings)
        assert remembered.kind == SERVER and pg_server.PASSWORD not in remembered.target
        assert list(memory_keyring.store.values()) == [pg_server.PASSWORD]
        # the next start finds the password in the keyring
        monkeypatch.setattr(WelcomeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        db, _ = _start(qtbot)
        try:
            assert db.dialect == "postgresql" and not db.info.created
        finally:
            db.close()
    finally:
        pg_cluster.drop_database(name)


def test_a_server_that_went_away_sends_the_user_back_to_the_welcome(qtbot, pg_cluster, settings):
    """A remembered server that refuses (here: its database is gone) is not a file to recover:
    the welcome says why and asks again; nothing is created."""
    gone = pg_cluster.url("no_such_database")
    welcome.remember(settings, DatabaseChoice(SERVER, gone))
    result, answers = _start(qtbot)  # the welcome is quit
    assert result == 0
    assert len(answers.seen) == 1 and "does not exist" in answers.notices[0]


def test_the_dialog_asks_for_what_is_missing(qtbot):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.user.setText("")
    dialog.findChild(QAbstractButton, "serverConnect").click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Fill in: server, user."
    dialog.host.setText("dbserver.office.lan")
    dialog.user.setText("mario rossi")
    dialog.tls.setCurrentIndex(dialog.tls.findData("require"))
    dialog.findChild(QAbstractButton, "serverConnect").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.url == "postgresql://mario%20rossi@dbserver.office.lan/servicedesk?sslmode=require"
    assert dialog.password == "" and not dialog.keep_password


def test_a_pasted_url_keeps_its_options_and_gives_up_its_password(qtbot):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("postgresql://anna:s%40cret@db:5433/ufficio?sslmode=verify-full")
    assert not dialog.dbname.isEnabled() and not dialog.port.isEnabled()
    dialog.findChild(QAbstractButton, "serverConnect").click()
    assert dialog.url == "postgresql://anna@db:5433/ufficio?sslmode=verify-full"
    assert dialog.password == "s@cret" and dialog.keep_password


def test_urls():
    assert server_url("db.lan", 5432, "servicedesk", "mario") == "postgresql://mario@db.lan/servicedesk"
    assert server_url("::1", 6000, "d", "u") == "postgresql://u@[::1]:6000/d"
    assert server_url("/run/postgresql", 5433, "d", "u") == \
        "postgresql://u@/d?host=/run/postgresql&port=5433"
    assert split_password("postgresql://u@h/d?options=a@b") == ("postgresql://u@h/d?options=a@b", "")
    assert with_password("postgresql://u@h/d", "p@ss:/") == "postgresql://u:p%40ss%3A%2F@h/d"
    assert with_password("postgresql:///d?host=/tmp", "x") == "postgresql://:x@/d?host=/tmp"
