"""The office's scheduling rules (Board › Scheduling rules…): whether a request follows its work (#12)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from servicedesk.permissions import Permission
from servicedesk.services import interventions
from ..interpreter import PaintsHoldingLock


class BoardSettingsDialog(PaintsHoldingLock, QDialog):
    """Shared by every workstation of the database (a database setting, not a preference)."""

    def __init__(self, *, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("boardSettingsDialog")
        self.setWindowTitle(QCoreApplication.translate("Board", "Scheduling rules"))
        self.follow = QCheckBox(QCoreApplication.translate(
            "Board", "Scheduling an intervention for a technician assigns a new request to that technician"))
        self.follow.setObjectName("followWorkCheck")
        self.follow.setChecked(interventions.request_follows_work())
        explain = QLabel(QCoreApplication.translate(
            "Board", "The request moves from “New” to “Assigned” with the technician as its owner "
            "(an owner already chosen stays). When its last intervention is done, resolving it "
            "is offered in any case."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #6b7280;")
        editable = ctx.actor.can(Permission.SETTINGS)
        self.follow.setEnabled(editable)
        note = QLabel(QCoreApplication.translate(
            "Board", "Applies to every workstation. Only an administrator may change it."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.follow)
        layout.addWidget(explain)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(520, 200)

    def save(self) -> None:
        if self.ctx.ops.run(self, interventions.set_request_follows_work,
                            self.follow.isChecked()) is not None:
            self.accept()
