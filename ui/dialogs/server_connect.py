"""Connect to a PostgreSQL server: address, database, user, password, TLS (issue 17, R-X-4).

The fields make a libpq URL (``postgresql://user@host:port/db?sslmode=…``); a URL pasted in the
server field (as IT may hand it out) is taken as it is. The password never goes into the URL
that is remembered: it is kept in the OS keyring (when the user agrees and a keyring exists), or
in ``.pgpass``/``PGPASSWORD`` as libpq reads them.
"""
from __future__ import annotations

import getpass
from urllib.parse import quote

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from servicedesk.pg import is_server_url
from ..interpreter import PaintsHoldingLock

DEFAULT_PORT = 5432
TLS_MODES = ("prefer", "require", "verify-full")


def server_url(host: str, port: int, dbname: str, user: str, sslmode: str = "prefer") -> str:
    """The libpq URL of these fields. A host that is a folder is a unix socket (``host=``)."""
    host = host.strip()
    query = []
    if host.startswith("/"):
        where = ""
        query.append(f"host={quote(host, safe='/')}")
        if port != DEFAULT_PORT:
            query.append(f"port={port}")
    else:
        where = f"[{host}]" if ":" in host else host  # an IPv6 address
        if port != DEFAULT_PORT:
            where += f":{port}"
    if sslmode != "prefer":
        query.append(f"sslmode={sslmode}")
    tail = ("?" + "&".join(query)) if query else ""
    return f"postgresql://{quote(user.strip(), safe='')}@{where}/{quote(dbname.strip(), safe='')}{tail}"


def split_password(url: str) -> tuple[str, str]:
    """(``url`` without a password, the password it carried or "") — a pasted URL may hold one,
    the remembered URL never does."""
    from urllib.parse import unquote

    scheme, sep, rest = url.strip().partition("://")
    auth, at, after = rest.partition("@")
    if not at or ":" not in auth or "/" in auth:
        return url.strip(), ""
    user, _, password = auth.partition(":")
    return f"{scheme}{sep}{user}@{after}", unquote(password)


def with_password(url: str, password: str) -> str:
    """``url`` carrying ``password`` (percent-encoded) for this one connection."""
    scheme, rest = url.split("://", 1)
    auth, sep, after = rest.partition("@")
    if not sep:  # no user in the URL: libpq's default user
        auth, after = "", rest
    user = auth.split(":", 1)[0]
    return f"{scheme}://{user}:{quote(password, safe='')}@{after}"


class ServerDialog(PaintsHoldingLock, QDialog):
    """Asks where the office's PostgreSQL database is; ``url``/``password``/``keep_password``
    hold the answer once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = ""
        self.password = ""
        self.keep_password = False
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to a PostgreSQL server"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("IT gives you these: the server's name or address, the database "
                              "and your user. A postgresql:// address can be pasted as the "
                              "server."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. dbserver.office.lan"))
        self.host.textChanged.connect(self._host_changed)
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.dbname = QLineEdit("servicedesk")
        self.dbname.setObjectName("serverDatabase")
        self.user = QLineEdit(_os_user())
        self.user.setObjectName("serverUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: from the keyring or .pgpass"))
        self.keep = QCheckBox(self.tr("Keep the password in this computer's keyring"))
        self.keep.setObjectName("serverKeepPassword")
        self.keep.setChecked(True)
        self.tls = QComboBox()
        self.tls.setObjectName("serverTls")
        self.tls.addItem(self.tr("When the server offers it"), "prefer")
        self.tls.addItem(self.tr("Always"), "require")
        self.tls.addItem(self.tr("Always, server certificate checked"), "verify-full")
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.dbname)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.keep)
        form.addRow(self.tr("Encrypted connection"), self.tls)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("serverError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        connect = buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        connect.setObjectName("serverConnect")
        connect.setDefault(True)
        buttons.accepted.connect(self._connect)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _host_changed(self, text: str) -> None:
        """A pasted URL says everything but the password: the other fields step aside."""
        pasted = is_server_url(text)
        for widget in (self.port, self.dbname, self.user, self.tls):
            widget.setEnabled(not pasted)

    def _connect(self) -> None:
        host = self.host.text().strip()
        if is_server_url(host):
            url, pasted_password = split_password(host)
            if pasted_password and not self.password_edit.text():
                self.password_edit.setText(pasted_password)
        else:
            missing = [label for label, value in ((self.tr("server"), host),
                                                  (self.tr("database"), self.dbname.text()),
                                                  (self.tr("user"), self.user.text()))
                       if not value.strip()]
            if missing:
                self.error.setText(self.tr("Fill in: %1.").replace("%1", ", ".join(missing)))
                self.error.show()
                return
            url = server_url(host, self.port.value(), self.dbname.text(), self.user.text(),
                             self.tls.currentData())
        self.url = url
        self.password = self.password_edit.text()
        self.keep_password = bool(self.password) and self.keep.isChecked()
        self.accept()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return ""
