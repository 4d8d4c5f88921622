"""First start on a workstation: a new office database, a shared one, a PostgreSQL server or
the demo (R-X-4, #19, #17).

The choice is remembered in the workstation's settings and opened at every later start
(``--db``, ``SERVICEDESK_DB`` and ``--demo`` still win). A choice is a kind and a *target*, the
string ``open_database`` takes: a file path, or the ``postgresql://`` URL of a server database
(never with its password: that one goes to the OS keyring when the user agrees).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (QCommandLinkButton, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QVBoxLayout, QWidget)

from ..database_choice import (DEMO, NEW, OPEN, SERVER, DatabaseChoice,  # noqa: F401 - the
                               remember, remembered)  # choice lives there; callers use welcome.X
from ..interpreter import PaintsHoldingLock


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
        or str(Path.home())


class WelcomeDialog(PaintsHoldingLock, QDialog):
    """Four ways to start; ``choice`` holds the one taken (None: the user quit)."""

    def __init__(self, *, notice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: DatabaseChoice | None = None
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to ServiceDesk"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        title = QLabel(self.tr("Welcome to ServiceDesk"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr("Which database will this workstation use? You choose once; "
                               "ServiceDesk opens it at every start."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.notice = QLabel(notice)
        self.notice.setObjectName("welcomeNotice")
        self.notice.setProperty("role", "error")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        self._options = QVBoxLayout()
        self._options.setSpacing(4)
        layout.addLayout(self._options)
        self.new_button = self._add_option(
            "welcomeNew", self.tr("New office database"),
            self.tr("Start from empty. Put the file on the office's network drive if other "
                    "workstations will use it too."), self._new)
        self.open_button = self._add_option(
            "welcomeOpen", self.tr("Open a shared database"),
            self.tr("The office already works with ServiceDesk: open its database file, "
                    "usually on the network drive."), self._open)
        self.server_button = self._add_option(
            "welcomeServer", self.tr("Connect to a PostgreSQL server"),
            self.tr("A bigger office keeps its database on a server: IT tells you its "
                    "address, the database and your user."), self._server)
        self.demo_button = self._add_option(
            "welcomeDemo", self.tr("Try the demo"),
            self.tr("An example office full of requests, contracts and interventions. "
                    "Nothing done there touches real work."), self._demo)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("welcomeQuit")
        quit_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_option(self, name: str, title: str, text: str, slot: Callable[[], None]):
        button = QCommandLinkButton(title, text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # equal choices: none is picked by Enter
        button.clicked.connect(slot)
        self._options.addWidget(button)
        return button

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # -- the options --------------------------------------------------------------------------
    def _new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New office database"), os.path.join(_documents(), "ServiceDesk.db"),
            self.tr("ServiceDesk database (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".db")
        if path.exists() and (path.is_dir() or path.stat().st_size > 0):
            # never start a new database over an existing file: it may be the office's work
            self._show_notice(self.tr("“%1” already exists. To work on it, choose “Open a shared "
                                      "database”; for a new one, choose another name.")
                              .replace("%1", str(path)))
            return
        self._choose(DatabaseChoice(NEW, str(path)))

    def _open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a shared database"), _documents(),
            self.tr("ServiceDesk database (*.db *.sqlite);;All files (*)"))
        if name:
            self._choose(DatabaseChoice(OPEN, name))

    def _server(self) -> None:
        from .server_connect import ServerDialog

        dialog = ServerDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.url:
            self._choose(DatabaseChoice(SERVER, dialog.url, dialog.password,
                                        dialog.keep_password))

    def _demo(self) -> None:
        self._choose(DatabaseChoice(DEMO))

    def _choose(self, choice: DatabaseChoice) -> None:
        self.choice = choice
        self.accept()


def first_start(settings: QSettings, open_choice: Callable[[DatabaseChoice], object], *,
                notice: str = "", parent: QWidget | None = None):
    """Ask until a database opens; remember the choice and return the database (None: quit).

    ``open_choice`` opens a choice or raises ``ServiceDeskError``, whose text is shown on the
    dialog for the next try.
    """
    from servicedesk.errors import ServiceDeskError

    from ..messages import error_text

    while True:
        dialog = WelcomeDialog(notice=notice, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return None
        try:
            db = open_choice(dialog.choice)
        except ServiceDeskError as err:
            notice = error_text(err)
            continue
        remember(settings, dialog.choice)
        if dialog.choice.keep_password:
            _keep_password(dialog.choice)
        return db


def _keep_password(choice: DatabaseChoice) -> None:
    """The password that just worked, into the OS keyring for the next starts. Without a
    keyring the next start asks again (or libpq finds it in .pgpass): nothing is lost."""
    from servicedesk.pg.database import store_password

    try:
        store_password(choice.target, choice.password)
    except Exception:  # noqa: BLE001 - no keyring backend on this machine
        pass
