"""The customer signs the intervention on screen, with the name in block capitals (R-X-7)."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from servicedesk.services import interventions, signatures

from .. import fmt, messages
from ..widgets.signature_pad import SignaturePad
from ..interpreter import PaintsHoldingLock


def _register_messages() -> None:
    from PySide6.QtCore import QCoreApplication

    reg = messages.register
    reg("signatures.empty", lambda p: QCoreApplication.translate("Messages", "The signature is empty: ask the customer to sign in the white box."))
    reg("signatures.outside", lambda p: QCoreApplication.translate("Messages", "The signature lies outside its box: clear it and sign again."))
    reg("signatures.not_signable", lambda p: QCoreApplication.translate("Messages", "Only an intervention in progress or done can be signed."))


_register_messages()


class SignatureDialog(PaintsHoldingLock, QDialog):
    """Sign intervention ``intervention_id``; accepted once the signature is stored."""

    def __init__(self, *, ctx, intervention_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.intervention_id = intervention_id
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("Customer signature"))
        info = interventions.details(intervention_id)
        self.version = info.version
        head = QLabel(self.tr("%1 · %2 · request %3").replace("%1", info.customer)
                      .replace("%2", fmt.datetime(info.planned_start) if info.planned_start else "")
                      .replace("%3", info.request_number))
        head.setObjectName("signatureHead")
        head.setWordWrap(True)
        self.name = QLineEdit(info.contact_name)
        self.name.setObjectName("signerName")
        self.name.setPlaceholderText(self.tr("Name and surname of who signs"))
        self.pad = SignaturePad()
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("clearSignature")
        clear.clicked.connect(self.pad.clear)
        hint = QLabel(self.tr("By signing, the customer confirms the work described in the "
                              "intervention report."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #475569;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save signature"))
        self.buttons.addButton(clear, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.pad.changed.connect(self._update)
        self.name.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("Signed by"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        existing = signatures.signature_of(intervention_id)
        if existing is not None:
            self.pad.set_path(existing[0])
            self.name.setText(existing[1])
        self.resize(680, 460)
        self._update()

    def _update(self) -> None:
        ok = not self.pad.is_empty() and bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        outcome = self.ctx.ops.run(self, signatures.sign, self.intervention_id,
                                   signer_name=self.name.text(), path=self.pad.path(),
                                   version=self.version,
                                   title=self.tr("Signature not saved"))
        if outcome is not None:
            self.accept()
