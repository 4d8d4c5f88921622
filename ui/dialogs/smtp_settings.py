"""E-mail settings: SMTP server, sender and the office details printed in notices (R-MNT-2).
The password goes to the OS keyring; without one it is kept for this session only, and the
dialog says so."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from servicedesk.errors import ServiceDeskError, ValidationError
from servicedesk.permissions import Permission
from servicedesk.services import mailer, notices

from ..widgets.party_rows import errors_text
from ..interpreter import PaintsHoldingLock


def smtp_labels() -> dict[str, str]:
    return {"host": QCoreApplication.translate("Maintenance", "Server"), "port": QCoreApplication.translate("Maintenance", "Port"),
            "security": QCoreApplication.translate("Maintenance", "Security"), "from_address": QCoreApplication.translate("Maintenance", "Sender address"),
            "timeout": QCoreApplication.translate("Maintenance", "Timeout"), "company": QCoreApplication.translate("Maintenance", "Company name"),
            "email": QCoreApplication.translate("Maintenance", "Reply e-mail"), "language": QCoreApplication.translate("Maintenance", "Language of notices"),
            "window_minutes": QCoreApplication.translate("Maintenance", "Arrival window")}


def save_mail_settings(s: mailer.SmtpSettings, password: str | None,
                       sender: notices.SenderInfo) -> str:
    """The server and the sender's details, saved as one unit of work; where the password
    went ("keyring" or "session")."""
    where = mailer.save_settings(s, password)
    notices.save_sender(sender)
    return where


class SmtpSettingsDialog(PaintsHoldingLock, QDialog):
    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtpSettingsDialog")
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("Maintenance", "E-mail settings"))
        s = mailer.load_settings()
        sender = notices.load_sender()
        layout = QVBoxLayout(self)
        server = QGroupBox(QCoreApplication.translate("Maintenance", "Outgoing mail server (SMTP)"))
        form = QFormLayout(server)
        self.host = QLineEdit(s.host)
        self.host.setPlaceholderText("smtp.example.it")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(s.port)
        self.security = QComboBox()
        self.security.addItem("STARTTLS", "starttls")
        self.security.addItem("SSL/TLS", "ssl")
        self.security.addItem(QCoreApplication.translate("Maintenance", "none (not encrypted)"), "none")
        self.security.setCurrentIndex(max(0, self.security.findData(s.security)))
        self.security.currentIndexChanged.connect(self._default_port)
        self.user = QLineEdit(s.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(QCoreApplication.translate("Maintenance", "unchanged") if mailer.get_password(s)
                                         else "")
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("smtpKeyringNote")
        self.keyring_note.setWordWrap(True)
        if mailer.keyring_available():
            self.keyring_note.setText(QCoreApplication.translate("Maintenance", "The password is kept in the system keyring, not in the database."))
        else:
            self.keyring_note.setText(QCoreApplication.translate("Maintenance", "No system keyring is available on this computer: the password is kept only until ServiceDesk is closed, never in the database. Enter it again after a restart to send e-mail."))
            self.keyring_note.setStyleSheet("color: #b45309;")
        self.from_address = QLineEdit(s.from_address)
        self.from_name = QLineEdit(s.from_name)
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 300)
        self.timeout.setValue(s.timeout)
        self.timeout.setSuffix(" s")
        port_row = QHBoxLayout()
        port_row.addWidget(self.port)
        port_row.addWidget(self.security, 1)
        labels = smtp_labels()
        form.addRow(labels["host"], self.host)
        form.addRow(labels["port"], port_row)
        form.addRow(QCoreApplication.translate("Maintenance", "User"), self.user)
        form.addRow(QCoreApplication.translate("Maintenance", "Password"), self.password)
        form.addRow("", self.keyring_note)
        form.addRow(labels["from_address"], self.from_address)
        form.addRow(QCoreApplication.translate("Maintenance", "Sender name"), self.from_name)
        form.addRow(labels["timeout"], self.timeout)
        test = QPushButton(QCoreApplication.translate("Maintenance", "Test connection"))
        test.clicked.connect(self.test)
        form.addRow("", test)
        layout.addWidget(server)
        office = QGroupBox(QCoreApplication.translate("Maintenance", "In the notices"))
        of = QFormLayout(office)
        self.company = QLineEdit(sender.company)
        self.phone = QLineEdit(sender.phone)
        self.reply = QLineEdit(sender.email)
        self.city = QLineEdit(sender.city)
        self.language = QComboBox()
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(sender.language)))
        self.window = QSpinBox()
        self.window.setRange(0, 240)
        self.window.setSingleStep(15)
        self.window.setValue(sender.window_minutes)
        self.window.setSuffix(" " + QCoreApplication.translate("Maintenance", "min before the planned start"))
        of.addRow(labels["company"], self.company)
        of.addRow(QCoreApplication.translate("Maintenance", "Phone for rescheduling"), self.phone)
        of.addRow(labels["email"], self.reply)
        of.addRow(QCoreApplication.translate("Maintenance", "City (letters)"), self.city)
        of.addRow(labels["language"], self.language)
        of.addRow(labels["window_minutes"], self.window)
        layout.addWidget(office)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            ctx.actor.can(Permission.SETTINGS))
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _default_port(self) -> None:
        ports = {"starttls": 587, "ssl": 465, "none": 25}
        if self.port.value() in ports.values():
            self.port.setValue(ports[self.security.currentData()])

    def settings(self) -> mailer.SmtpSettings:
        return mailer.SmtpSettings(host=self.host.text(), port=self.port.value(),
                                   security=self.security.currentData(), user=self.user.text(),
                                   from_address=self.from_address.text(),
                                   from_name=self.from_name.text(), timeout=self.timeout.value())

    def _password(self, s: mailer.SmtpSettings) -> str | None:
        return self.password.text() if self.password.text() else mailer.get_password(s)

    def test(self) -> None:
        s = self.settings()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            mailer.test_connection(s, self._password(s))
        except mailer.MailError as err:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, QCoreApplication.translate("Maintenance", "Test connection"),
                                QCoreApplication.translate("Maintenance", "The server could not be reached or refused the sign-in:") + "\n" + err.params.get("detail", str(err)))
            return
        except ValidationError as err:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, QCoreApplication.translate("Maintenance", "Test connection"), errors_text(err, smtp_labels()))
            return
        QApplication.restoreOverrideCursor()
        QMessageBox.information(self, QCoreApplication.translate("Maintenance", "Test connection"),
                                QCoreApplication.translate("Maintenance", "Connected and signed in."))

    def save(self) -> None:
        sender = notices.SenderInfo(
            company=self.company.text(), phone=self.phone.text(), email=self.reply.text(),
            city=self.city.text(), language=self.language.currentData(),
            window_minutes=self.window.value())

        def refused(err: ServiceDeskError) -> bool:
            QMessageBox.warning(self, QCoreApplication.translate("Maintenance", "Not saved"), errors_text(err, smtp_labels()))
            return True

        outcome = self.ctx.ops.run(self, save_mail_settings, self.settings(),
                                   self.password.text() or None, sender, on_failure=refused)
        if outcome is None:
            return
        if outcome.result == "session":
            self.ctx.bus.status_message.emit(QCoreApplication.translate("Maintenance", "Settings saved; the password is kept for this session only."))
        self.accept()
