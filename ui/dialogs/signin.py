"""Sign-in dialog, first-run "create the administrator" dialog and "change my password" (R-X-1)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from servicedesk.context import Actor
from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.queries import operators as oq
from servicedesk.services import auth, operators

from .. import fmt
from ..messages import error_text
from ..settings import LAST_USER
from ..interpreter import PaintsHoldingLock


def _password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(auth.MAX_PASSWORD)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setObjectName("signinError")
    label.hide()
    return label


class SignInDialog(PaintsHoldingLock, QDialog):
    """Who is working at this workstation: user name, password, optionally "remember me"."""

    def __init__(self, *, ctx, database_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to ServiceDesk"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        title = QLabel(self.tr("Sign in"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        if database_label:
            where = QLabel(self.tr("Database: %1").replace("%1", database_label))
            where.setProperty("role", "hint")
            where.setWordWrap(True)
            layout.addWidget(where)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.username = QComboBox()
        self.username.setObjectName("signinUser")
        self.username.setEditable(True)
        self.username.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.username.lineEdit().setMaxLength(40)
        for op in oq.operators():
            if op.active:
                self.username.addItem(f"{op.full_name} ({op.username})", op.username)
        self.username.setCurrentIndex(-1)
        self.username.lineEdit().setPlaceholderText(self.tr("user name"))
        self.password = _password_field()
        self.password.setObjectName("signinPassword")
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setObjectName("signinRemember")
        self.remember.setToolTip(self.tr("Only on a personal computer: the next start signs you in "
                                         "without the password, until you sign out."))
        form.addRow(self.tr("User:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("signinOk")
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        last = LAST_USER.read(ctx.settings)
        if last:
            index = self.username.findData(last)
            if index >= 0:
                self.username.setCurrentIndex(index)
            self.password.setFocus()

    def username_text(self) -> str:
        text = self.username.currentText().strip()
        index = self.username.currentIndex()
        if index >= 0 and text == self.username.itemText(index):
            return str(self.username.itemData(index))
        return text

    def try_sign_in(self) -> None:
        try:
            self.actor = auth.sign_in(self.username_text(), self.password.text())
        except auth.SignInError as err:
            self.password.clear()
            self.password.setFocus()
            self._show_error(err)
            return
        except ServiceDeskError as err:
            self._show_error(err)
            return
        self.accept()

    def _show_error(self, err: ServiceDeskError) -> None:
        if err.code == "auth.locked":
            until = err.params.get("until")
            text = self.tr("Too many wrong passwords: this user is locked until %1. "
                           "An administrator can unlock it by setting a new password.") \
                .replace("%1", fmt.time(until.time()) if until else "")
        else:
            text = error_text(err)
        self.error.setText(text)
        self.error.show()


class FirstRunDialog(PaintsHoldingLock, QDialog):
    """The first start on a new database: create the administrator."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to ServiceDesk"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        title = QLabel(self.tr("Create the administrator"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr("This database has no administrator yet. The administrator manages "
                               "operators, roles, settings and backups; create the other operators "
                               "afterwards from Tools › Operators and teams."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.username.setObjectName("firstUser")
        self.username.setMaxLength(40)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("firstName")
        self.full_name.setMaxLength(120)
        self.password = _password_field()
        self.password.setObjectName("firstPassword")
        self.again = _password_field()
        self.again.setObjectName("firstAgain")
        self.password.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(auth.MIN_PASSWORD)))
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.again)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("firstOk")
        ok.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.full_name.setFocus()

    def create(self) -> None:
        try:
            self.actor = operators.create_first_admin(self.username.text(), self.full_name.text(),
                                                 self.password.text(), password_again=self.again.text())
        except ValidationError as err:
            labels = {"username": self.tr("User name"), "full_name": self.tr("Full name"),
                      "password": self.tr("Password"), "password_again": self.tr("Repeat password")}
            for fe in err.errors:
                fe.params.setdefault("label", labels.get(fe.field, fe.field))
            self.error.setText(error_text(err))
            self.error.show()
            return
        except ServiceDeskError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.accept()


class ChangePasswordDialog(PaintsHoldingLock, QDialog):
    """The signed-in operator changes his own password (the old one is asked first)."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        self.new.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(auth.MIN_PASSWORD)))
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.again)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            operators.change_own_password(self.old.text(), self.new.text(), self.again.text())
        except ValidationError as err:
            labels = {"old_password": self.tr("Current password"), "password": self.tr("New password"),
                      "password_again": self.tr("Repeat new password")}
            for fe in err.errors:
                fe.params.setdefault("label", labels.get(fe.field, fe.field))
            self.error.setText(error_text(err))
            self.error.show()
            return
        except ServiceDeskError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.accept()
